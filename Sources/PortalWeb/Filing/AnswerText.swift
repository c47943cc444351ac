import PortalCore

/// An answer as a person reads it back: labels rather than values, dates in words.
enum AnswerText {
    static func lines(_ field: FieldDefinition, _ answer: FormAnswer?, catalogue: Catalogue) -> [String] {
        guard let answer else { return ["Non renseigné"] }
        switch answer {
        case .address(let address):
            return [address.street, "\(address.postalCode) \(address.city)"]
        case .file(let file):
            return ["\(file.name) (\(file.kind.label))"]
        case .choices(let values):
            return values.map { value in field.choices.first { $0.value == value }?.label ?? value }
        case .text(let value):
            switch field.kind {
            case .singleChoice:
                return [field.choices.first { $0.value == value }?.label ?? value]
            case .yesNo:
                return [value == "oui" ? "Oui" : "Non"]
            case .date:
                return [CalendarDay(iso: value)?.french ?? value]
            case .commune:
                return [catalogue.commune(insee: value)?.name ?? value]
            default:
                return value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
    }
}
