/// What a person types on their contact details page (« Mes coordonnées »).
public struct ProfileForm: Sendable, Hashable {
    /// The form's fields, named as in ``ValidationErrors`` (also the ids of their inputs).
    public enum Field: String, Sendable, CaseIterable {
        /// The person's name.
        case displayName
        /// The commune of residence.
        case commune
        /// The phone number.
        case phone
        /// The address's number and street.
        case street = "address-street"
        /// The address's postal code.
        case postalCode = "address-postal-code"
        /// The address's town.
        case city = "address-city"
    }

    /// The account whose details these are.
    public var accountId: Int64
    /// The name, as typed.
    public var displayName: String
    /// The INSEE code of the commune of residence; may be empty for staff accounts.
    public var communeInsee: String
    /// The phone number, as typed; empty for none.
    public var phone: String
    /// The address's number and street, as typed; the three address parts are all empty for none.
    public var street: String
    /// The address's postal code, as typed.
    public var postalCode: String
    /// The address's town, as typed.
    public var city: String

    /// Creates a form.
    public init(
        accountId: Int64, displayName: String, communeInsee: String, phone: String = "",
        street: String = "", postalCode: String = "", city: String = ""
    ) {
        self.accountId = accountId
        self.displayName = displayName
        self.communeInsee = communeInsee
        self.phone = phone
        self.street = street
        self.postalCode = postalCode
        self.city = city
    }

    /// The form filled with what `account` holds today.
    public init(_ account: Account) {
        self.init(
            accountId: account.id, displayName: account.displayName, communeInsee: account.communeInsee ?? "",
            phone: account.phone ?? "", street: account.address?.street ?? "",
            postalCode: account.address?.postalCode ?? "", city: account.address?.city ?? "")
    }
}

/// Why saving contact details failed.
public enum ProfileError: Error, Sendable {
    /// Nobody is logged in, or the account is not the actor's own.
    case access(AccessError)
    /// The form has mistakes, to show next to the fields.
    case invalid(ValidationErrors)
    /// The database failed.
    case storage(any Error)
}
