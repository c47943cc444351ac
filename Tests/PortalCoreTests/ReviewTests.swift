import PortalCore
import Testing

/// The team's notes ("à vérifier") are kept apart from the public text and listed for administrators only.
@Suite("Entries to verify")
struct ReviewTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try Catalogue(database: try TestSupport.database(seed: TestSupport.realSeed))
    }

    @Test("Administrators see each organisation and procedure with a staff note or demo contact details")
    func administrators() throws {
        let items = try catalogue.entriesToVerify(actor: PermissionTests.account(.admin))
        let procedures = items.compactMap { item -> (String, [String])? in
            guard case .procedure(let procedure) = item.subject else { return nil }
            return (procedure.slug, item.notes)
        }
        #expect(procedures.map(\.0) == ["carte-nationale-identite", "passeport", "inscription-cantine", "accueil-periscolaire",
                                       "inscription-accueil-de-loisirs", "transport-scolaire", "location-salle-des-fetes"])
        #expect(procedures.first { $0.0 == "transport-scolaire" }?.1 == ["Frais de dossier fixés par la Région : montant à vérifier chaque année."])
        let bourgueil = items.first { if case .organisation(let organisation) = $0.subject { organisation.id == "mairie-37031" } else { false } }
        #expect(bourgueil?.notes == [
            "Vérifier que la mairie est toujours équipée d'un dispositif de recueil (carte de l'ANTS).",
            "Coordonnées de démonstration : adresse, téléphone, e-mail et horaires à vérifier.",
        ])
        let organisations = items.filter { if case .organisation = $0.subject { true } else { false } }
        #expect(organisations.count == catalogue.snapshot.data.organisations.filter { $0.staffNote != nil || $0.demoContact }.count)
        #expect(items.prefix(organisations.count).allSatisfy { if case .organisation = $0.subject { true } else { false } },
                "organisations first")
    }

    @Test("Other roles are told the list does not exist; nobody logged in is asked to log in",
          arguments: [Role.resident, .agent, .franceServices])
    func others(role: Role) {
        #expect(throws: AccessError.notFound) { try catalogue.entriesToVerify(actor: PermissionTests.account(role)) }
        #expect(throws: AccessError.unauthenticated) { try catalogue.entriesToVerify(actor: nil) }
    }

    @Test("No public text of the portal's own reference data carries a note for the team")
    func publicText() throws {
        for procedure in catalogue.snapshot.data.procedures {
            let texts = [procedure.title, procedure.summary, procedure.description, procedure.cost, procedure.delay, procedure.howTo]
                + procedure.documents + procedure.exceptions.map(\.note)
            #expect(!texts.compactMap { $0 }.contains { $0.localizedCaseInsensitiveContains("à vérifier") }, "\(procedure.slug)")
        }
        for organisation in catalogue.snapshot.data.organisations {
            #expect(!(organisation.description ?? "").localizedCaseInsensitiveContains("à vérifier"), "\(organisation.id)")
        }
    }
}
