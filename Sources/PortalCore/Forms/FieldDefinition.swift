/// One question of a form.
public struct FieldDefinition: Codable, Sendable, Hashable, Identifiable {
    /// The kinds of question a form can ask.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case shortText = "short_text"
        case longText = "long_text"
        case email
        /// A French phone number (10 digits starting with 0, or +33).
        case phone
        /// A French postal code (5 digits).
        case postalCode = "postal_code"
        case date
        case number
        case singleChoice = "single_choice"
        case multipleChoice = "multiple_choice"
        case yesNo = "yes_no"
        /// One of the communes of the CCTOVAL, by INSEE code.
        case commune
        /// A postal address: street, postal code, city.
        case address
        case file
        /// Text shown to the person; asks nothing.
        case explanation
    }

    /// One option of a choice question.
    public struct Choice: Codable, Sendable, Hashable {
        public var value: String
        public var label: String
        /// Choosing it ends the form with this explanation ("not for you, do this instead").
        public var ending: FormEnding?

        public init(value: String, label: String, ending: FormEnding? = nil) {
            self.value = value
            self.label = label
            self.ending = ending
        }
    }

    /// Stable within the form; also the HTML field name.
    public var id: String
    public var kind: Kind
    public var label: String
    public var hint: String?
    /// Optional questions are marked "(facultatif)"; there are no asterisks.
    public var required: Bool
    /// For choice questions.
    public var choices: [Choice]
    public var rules: FieldRules
    /// The field is asked only when this holds.
    public var condition: ShowCondition?
    /// An account detail that pre-fills the answer.
    public var prefill: Prefill?

    /// Account details a field can be pre-filled from; each fits one kind of field (see
    /// ``FormDefinition/problems()``). Use them only where the form asks for the requester's
    /// own details, not for another person or a place.
    public enum Prefill: String, Codable, Sendable, Hashable {
        /// The account's name, on a short text field.
        case displayName = "display_name"
        /// The account's e-mail address, on an e-mail field.
        case email
        /// The account's commune, on a commune field.
        case commune
        /// The phone number saved on the account, on a phone field.
        case phone
        /// The postal address saved on the account, on an address field.
        case address
    }

    public init(
        id: String, kind: Kind, label: String, hint: String? = nil, required: Bool = true,
        choices: [Choice] = [], rules: FieldRules = FieldRules(), condition: ShowCondition? = nil, prefill: Prefill? = nil
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.hint = hint
        self.required = required
        self.choices = choices
        self.rules = rules
        self.condition = condition
        self.prefill = prefill
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, label, hint, required, choices, rules, condition, prefill
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(Kind.self, forKey: .kind)
        label = try container.decode(String.self, forKey: .label)
        hint = try container.decodeIfPresent(String.self, forKey: .hint)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? (kind != .explanation)
        choices = try container.decodeIfPresent([Choice].self, forKey: .choices) ?? []
        rules = try container.decodeIfPresent(FieldRules.self, forKey: .rules) ?? FieldRules()
        condition = try container.decodeIfPresent(ShowCondition.self, forKey: .condition)
        prefill = try container.decodeIfPresent(Prefill.self, forKey: .prefill)
    }
}

/// The page shown instead of going on, when a choice ends the form.
public struct FormEnding: Codable, Sendable, Hashable {
    public var title: String
    public var body: String

    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }
}
