import PortalCore

/// Who handles a procedure for the chosen commune, as the procedure page shows it.
struct HandlerView {
    let notOffered: Bool
    let note: String?
    let organisation: OrganisationView?
    let counters: [OrganisationView]
    let hasCounters: Bool

    /// Who handles it, with each organisation's hours on `today`.
    init(_ resolution: HandlerResolution, today: CalendarDay) {
        switch resolution {
        case .notOffered(let note):
            notOffered = true
            self.note = note
            organisation = nil
            counters = []
        case .organisation(let organisation, let counters, let note):
            notOffered = false
            self.note = note
            self.organisation = OrganisationView(organisation, today: today)
            self.counters = counters.map { OrganisationView($0, today: today) }
        }
        hasCounters = !counters.isEmpty
    }
}

/// Short French descriptions of handler rules, for tables and summaries.
enum HandlerWording {
    /// Who handles it for one commune, in a few words.
    static func resolved(_ resolution: HandlerResolution) -> String {
        switch resolution {
        case .notOffered: "Non proposée dans cette commune"
        case .organisation(let organisation, let counters, _):
            counters.isEmpty ? organisation.name : "\(organisation.name), avec accueil dans un lieu équipé"
        }
    }

    /// How a procedure can be done, one line per channel.
    static func channel(_ channel: Channel, onlineURL: String?) -> (label: String, url: String?) {
        switch channel {
        case .online:
            if let onlineURL {
                return ("En ligne, sur le site de l'organisme compétent", onlineURL)
            }
            return ("En ligne sur ce portail (bientôt disponible)", nil)
        case .counter: return ("Au guichet, aux heures d'ouverture", nil)
        case .post: return ("Par courrier", nil)
        case .phone: return ("Par téléphone", nil)
        }
    }
}
