import PortalCore

/// One question as the form page template shows it: its kind as flags (Mustache has no
/// switch), the answer to show back, its error, its choices.
struct FieldView {
    struct Choice {
        /// The input's id; the first choice's is the field's, so the error summary's link lands on it.
        let inputId: String
        let value: String
        let label: String
        let checked: Bool
    }

    let id: String
    let label: String
    let hint: String?
    /// "(facultatif)" after the label; there are no asterisks.
    let optional: Bool
    let error: String?
    /// `aria-describedby`: the hint and the error, when present.
    let describedBy: String?

    let isInput: Bool
    let isLongText: Bool
    let isChoice: Bool
    let isMultipleChoice: Bool
    let isCommune: Bool
    let isDate: Bool
    let isAddress: Bool
    let isFile: Bool
    let isExplanation: Bool

    /// For inputs: `text`, `email`, `tel`.
    let inputType: String
    /// The browser's autofill purpose, for inputs asking the requester's own details.
    let autocomplete: String?
    /// The address parts are the requester's own (pre-filled from the account), so the
    /// browser may fill them: `street-address`, `postal-code`, `address-level2`.
    let isOwnAddress: Bool
    let inputMode: String?
    /// The width class, so a postal code box is not as wide as a street.
    let width: String

    let value: String
    let choices: [Choice]
    let day: String
    let month: String
    let year: String
    let street: String
    let postalCode: String
    let city: String
    /// The document already sent for a file question.
    let currentFile: String?
    /// What the file picker offers.
    let accept: String

    /// - Parameters:
    ///   - input: what was posted, shown back after an error; otherwise `answer` is shown.
    init(_ field: FieldDefinition, answer: FormAnswer?, input: FormInput?, error: String?, communes: [Commune]) {
        id = field.id
        label = field.label
        hint = field.hint
        optional = !field.required && field.kind != .explanation
        self.error = error
        let described = [field.hint.map { _ in "\(field.id)-hint" }, error.map { _ in "\(field.id)-error" }].compactMap { $0 }
        describedBy = described.isEmpty ? nil : described.joined(separator: " ")

        let kind = field.kind
        isInput = [.shortText, .email, .phone, .postalCode, .number].contains(kind)
        isLongText = kind == .longText
        isChoice = [.singleChoice, .yesNo, .multipleChoice].contains(kind)
        isMultipleChoice = kind == .multipleChoice
        isCommune = kind == .commune
        isDate = kind == .date
        isAddress = kind == .address
        isFile = kind == .file
        isExplanation = kind == .explanation
        inputType = switch kind {
        case .email: "email"
        case .phone: "tel"
        default: "text"
        }
        // A phone number or an address may be someone else's or a place's: only those
        // pre-filled from the account are the requester's own.
        autocomplete = switch (kind, field.prefill) {
        case (.email, _): "email"
        case (.phone, .phone): "tel"
        case (.postalCode, _): "postal-code"
        case (_, .displayName): "name"
        default: nil
        }
        isOwnAddress = kind == .address && field.prefill == .address
        inputMode = kind == .number || kind == .postalCode ? "numeric" : nil
        width = switch kind {
        case .postalCode, .number: "input--short"
        case .phone: "input--medium"
        default: "input--long"
        }

        func posted(_ name: String) -> String? { input.map { $0.values[name]?.first ?? "" } }
        let text: String? = if case .text(let value) = answer { value } else { nil }
        value = posted(field.id) ?? text ?? ""
        let ticked: Set<String> = if let input {
            Set(input.all(field.id))
        } else if let answer {
            Set(answer.comparableValues)
        } else {
            []
        }
        let options: [(value: String, label: String)] = switch kind {
        case .yesNo: [("oui", "Oui"), ("non", "Non")]
        case .commune: communes.map { ($0.insee, $0.name) }
        default: field.choices.map { ($0.value, $0.label) }
        }
        choices = options.enumerated().map { index, option in
            Choice(inputId: index == 0 ? field.id : "\(field.id)-\(index + 1)", value: option.value, label: option.label,
                   checked: ticked.contains(option.value))
        }
        let date = text.flatMap(CalendarDay.init(iso:))
        day = posted("\(field.id)-day") ?? date.map { String($0.day) } ?? ""
        month = posted("\(field.id)-month") ?? date.map { String($0.month) } ?? ""
        year = posted("\(field.id)-year") ?? date.map { String($0.year) } ?? ""
        let address: PostalAddress? = if case .address(let address) = answer { address } else { nil }
        street = posted("\(field.id)-street") ?? address?.street ?? ""
        postalCode = posted("\(field.id)-postal-code") ?? address?.postalCode ?? ""
        city = posted("\(field.id)-city") ?? address?.city ?? ""
        currentFile = if case .file(let file) = answer { "\(file.name) (\(file.kind.label))" } else { nil }
        let kinds = (field.rules.fileTypes ?? ["pdf", "jpeg", "png"]).compactMap(FileKind.init(rawValue:))
        accept = kinds.map { $0 == .jpeg ? ".jpg,.jpeg,image/jpeg" : ".\($0.rawValue),\($0.contentType)" }.joined(separator: ",")
    }
}
