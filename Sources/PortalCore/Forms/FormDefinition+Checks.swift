import Foundation

extension FormDefinition {
    /// What is wrong with this definition, in English for the administrator who wrote it;
    /// empty when it can be published.
    ///
    /// Ids are unique, conditions point to an earlier question and to values it can take,
    /// choice questions have choices, endings sit on choices, rules fit the question's kind.
    public func problems() -> [String] {
        var problems: [String] = []
        var pageIds: Set<String> = []
        var earlier: [String: FieldDefinition] = [:]
        if pages.isEmpty { problems.append("the form has no page") }
        for page in pages {
            if !pageIds.insert(page.id).inserted { problems.append("page \"\(page.id)\": duplicate page id") }
            if !Self.isIdentifier(page.id) { problems.append("page \"\(page.id)\": ids use lowercase letters, digits and hyphens") }
            if page.fields.isEmpty { problems.append("page \"\(page.id)\": no field") }
            if let condition = page.condition {
                problems += Self.check(condition, earlier: earlier, place: "page \"\(page.id)\"")
            }
            for field in page.fields {
                let place = "field \"\(field.id)\""
                if earlier[field.id] != nil { problems.append("\(place): duplicate field id") }
                if !Self.isIdentifier(field.id) { problems.append("\(place): ids use lowercase letters, digits and hyphens") }
                if let condition = field.condition {
                    problems += Self.check(condition, earlier: earlier, place: place)
                }
                problems += Self.check(field, place: place)
                earlier[field.id] = field
            }
        }
        return problems
    }

    private static func check(_ field: FieldDefinition, place: String) -> [String] {
        var problems: [String] = []
        let choiceKinds: Set<FieldDefinition.Kind> = [.singleChoice, .multipleChoice]
        if choiceKinds.contains(field.kind) {
            if field.choices.count < 2 { problems.append("\(place): a choice question needs at least two choices") }
            if Set(field.choices.map(\.value)).count != field.choices.count { problems.append("\(place): duplicate choice value") }
        } else if !field.choices.isEmpty {
            problems.append("\(place): only choice questions have choices")
        }
        if field.kind == .multipleChoice, field.choices.contains(where: { $0.ending != nil }) {
            problems.append("\(place): endings belong to single choices")
        }
        if let pattern = field.rules.pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
            problems.append("\(place): the pattern is not a valid regular expression")
        }
        for bound in [field.rules.earliest, field.rules.latest].compactMap({ $0 }) where field.kind == .date {
            if FormValidator.resolve(bound: bound, today: CalendarDay(Date())) == nil { problems.append("\(place): date bound \"\(bound)\" is not today±N or YYYY-MM-DD") }
        }
        if let types = field.rules.fileTypes {
            if field.kind != .file { problems.append("\(place): file types belong to file questions") }
            let unknown = Set(types).subtracting(["pdf", "jpeg", "png"])
            if !unknown.isEmpty { problems.append("\(place): unknown file types \(unknown.sorted())") }
        }
        if let prefill = field.prefill {
            let fits: Bool = switch prefill {
            case .displayName: field.kind == .shortText
            case .email: field.kind == .email
            case .commune: field.kind == .commune
            case .phone: field.kind == .phone
            case .address: field.kind == .address
            }
            if !fits { problems.append("\(place): cannot be pre-filled with \(prefill.rawValue)") }
        }
        return problems
    }

    private static func check(_ condition: ShowCondition, earlier: [String: FieldDefinition], place: String) -> [String] {
        guard let source = earlier[condition.field] else {
            return ["\(place): the condition names \"\(condition.field)\", which is not an earlier question"]
        }
        let possible: Set<String>? = switch source.kind {
        case .singleChoice, .multipleChoice: Set(source.choices.map(\.value))
        case .yesNo: ["oui", "non"]
        default: nil
        }
        if let possible, !Set(condition.isOneOf).isSubset(of: possible) {
            return ["\(place): the condition expects values \"\(condition.field)\" cannot take"]
        }
        return condition.isOneOf.isEmpty ? ["\(place): the condition lists no value"] : []
    }

    private static func isIdentifier(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
