/// A staff account as the journal keeps it before and after a change.
struct StaffRecord: Encodable {
    var email: String
    var name: String
    var role: String
    var organisationId: String?

    init(_ account: Account) {
        email = account.email
        name = account.displayName
        role = account.role.rawValue
        organisationId = account.organisationId
    }
}
