/// A child as a parent types them. Field names, in ``ValidationErrors``: `prenom`, `nom`,
/// `naissance` (its parts `naissance-day`, `-month`, `-year`), `ecole`.
public struct ChildForm: Sendable, Hashable {
    public var firstName: String
    public var lastName: String
    public var birthDay: String
    public var birthMonth: String
    public var birthYear: String
    public var school: String

    public init(firstName: String, lastName: String, birthDay: String, birthMonth: String, birthYear: String, school: String = "") {
        self.firstName = firstName
        self.lastName = lastName
        self.birthDay = birthDay
        self.birthMonth = birthMonth
        self.birthYear = birthYear
        self.school = school
    }
}
