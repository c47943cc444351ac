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
    /// "Ouvert aujourd'hui de 9 h à 12 h", on information pages only.
    let today: String?
    /// The week, one line per set of days with the same periods, then the notes.
    let openingHours: [String]
    let hasOpeningHours: Bool
    /// The closures and special openings of the coming weeks, on information pages only.
    let exceptionsAhead: [String]
    let hasExceptionsAhead: Bool
    let demoContact: Bool

    /// The organisation as a receipt or an invoice shows it: its ordinary week, nothing dated.
    init(_ organisation: Organisation) {
        self.init(organisation, today: nil)
    }

    /// The organisation as an information page shows it on `today`: whether it is open that day
    /// and the exceptions ahead.
    init(_ organisation: Organisation, today: CalendarDay?) {
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
        let hours = organisation.openingHours
        self.today = today.flatMap(hours.today)
        openingHours = hours.weekLines + hours.notes
        exceptionsAhead = today.map { hours.exceptionLines(from: $0) } ?? []
        hasExceptionsAhead = !exceptionsAhead.isEmpty
        hasOpeningHours = !openingHours.isEmpty || self.today != nil || hasExceptionsAhead
        demoContact = organisation.demoContact
    }
}
