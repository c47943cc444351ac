import PortalCore

/// The view models of `/admin/activites`.
extension ActivityController {
    struct ListView {
        let layout: LayoutContext
        let notice: String?
        let rows: [ListRow]
        let newPath: String
    }

    struct ListRow {
        let title: String
        let path: String
        let organisation: String
        let window: String
        let places: String
    }

    /// One row of the tariff table.
    struct BandRow {
        let number: Int
        let ceiling: FormField
        let price: FormField
    }

    /// The page of one activity, or of a new one (without ``state`` nor ``registrationsPath``).
    struct FormView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let heading: String
        let state: String?
        let isOpen: Bool
        let registrationsPath: String?
        let title: FormField
        let period: FormField
        let description: FormField
        let organisations: [Choice]
        let organisationError: String?
        let regies: [Choice]
        let regieError: String?
        let minAge: FormField
        let minAgeUnits: [Choice]
        let maxAge: FormField
        let maxAgeUnits: [Choice]
        let allCommunes: Bool
        let communesError: String?
        let communes: [Choice]
        let documents: [Choice]
        let opensOn: FormField
        let closesOn: FormField
        let startsOn: FormField
        let endsOn: FormField
        let capacity: FormField
        let tariffLabel: FormField
        let bands: [BandRow]
        let billingNote: FormField
        let action: String
        let submitLabel: String
        let cancelPath = AdminPaths.activities

        init(_ form: ActivityForm, state: (activity: Activity, confirmed: Int, waiting: Int)?, options: ActivityForm.Options,
             errors: [FieldErrorLink], today: CalendarDay, layout: LayoutContext, csrfToken: String) {
            func error(_ id: String) -> String? { errors.first { $0.field == id }?.message }
            func field(_ id: String, _ value: String) -> FormField { FormField(id: id, value: value, error: error(id)) }
            func units(_ chosen: String) -> [Choice] {
                ActivityForm.AgeUnit.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == chosen, id: "") }
            }
            self.layout = layout
            self.csrfToken = csrfToken
            hasErrors = !errors.isEmpty
            self.errors = errors
            heading = state?.activity.title ?? "Nouvelle activité"
            if let (activity, confirmed, waiting) = state {
                let open = activity.isOpen(on: today)
                self.state = "Inscriptions \(open ? "ouvertes" : "fermées") ; \(confirmed) inscription\(confirmed > 1 ? "s" : "") "
                    + "confirmée\(confirmed > 1 ? "s" : "") sur \(activity.capacity) places, \(waiting) en liste d'attente."
                isOpen = open
                registrationsPath = AdminPaths.activityRegistrations(activity.id)
                action = AdminPaths.activity(activity.id)
                submitLabel = "Enregistrer"
            } else {
                self.state = nil
                isOpen = false
                registrationsPath = nil
                action = AdminPaths.newActivity
                submitLabel = "Créer l'activité"
            }
            title = field("title", form.title)
            period = field("period", form.period)
            description = field("description", form.description)
            organisations = [Choice(value: "", label: "Choisissez", selected: form.organisation.isEmpty, id: "")]
                + options.organisations.map { Choice(value: $0.id, label: $0.name, selected: $0.id == form.organisation, id: "") }
            organisationError = error("organisation")
            regies = [Choice(value: "", label: "Aucune : l'activité n'est pas facturée sur le portail", selected: form.regie.isEmpty, id: "")]
                + options.regies.map { Choice(value: $0.id, label: $0.name, selected: $0.id == form.regie, id: "") }
            regieError = error("regie")
            minAge = field("minAge", form.minAge)
            minAgeUnits = units(form.minAgeUnit)
            maxAge = field("maxAge", form.maxAge)
            maxAgeUnits = units(form.maxAgeUnit)
            allCommunes = !form.someCommunes
            communesError = error("communes")
            communes = options.communes.map {
                Choice(value: $0.insee, label: $0.name, selected: form.communes.contains($0.insee), id: "commune-\($0.insee)")
            }
            documents = SupportingDocument.Kind.allCases.map {
                Choice(value: $0.rawValue, label: $0.label, selected: form.requiredDocuments.contains($0.rawValue), id: "document-\($0.rawValue)")
            }
            opensOn = field("opensOn", form.opensOn)
            closesOn = field("closesOn", form.closesOn)
            startsOn = field("startsOn", form.startsOn)
            endsOn = field("endsOn", form.endsOn)
            capacity = field("capacity", form.capacity)
            tariffLabel = field("tariffLabel", form.tariffLabel)
            bands = form.bands.enumerated().map { index, band in
                BandRow(number: index + 1, ceiling: field(ActivityForm.bandField(index, "plafond"), band.ceiling),
                        price: field(ActivityForm.bandField(index, "prix"), band.price))
            }
            billingNote = field("billingNote", form.billingNote)
        }
    }
}
