import PortalCore

/// The résident's registrations page: the household's registrations, then the activities open today.
struct RegistrationsView {
    struct Notice {
        let text: String
        let invoicePath: String?
    }

    struct Row {
        let member: String
        let activity: String
        let period: String
        let status: String
        let refusalReason: String?
        let invoicePath: String?
        let cancelPath: String?
    }

    struct Band {
        let quotient: String
        let price: String
    }

    struct MemberOption {
        let id: Int64
        let name: String
        let selected: Bool
    }

    struct DocumentLink {
        let label: String
        let path: String
    }

    /// One activity open today, with the form that registers a member.
    struct Card {
        let id: String
        let headingId: String
        let title: String
        let period: String
        let runningDates: String
        let registrationDates: String
        let description: String
        let organisation: String
        let ages: String
        let places: String
        let communes: String?
        let documents: String
        /// The tariff's label ("Forfait vacances de Noël (7 jours)") or how it is billed otherwise.
        let price: String?
        let bands: [Band]
        let hasBands: Bool
        /// The household's own price, by its family quotient.
        let yourPrice: String?
        let selectId: String
        let members: [MemberOption]
        /// Someone of the household the activity takes.
        let hasMembers: Bool
        let error: String?
        /// Documents to add before registering, after a refusal for lack of them.
        let missingDocuments: [DocumentLink]
        let hasMissingDocuments: Bool
    }

    let layout: LayoutContext
    let csrfToken: String
    let notice: Notice?
    let hasErrors: Bool
    let errors: [FieldErrorLink]
    let rows: [Row]
    let hasRows: Bool
    let cards: [Card]
    let hasCards: Bool
    let hasChildren: Bool
    let action = RegistrationPaths.resident
}

extension RegistrationsView.Row {
    init(_ registration: Registration, activity: Activity) {
        member = registration.memberName
        self.activity = activity.title
        period = activity.period
        status = RegistrationWording.status(registration)
        refusalReason = registration.status == .refused ? registration.refusalReason : nil
        invoicePath = registration.invoiceId.map(ResidentInvoiceController.path)
        cancelPath = registration.status.isActive ? RegistrationPaths.cancellation(registration.id) : nil
    }
}

extension RegistrationsView.Card {
    /// - Parameters:
    ///   - selected: the member chosen in this activity's form, kept after a refusal.
    ///   - refusal: why this activity's registration was just refused, and the documents it lacks.
    init(_ activity: Activity, household: Household, organisation: String, communes: String?, today: CalendarDay, selected: Int64?,
         refusal: (message: String, missing: [SupportingDocument.Kind])?) {
        id = activity.id
        headingId = "activite-\(activity.id)"
        title = activity.title
        period = activity.period
        runningDates = RegistrationWording.runningDates(activity)
        registrationDates = RegistrationWording.registrationDates(activity)
        description = activity.description
        self.organisation = organisation
        ages = "\(activity.ageRangeText.prefix(1).uppercased())\(activity.ageRangeText.dropFirst()), âge au premier jour"
        places = activity.capacity == 1 ? "1 place ; ensuite, liste d'attente" : "\(activity.capacity) places ; ensuite, liste d'attente"
        self.communes = communes
        documents = activity.requiredDocuments.isEmpty ? "Aucun"
            : activity.requiredDocuments.map(\.label).joined(separator: ", ") + " (en cours de validité, dans votre foyer)"
        price = activity.tariff?.label ?? activity.billingNote
        bands = activity.tariff.map { RegistrationWording.bands($0).map { RegistrationsView.Band(quotient: $0.quotient, price: $0.price) } } ?? []
        hasBands = !bands.isEmpty
        yourPrice = activity.tariff.map { tariff in
            let quotient = household.familyQuotient(on: today)
            let price = Euros.format(tariff.price(forQuotient: quotient))
            return quotient.map { "Pour votre foyer (quotient familial \($0)) : \(price)." }
                ?? "Sans attestation de quotient familial valable dans votre foyer : \(price), le tarif le plus élevé."
        }
        selectId = "membre-\(activity.id)"
        members = (household.children + household.adults).filter(activity.accepts).map {
            RegistrationsView.MemberOption(id: $0.id, name: $0.fullName, selected: $0.id == selected)
        }
        hasMembers = !members.isEmpty
        error = refusal?.message
        let missing = refusal?.missing ?? []
        missingDocuments = missing.map { RegistrationsView.DocumentLink(label: $0.label, path: HouseholdPaths.newDocument($0)) }
        hasMissingDocuments = !missing.isEmpty
    }
}
