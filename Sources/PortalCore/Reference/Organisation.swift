/// A body that handles procedures: a mairie, the CCTOVAL or one of its services,
/// a France Services site, or an outside body (ANTS, CAF…).
public struct Organisation: Sendable, Hashable, Codable, Identifiable {
    /// What sort of body an organisation is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The Communauté de communes itself.
        case intercommunality
        /// A service of the Communauté de communes (petite enfance, déchets…).
        case intercommunalService = "intercommunal_service"
        /// The mairie of one member commune.
        case mairie
        /// A France Services site.
        case franceServices = "france_services"
        /// An outside body (ANTS, impots.gouv, CAF, service-public.fr…).
        case external
    }

    /// A stable identifier such as `"cctoval-dechets"` or `"mairie-37123"`.
    public var id: String
    /// What sort of body this is.
    public var kind: Kind
    /// The full name.
    public var name: String
    /// A short name or acronym, if any.
    public var shortName: String?
    /// The parent organisation's id (services of the CCTOVAL have `"cctoval"`).
    public var parentId: String?
    /// The INSEE code of the commune where the organisation sits, if any.
    public var communeInsee: String?
    /// Street address.
    public var address: String?
    /// Postal code of the address.
    public var postalCode: String?
    /// City of the address.
    public var city: String?
    /// Phone number, as displayed.
    public var phone: String?
    /// E-mail address.
    public var email: String?
    /// Web site URL.
    public var website: String?
    /// When the organisation receives the public.
    public var openingHours: OpeningHours
    /// A short description of what the organisation does.
    public var description: String?
    /// True when the contact details are plausible demo data an administrator must verify.
    public var demoContact: Bool
    /// What the team must still check or do about this entry; never shown on public pages, listed in `/admin`.
    public var staffNote: String?

    /// Creates an organisation.
    public init(
        id: String, kind: Kind, name: String, shortName: String? = nil, parentId: String? = nil,
        communeInsee: String? = nil, address: String? = nil, postalCode: String? = nil, city: String? = nil,
        phone: String? = nil, email: String? = nil, website: String? = nil, openingHours: OpeningHours = .none,
        description: String? = nil, demoContact: Bool = false, staffNote: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.shortName = shortName
        self.parentId = parentId
        self.communeInsee = communeInsee
        self.address = address
        self.postalCode = postalCode
        self.city = city
        self.phone = phone
        self.email = email
        self.website = website
        self.openingHours = openingHours
        self.description = description
        self.demoContact = demoContact
        self.staffNote = staffNote
    }

    /// The id of the mairie of the commune with this INSEE code.
    public static func mairieId(forCommune insee: String) -> String {
        "mairie-\(insee)"
    }
}
