import PortalCore

/// Where the household pages live.
enum HouseholdPaths {
    static let household = "/mon-espace/foyer"
    static let newChild = "/mon-espace/foyer/enfants/nouveau"
    static let newDocument = "/mon-espace/foyer/documents/nouveau"
    static let invite = "/mon-espace/foyer/invitation"

    /// The page where the invitation carrying `token` is accepted.
    static func invitation(token: String) -> String { "\(invite)/\(token)" }

    static func child(_ id: Int64) -> String { "\(household)/enfants/\(id)" }

    static func document(_ id: Int64) -> String { "\(household)/documents/\(id)" }

    /// The form to add a document, with its type chosen (from a registration refused for lack of it).
    static func newDocument(_ kind: SupportingDocument.Kind) -> String { "\(newDocument)?type=\(kind.rawValue)" }
}
