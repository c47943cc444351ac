/// Where the registration pages live.
enum RegistrationPaths {
    static let resident = "/mon-espace/inscriptions"
    static let agent = "/agent/inscriptions"

    static func cancellation(_ id: Int64) -> String { "\(resident)/\(id)/annulation" }

    static func activity(_ id: String) -> String { "\(agent)/\(id)" }

    static func refusal(_ activityId: String, _ id: Int64) -> String { "\(activity(activityId))/refus/\(id)" }

    static func export(_ activityId: String) -> String { "\(activity(activityId))/export.csv" }
}
