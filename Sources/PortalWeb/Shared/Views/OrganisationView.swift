import PortalCore

/// An organisation with its contact details, as the contact partial shows it.
struct OrganisationView {
    let name: String
    let path: String?
    let description: String?
    let address: String?
    let postalCode: String?
    let city: String?
    let phone: String?
    let phoneLink: String?
    let email: String?
    let website: String?
    let openingHours: [String]
    let hasOpeningHours: Bool
    let demoContact: Bool

    init(_ organisation: Organisation) {
        name = organisation.name
        path = organisation.communeInsee.flatMap { organisation.kind == .mairie ? CataloguePaths.commune($0) : nil }
        description = organisation.description
        address = organisation.address
        postalCode = organisation.postalCode
        city = organisation.city
        phone = organisation.phone
        phoneLink = organisation.phone.map { $0.filter { $0.isNumber || $0 == "+" } }
        email = organisation.email
        website = organisation.website
        openingHours = organisation.openingHours
        hasOpeningHours = !organisation.openingHours.isEmpty
        demoContact = organisation.demoContact
    }
}
