/// Where a draft's pages live and where they lead: the resident's own space, or a France Services
/// counter where an adviser fills the request in for them. ``FilingController`` serves both.
struct FilingPlace: Sendable {
    /// The drafts' folder (`/mon-espace/demandes`): a draft's pages are under `…/{id}`.
    let drafts: String
    /// The filed dossiers' folder (`/mon-espace/dossiers`).
    let dossiers: String
    /// Where the first page's back link goes; nil: the procedure's page in the catalogue.
    let procedures: String?
    /// Where the resident's drafts are listed, and its name in a sentence ("votre espace").
    let spacePath: String
    let spaceName: String
    /// An adviser fills the request in with the resident: the pages speak of "la personne".
    let atCounter: Bool

    func draft(_ id: Int64) -> String { "\(drafts)/\(id)" }
    func dossier(_ id: Int64) -> String { "\(dossiers)/\(id)" }

    /// The resident's own space.
    static let residentSpace = FilingPlace(
        drafts: "/mon-espace/demandes", dossiers: "/mon-espace/dossiers", procedures: nil,
        spacePath: "/mon-espace", spaceName: "votre espace", atCounter: false)

    /// A France Services counter, for the resident `id`.
    static func counter(resident id: Int64) -> FilingPlace {
        FilingPlace(drafts: FranceServicesPaths.procedures(id), dossiers: FranceServicesPaths.resident(id) + "/dossiers",
                    procedures: FranceServicesPaths.procedures(id), spacePath: FranceServicesPaths.procedures(id),
                    spaceName: "la liste des démarches de la personne", atCounter: true)
    }
}
