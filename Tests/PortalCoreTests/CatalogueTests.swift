import PortalCore
import Testing

@Suite("Catalogue")
struct CatalogueTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try Catalogue(database: try TestSupport.database())
    }

    @Test("Communes are sorted in French order, accents and case aside")
    func communes() {
        #expect(catalogue.communes().map(\.name) == [
            "Bourgueil", "Braye-sur-Maulne", "Channay-sur-Lathan", "Château-la-Vallière", "Coteaux-sur-Loire",
            "Langeais", "Lublé", "Marcilly-sur-Maulne",
        ])
        #expect(catalogue.commune(insee: "37123")?.mairieId == "mairie-37123")
        #expect(catalogue.commune(insee: "37232")?.postalCodes == ["37130", "37140"])
        #expect(catalogue.commune(insee: "75056") == nil)
    }

    @Test("Organisations are found by id and kind")
    func organisations() {
        #expect(catalogue.organisation(id: "ants")?.shortName == "ANTS")
        #expect(catalogue.organisation(id: "cctoval")?.demoContact == true)
        #expect(catalogue.organisations(kind: .mairie).count == 8)
        #expect(catalogue.franceServicesSites().map(\.id) == ["france-services-langeais", "france-services-bourgueil"])
    }

    @Test("The catalogue keeps the file's order and flags what a commune does not offer")
    func catalogueForCommune() {
        let sections = catalogue.catalogue(for: "37137")
        #expect(sections.map(\.0.id) == ["etat-civil", "enfance", "dechets", "urbanisme"])
        let civil = sections[0].1
        #expect(civil.map(\.slug) == ["acte-de-naissance", "carte-identite", "passeport"])
        #expect(civil[0].isOffered == false)
        #expect(civil[1].isOffered)
        #expect(catalogue.catalogue(for: nil)[0].1.allSatisfy { $0.isOffered })
        #expect(catalogue.popularProcedures().map(\.slug) == ["acte-de-naissance", "carte-identite", "inscription-creche"])
    }

    @Test("A communal procedure is handled by the resident's own mairie")
    func communal() throws {
        let procedure = try #require(catalogue.procedure(slug: "cantine-scolaire"))
        let resolution = catalogue.handler(for: procedure, commune: "37031")
        #expect(resolution == .organisation(try #require(catalogue.organisation(id: "mairie-37031")), counters: [], note: nil))
    }

    @Test("An intercommunal procedure is handled by the CCTOVAL service, in every commune")
    func intercommunal() throws {
        let procedure = try #require(catalogue.procedure(slug: "inscription-creche"))
        for commune in catalogue.communes() {
            #expect(catalogue.handler(for: procedure, commune: commune.insee).organisation?.id == "cctoval-petite-enfance")
        }
    }

    @Test("An external procedure names the outside body and the counters to visit")
    func external() throws {
        let procedure = try #require(catalogue.procedure(slug: "passeport"))
        guard case .organisation(let body, let counters, _) = catalogue.handler(for: procedure, commune: "37137") else {
            Issue.record("passport not offered")
            return
        }
        #expect(body.id == "ants")
        #expect(counters.map(\.name) == ["Mairie de Langeais", "Mairie de Bourgueil"])
    }

    @Test("Commune exceptions: not offered, or handled by a neighbouring mairie with a note")
    func exceptions() throws {
        let procedure = try #require(catalogue.procedure(slug: "acte-de-naissance"))
        #expect(catalogue.handler(for: procedure, commune: "37137") == .notOffered(note: "Adressez-vous au service en ligne."))
        let marcilly = try #require(catalogue.organisation(id: "mairie-37146"))
        #expect(catalogue.handler(for: procedure, commune: "37036")
            == .organisation(marcilly, counters: [], note: "État civil tenu par la mairie de Marcilly-sur-Maulne."))
        #expect(catalogue.handler(for: procedure, commune: "37123").organisation?.id == "mairie-37123")
    }

    @Test("Who does what lists default handlers and the communes that differ")
    func whoDoesWhat() throws {
        let rows = catalogue.whoDoesWhat()
        #expect(rows.count == 8)
        let birth = try #require(rows.first { $0.procedure.slug == "acte-de-naissance" })
        #expect(birth.defaultHandler == "La mairie de votre commune")
        #expect(birth.defaultOrganisation == nil)
        #expect(birth.exceptions.map(\.commune.name) == ["Braye-sur-Maulne", "Lublé"])
        let passport = try #require(rows.first { $0.procedure.slug == "passeport" })
        #expect(passport.defaultHandler
            == "Agence nationale des titres sécurisés — accueil : Mairie de Langeais, Mairie de Bourgueil")
        #expect(passport.exceptions.isEmpty)
    }

    @Test("A commune page lists every procedure with who handles it there")
    func communePage() {
        let handlers = catalogue.handlers(forCommune: "37036")
        #expect(handlers.count == 8)
        #expect(handlers.first?.1.organisation?.id == "mairie-37146")
        #expect(handlers.first { $0.0.slug == "cantine-scolaire" }?.1.organisation?.id == "mairie-37036")
    }
}
