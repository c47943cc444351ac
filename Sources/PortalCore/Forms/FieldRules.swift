/// Validation rules of a field, beyond what its kind implies. All optional.
public struct FieldRules: Codable, Sendable, Hashable {
    /// What to say when a required question is left empty, when the kind's default is too vague
    /// ("Saisissez le prénom de l'enfant.").
    public var requiredMessage: String?
    /// Text length bounds, in characters.
    public var minLength: Int?
    public var maxLength: Int?
    /// A regular expression the whole text must match, with the message shown otherwise.
    public var pattern: String?
    public var patternMessage: String?
    /// Number bounds.
    public var minimum: Int?
    public var maximum: Int?
    /// Date bounds: `today`, `today+N`, `today-N` (days), or an ISO date `YYYY-MM-DD`.
    public var earliest: String?
    public var latest: String?
    /// File rules: allowed kinds (`pdf`, `jpeg`, `png`) and the largest size in bytes.
    public var fileTypes: [String]?
    public var maxFileBytes: Int?

    public init(
        requiredMessage: String? = nil, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, patternMessage: String? = nil,
        minimum: Int? = nil, maximum: Int? = nil, earliest: String? = nil, latest: String? = nil,
        fileTypes: [String]? = nil, maxFileBytes: Int? = nil
    ) {
        self.requiredMessage = requiredMessage
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.patternMessage = patternMessage
        self.minimum = minimum
        self.maximum = maximum
        self.earliest = earliest
        self.latest = latest
        self.fileTypes = fileTypes
        self.maxFileBytes = maxFileBytes
    }
}
