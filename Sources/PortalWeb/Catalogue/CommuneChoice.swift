import PortalCore

/// The "Votre commune" selector shown on catalogue pages.
struct CommuneChoice {
    struct Option {
        let insee: String
        let name: String
        let postalCodes: String
        let selected: Bool
    }

    /// Where the form is sent (the page it sits on).
    let action: String
    /// The search text to keep when the commune changes.
    let query: String?
    let options: [Option]

    init(action: String, query: String? = nil, communes: [Commune], selected: String?) {
        self.action = action
        self.query = query
        self.options = communes.map {
            Option(insee: $0.insee, name: $0.name, postalCodes: $0.postalCodes.joined(separator: ", "), selected: $0.insee == selected)
        }
    }
}

/// The commune the page is about, as shown in notices.
struct ChosenCommune {
    let insee: String
    let name: String
    let path: String

    init(_ commune: Commune) {
        insee = commune.insee
        name = commune.name
        path = CataloguePaths.commune(commune.insee)
    }
}
