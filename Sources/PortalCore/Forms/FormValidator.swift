import Foundation

/// Reads what a browser posted for one page of a form into typed answers, with French
/// messages for whatever is missing or wrong (GOV.UK style: say what to do).
public struct FormValidator: Sendable {
    /// The communes a commune question accepts, by INSEE code.
    public var communeCodes: Set<String>
    /// Today in France, for date bounds.
    public var today: CalendarDay

    public init(communeCodes: Set<String>, today: CalendarDay) {
        self.communeCodes = communeCodes
        self.today = today
    }

    /// The outcome of one page.
    public struct PageResult: Sendable, Hashable {
        /// The earlier answers with this page's answers replaced.
        public var answers: FormAnswers
        /// Empty when the page is complete.
        public var errors: ValidationErrors
    }

    /// Validates the visible fields of `page` in `input`, over the `previous` answers.
    ///
    /// A field shown by a condition on the same page is judged with this page's new answers.
    public func validate(_ page: FormPage, input: FormInput, previous: FormAnswers) -> PageResult {
        var answers = previous
        var errors = ValidationErrors()
        // Files are sent apart (see `Dossiers.answer`): their earlier answers stay.
        for field in page.fields where field.kind != .file {
            answers[field.id] = nil
        }
        for field in page.fields where field.kind != .explanation && field.kind != .file {
            guard field.condition?.holds(for: answers) ?? true else { continue }
            switch read(field, from: input) {
            case .success(let answer):
                answers[field.id] = answer
            case .failure(let problem):
                errors.add(problem.message, for: field.id)
            }
        }
        return PageResult(answers: answers, errors: errors)
    }

    struct Problem: Error {
        let message: String
    }

    /// The answer to `field` in `input`: nil for an optional field left empty.
    func read(_ field: FieldDefinition, from input: FormInput) -> Result<FormAnswer?, Problem> {
        Result {
            switch field.kind {
            case .address: return try address(field, input)
            case .date: return try date(field, input)
            case .multipleChoice: return try multipleChoice(field, input)
            default:
                let text = input.text(field.id)
                if text.isEmpty {
                    if field.required { throw Problem(message: field.rules.requiredMessage ?? Self.missingMessage(field.kind)) }
                    return nil
                }
                return .text(try value(of: text, for: field))
            }
        }.mapError { $0 as? Problem ?? Problem(message: "Votre réponse n'a pas pu être lue.") }
    }

    /// The normalised value of a non-empty single-value answer.
    private func value(of text: String, for field: FieldDefinition) throws -> String {
        let rules = field.rules
        switch field.kind {
        case .shortText, .longText:
            let text = try typed(text, singleLine: field.kind == .shortText, subject: "Votre réponse")
            if let minimum = rules.minLength, text.count < minimum {
                throw Problem(message: "Votre réponse doit contenir au moins \(minimum) caractères.")
            }
            let maximum = rules.maxLength ?? (field.kind == .shortText ? 200 : 5000)
            if text.count > maximum {
                throw Problem(message: "Votre réponse doit contenir au plus \(maximum) caractères.")
            }
            if let pattern = rules.pattern, text.range(of: "^(?:\(pattern))$", options: .regularExpression) == nil {
                throw Problem(message: rules.patternMessage ?? "Votre réponse n'a pas le format attendu.")
            }
            return text
        case .email:
            let email = EmailAddress.normalise(text)
            guard EmailAddress.isValid(email) else {
                throw Problem(message: "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.")
            }
            return email
        case .phone:
            guard let phone = FrenchPhoneNumber.normalise(text) else {
                throw Problem(message: "Saisissez un numéro de téléphone français, par exemple 02 47 12 34 56.")
            }
            return phone
        case .postalCode:
            let digits = text.filter { $0 != " " }
            guard digits.count == 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw Problem(message: "Saisissez un code postal de 5 chiffres, par exemple 37130.")
            }
            return digits
        case .number:
            guard let number = Int(text.filter { $0 != " " && $0 != "\u{202F}" && $0 != "\u{A0}" }) else {
                throw Problem(message: "Saisissez un nombre entier, par exemple 3.")
            }
            if let minimum = rules.minimum, number < minimum { throw Problem(message: "Le nombre doit être au moins \(minimum).") }
            if let maximum = rules.maximum, number > maximum { throw Problem(message: "Le nombre doit être au plus \(maximum).") }
            return String(number)
        case .singleChoice:
            guard field.choices.contains(where: { $0.value == text }) else {
                throw Problem(message: "Choisissez une réponse dans la liste.")
            }
            return text
        case .yesNo:
            guard text == "oui" || text == "non" else { throw Problem(message: "Répondez par oui ou par non.") }
            return text
        case .commune:
            guard communeCodes.contains(text) else { throw Problem(message: "Choisissez une commune dans la liste.") }
            return text
        case .address, .date, .multipleChoice, .file, .explanation:
            preconditionFailure("\(field.kind) is read elsewhere")
        }
    }

    /// `text` held to the rule of single-line or multi-line fields (see ``TypedText``).
    private func typed(_ text: String, singleLine: Bool, subject: String) throws(Problem) -> String {
        do {
            return try singleLine ? TypedText.singleLine(text, subject: subject) : TypedText.multiLine(text, subject: subject)
        } catch {
            throw Problem(message: error.message)
        }
    }

    private func multipleChoice(_ field: FieldDefinition, _ input: FormInput) throws -> FormAnswer? {
        let ticked = input.all(field.id)
        if ticked.isEmpty {
            if field.required { throw Problem(message: field.rules.requiredMessage ?? Self.missingMessage(.multipleChoice)) }
            return nil
        }
        let known = Set(field.choices.map(\.value))
        guard ticked.allSatisfy(known.contains) else { throw Problem(message: "Cochez des réponses de la liste.") }
        // Keep the form's order and drop repeats.
        return .choices(field.choices.map(\.value).filter(Set(ticked).contains))
    }

    private func address(_ field: FieldDefinition, _ input: FormInput) throws -> FormAnswer? {
        let street = try typed(input.text("\(field.id)-street"), singleLine: true, subject: "L'adresse (numéro et rue)")
        let postalCode = try typed(input.text("\(field.id)-postal-code"), singleLine: true, subject: "Le code postal")
            .filter { $0 != " " }
        let city = try typed(input.text("\(field.id)-city"), singleLine: true, subject: "La commune de l'adresse")
        if street.isEmpty && postalCode.isEmpty && city.isEmpty {
            if field.required { throw Problem(message: field.rules.requiredMessage ?? Self.missingMessage(.address)) }
            return nil
        }
        guard !street.isEmpty, !city.isEmpty else {
            throw Problem(message: "Saisissez l'adresse complète : numéro et rue, code postal et commune.")
        }
        guard postalCode.count == 5, postalCode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Problem(message: "Saisissez un code postal de 5 chiffres, par exemple 37130.")
        }
        guard street.count <= 200, city.count <= 100 else { throw Problem(message: "Cette adresse est trop longue.") }
        return .address(PostalAddress(street: street, postalCode: postalCode, city: city))
    }

    private func date(_ field: FieldDefinition, _ input: FormInput) throws -> FormAnswer? {
        let parts = ["day", "month", "year"].map { input.text("\(field.id)-\($0)") }
        if parts.allSatisfy(\.isEmpty) {
            if field.required { throw Problem(message: field.rules.requiredMessage ?? Self.missingMessage(.date)) }
            return nil
        }
        guard parts[2].count == 4, let date = CalendarDay(typedDay: parts[0], month: parts[1], year: parts[2]) else {
            throw Problem(message: "Saisissez une date réelle, par exemple 27 3 2007.")
        }
        if let earliest = field.rules.earliest.flatMap(bound), date < earliest {
            throw Problem(message: "La date doit être le \(earliest.french) ou après.")
        }
        if let latest = field.rules.latest.flatMap(bound), date > latest {
            throw Problem(message: "La date doit être le \(latest.french) ou avant.")
        }
        return .text(date.iso)
    }

    /// A date bound resolved against today.
    func bound(_ text: String) -> CalendarDay? {
        Self.resolve(bound: text, today: today)
    }

    /// A date bound: `today`, `today+N`, `today-N` or `YYYY-MM-DD`; nil when malformed.
    static func resolve(bound text: String, today: CalendarDay) -> CalendarDay? {
        guard text.hasPrefix("today") else { return CalendarDay(iso: text) }
        let offset = text.dropFirst("today".count)
        if offset.isEmpty { return today }
        guard let days = Int(offset.hasPrefix("+") ? offset.dropFirst() : offset) else { return nil }
        return today.adding(days: days)
    }

    /// What to say when a required question is left empty.
    static func missingMessage(_ kind: FieldDefinition.Kind) -> String {
        switch kind {
        case .email: "Saisissez une adresse e-mail."
        case .phone: "Saisissez un numéro de téléphone."
        case .postalCode: "Saisissez un code postal."
        case .date: "Saisissez une date."
        case .number: "Saisissez un nombre."
        case .singleChoice, .yesNo: "Choisissez une réponse."
        case .multipleChoice: "Cochez au moins une réponse."
        case .commune: "Choisissez une commune."
        case .address: "Saisissez l'adresse : numéro et rue, code postal et commune."
        case .file: "Ajoutez un fichier."
        case .shortText, .longText, .explanation: "Saisissez une réponse."
        }
    }
}
