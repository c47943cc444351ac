import Foundation
import PortalCore
import Testing

/// « Inscriptions » and the agents' lists through the real server: a résident registers children
/// to an activity open today (confirmed and billed, then waiting), sees why a registration is
/// refused, cancels; the agents of the organisation list, refuse and export; nobody else sees them.
@Suite struct RegistrationFlowTests {
    let server: PortalTestServer
    let today = CalendarDay(Date())

    /// The CCTOVAL's leisure centre, open since five days, one place, priced by quotient, a
    /// vaccination record required (the seed's activities may be closed when the tests run), as
    /// the activity table stores it.
    var workshop: [String: Any] {
        [
            "id": "atelier-test", "organisationId": "cctoval-enfance", "regieId": "enfance-jeunesse", "title": "Atelier nature",
            "period": "Vacances d'essai", "description": "Une semaine dehors.", "opensOn": today.adding(days: -5).iso,
            "closesOn": today.adding(days: 20).iso, "startsOn": today.adding(days: 30).iso, "endsOn": today.adding(days: 35).iso,
            "minAgeMonths": 36, "maxAgeMonths": 143, "communes": [String](), "capacity": 1, "requiredDocuments": ["carnet-vaccination"],
            "tariff": ["label": "Forfait semaine", "bands": [["maxQuotient": 600, "cents": 4200], ["cents": 6300]]],
        ]
    }

    init() throws {
        server = try PortalTestServer(demo: true)
        let definition = String(decoding: try JSONSerialization.data(withJSONObject: workshop), as: UTF8.self)
        try server.database.pool.write { db in
            try db.execute(sql: "INSERT INTO activity (id, organisationId, definition) VALUES ('atelier-test', 'cctoval-enfance', ?)",
                           arguments: [definition])
        }
        // Camille's household: Léo (7) and Zoé (4), their vaccination records, a CAF statement (742).
        try DemoHousehold.install(into: Households(database: server.database, links: server.links))
    }

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        let response = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        #expect(response.status == 303)
        return browser
    }

    func memberId(_ firstName: String) throws -> Int64 {
        try #require(try server.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM household_member WHERE firstName = ?", arguments: [firstName])
        })
    }

    /// Registers `firstName` to the workshop from the registrations page.
    func register(_ firstName: String, _ browser: inout Browser) throws -> PageResponse {
        let page = try browser.get("/mon-espace/inscriptions")
        return try browser.post("/mon-espace/inscriptions", form: [("_csrf", page.csrfToken ?? ""), ("activite", "atelier-test"),
                                                                 ("membre", String(try memberId(firstName)))])
    }

    @Test func aResidentRegistersTwoChildrenThenCancelsAndTheWaitingOneGetsThePlace() throws {
        var camille = try loggedIn("habitant@demo.cctoval.fr")
        #expect(try camille.get("/mon-espace").body.contains("<a href=\"/mon-espace/inscriptions\">Inscriptions</a>"))
        let page = try camille.get("/mon-espace/inscriptions")
        #expect(page.status == 200)
        #expect(page.text.contains("<title>Inscriptions – Portail citoyen CCTOVAL</title>"))
        #expect(page.text.contains("Vous n'avez encore inscrit personne."))
        #expect(page.text.contains("<h3 id=\"activite-atelier-test\">Atelier nature</h3>"))
        #expect(page.text.contains("<th scope=\"row\">jusqu'à 600</th><td class=\"numeric\">42,00\u{202F}€</td>"))
        #expect(page.text.contains("<th scope=\"row\">à partir de 601</th><td class=\"numeric\">63,00\u{202F}€</td>"))
        #expect(page.text.contains("Pour votre foyer (quotient familial 742) : 63,00\u{202F}€."))
        #expect(page.text.contains("Carnet de vaccination (en cours de validité, dans votre foyer)"))
        #expect(page.text.contains("1 place ; ensuite, liste d'attente"))
        #expect(!page.text.contains("Restauration scolaire – Bourgueil"), "an activity for another commune is not offered")

        // No child chosen: the form says so, in the summary and next to the select.
        let none = try camille.post("/mon-espace/inscriptions", form: [("_csrf", page.csrfToken ?? ""), ("activite", "atelier-test"), ("membre", "")])
        #expect(none.status == 422)
        #expect(none.text.contains("<a href=\"#membre-atelier-test\">Choisissez la personne à inscrire.</a>"))
        #expect(none.body.contains("id=\"membre-atelier-test-error\""))

        let confirmed = try register("Léo", &camille)
        #expect(confirmed.status == 303)
        let notice = try camille.get(try #require(confirmed.header("Location")))
        #expect(notice.text.contains("Inscription confirmée : Léo Martin à « Atelier nature » (Vacances d'essai)."))
        let invoiceId = try #require(try server.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT invoiceId FROM registration WHERE activityId = 'atelier-test'")
        })
        #expect(notice.body.contains("<a href=\"/mon-espace/factures/\(invoiceId)\">Voir la facture</a>"))
        let invoice = try camille.get("/mon-espace/factures/\(invoiceId)")
        #expect(invoice.status == 200)
        #expect(invoice.text.contains("Atelier nature – Vacances d'essai – Léo Martin"))
        #expect(invoice.text.contains("63,00\u{202F}€"))

        // Twice is refused, with the choice kept.
        let twice = try register("Léo", &camille)
        #expect(twice.status == 422)
        #expect(twice.text.contains("<a href=\"#membre-atelier-test\">Cette personne est déjà inscrite ou sur liste d'attente pour cette activité.</a>"))
        #expect(twice.body.contains("<option value=\"\(try memberId("Léo"))\" selected>Léo Martin</option>"))

        let waiting = try register("Zoé", &camille)
        let waitingNotice = try camille.get(try #require(waiting.header("Location")))
        #expect(waitingNotice.text.contains("Sur liste d'attente, rang 1 : toutes les places sont prises pour l'instant"))
        #expect(waitingNotice.text.contains("Sur liste d'attente, rang 1</td>"))

        // Léo's registration is cancelled after a confirmation; Zoé gets the place.
        let leoRegistration = try #require(try server.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM registration WHERE memberName = 'Léo Martin'")
        })
        let cancelPath = "/mon-espace/inscriptions/\(leoRegistration)/annulation"
        #expect(waitingNotice.body.contains("<a href=\"\(cancelPath)\">Annuler l'inscription"))
        let question = try camille.get(cancelPath)
        #expect(question.text.contains("<h1>Annuler l'inscription de Léo Martin ?</h1>"))
        #expect(question.text.contains("Sa place sera donnée à la première personne de la liste d'attente"))
        #expect(question.text.contains("Sa facture sera annulée si elle n'est pas encore payée"))
        let cancelled = try camille.post(cancelPath, form: [("_csrf", question.csrfToken ?? "")])
        #expect(cancelled.status == 303)
        let after = try camille.get(try #require(cancelled.header("Location")))
        #expect(after.text.contains("L'inscription de Léo Martin à « Atelier nature » est annulée."))
        #expect(after.text.contains("<td>Annulée</td>"))
        #expect(after.text.contains("<td>Confirmée</td>"), "Zoé has the freed place")
        #expect(!after.text.contains("liste d'attente, rang"))
        // A second click changes nothing.
        #expect(try camille.post(cancelPath, form: [("_csrf", question.csrfToken ?? "")]).header("Location") == "/mon-espace/inscriptions")
    }

    @Test func aRefusalForMissingDocumentsLinksToAddingThem() throws {
        var lea = try loggedIn("habitante.bourgueil@demo.cctoval.fr")
        let empty = try lea.get("/mon-espace/inscriptions")
        #expect(empty.text.contains("Pour inscrire un enfant, ajoutez-le d'abord à"))
        let form = try lea.get("/mon-espace/foyer/enfants/nouveau")
        #expect(try lea.post("/mon-espace/foyer/enfants/nouveau", form: [
            ("_csrf", form.csrfToken ?? ""), ("prenom", "Inès"), ("nom", "Dubois"), ("naissance-day", "9"), ("naissance-month", "9"),
            ("naissance-year", String(today.year - 6)),
        ]).status == 303)
        let refused = try register("Inès", &lea)
        #expect(refused.status == 422)
        #expect(refused.text.contains("<title>Erreur : Inscriptions"))
        #expect(refused.text.contains("<a href=\"#membre-atelier-test\">Ajoutez d'abord à votre foyer, en cours de validité : carnet de vaccination.</a>"))
        #expect(refused.body.contains("<a href=\"/mon-espace/foyer/documents/nouveau?type=carnet-vaccination\">Ajouter à votre foyer : Carnet de vaccination</a>"))
        #expect(try lea.get("/mon-espace/foyer/documents/nouveau?type=carnet-vaccination").body.contains("value=\"carnet-vaccination\" checked"))
        // Another household's child, or an activity that does not exist: 404.
        let page = try lea.get("/mon-espace/inscriptions")
        #expect(try lea.post("/mon-espace/inscriptions", form: [("_csrf", page.csrfToken ?? ""), ("activite", "atelier-test"),
                                                               ("membre", String(try memberId("Léo")))]).status == 404)
        #expect(try lea.post("/mon-espace/inscriptions", form: [("_csrf", page.csrfToken ?? ""), ("activite", "inconnue"),
                                                               ("membre", String(try memberId("Inès")))]).status == 404)
    }

    @Test func agentsOfTheServiceListRefuseAndExportOthersGet404() throws {
        var camille = try loggedIn("habitant@demo.cctoval.fr")
        _ = try register("Léo", &camille)
        _ = try register("Zoé", &camille)

        var agent = try loggedIn("agent.enfance@demo.cctoval.fr")
        #expect(try agent.get("/agent").body.contains("<a href=\"/agent/inscriptions\">Inscriptions</a>"))
        let list = try agent.get("/agent/inscriptions")
        #expect(list.status == 200)
        #expect(list.body.contains("<a href=\"/agent\">Demandes à traiter</a>") && list.body.contains("<a href=\"/agent/factures\">Factures</a>"))
        #expect(list.text.contains("<a href=\"/agent/inscriptions/atelier-test\">Atelier nature</a>"))
        #expect(list.text.contains("<td class=\"numeric\">1 / 1</td><td class=\"numeric\">1</td>"))

        let page = try agent.get("/agent/inscriptions/atelier-test")
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Atelier nature</h1>"))
        #expect(page.text.contains("Liste de présence"))
        #expect(page.text.contains("<th scope=\"col\" class=\"print-only\">Présent</th>"))
        #expect(page.text.contains("Inscrits (1 inscrit sur 1 place)"))
        #expect(page.text.contains("7 ans<span class=\"cell-note\">né(e) le 14 mars \(today.year - 7)</span>"))
        #expect(page.text.contains("Camille Martin<span class=\"cell-note\">habitant@demo.cctoval.fr</span>"))
        let confirmedSection = try #require(page.text.range(of: "Liste d'attente</h2>"))
        #expect(page.text[confirmedSection.upperBound...].contains("Zoé Martin"), "Zoé waits, after the confirmed")

        let zoe = try #require(try server.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM registration WHERE memberName = 'Zoé Martin'")
        })
        let refusePath = "/agent/inscriptions/atelier-test/refus/\(zoe)"
        let noReason = try agent.post(refusePath, form: [("_csrf", page.csrfToken ?? ""), ("motif", "  ")])
        #expect(noReason.status == 422)
        #expect(noReason.text.contains("<a href=\"#motif-\(zoe)\">Indiquez le motif du refus : la famille le lira dans son espace.</a>"))
        #expect(noReason.body.contains("<details class=\"refuse\" open>"))
        #expect(noReason.body.contains("id=\"motif-\(zoe)-error\""))
        let refused = try agent.post(refusePath, form: [("_csrf", page.csrfToken ?? ""), ("motif", "Réservé aux enfants de 6 ans et plus.")])
        #expect(refused.status == 303)
        let notice = try agent.get(try #require(refused.header("Location")))
        #expect(notice.text.contains("L'inscription de Zoé Martin est refusée. La famille est prévenue par e-mail"))
        #expect(notice.text.contains("Motif : Réservé aux enfants de 6 ans et plus."))
        let family = try camille.get("/mon-espace/inscriptions")
        #expect(family.text.contains("Refusée<span class=\"cell-note\">Motif : Réservé aux enfants de 6 ans et plus.</span>"))

        let csv = try agent.get("/agent/inscriptions/atelier-test/export.csv")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(csv.header("Content-Disposition")?.contains("inscriptions-atelier-test-\(today.iso).csv") == true)
        #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == "Statut;Rang d'attente;Enfant;Date de naissance;Âge;École;Responsable;E-mail du responsable;Demandée le;Décidée le;Motif du refus")
        #expect(lines[1].hasPrefix("Confirmée;;Léo Martin;14/03/\(today.year - 7);7;École Anne de Bretagne, Langeais;Camille Martin;habitant@demo.cctoval.fr;"))
        #expect(lines[2].hasPrefix("Refusée;;Zoé Martin;") && lines[2].hasSuffix(";Réservé aux enfants de 6 ans et plus."))

        // The mairie of Langeais's agent, a résident, a visitor: not theirs.
        var langeais = try loggedIn("agent.langeais@demo.cctoval.fr")
        #expect(try langeais.get("/agent/inscriptions/atelier-test").status == 404)
        #expect(try langeais.get("/agent/inscriptions/atelier-test/export.csv").status == 404)
        let langeaisPage = try langeais.get("/agent/inscriptions")
        #expect(!langeaisPage.text.contains("Atelier nature"))
        let leo = try #require(try server.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM registration WHERE memberName = 'Léo Martin'")
        })
        #expect(try langeais.post("/agent/inscriptions/atelier-test/refus/\(leo)",
                                  form: [("_csrf", langeaisPage.csrfToken ?? ""), ("motif", "Non")]).status == 404)
        #expect(try camille.get("/agent/inscriptions").status == 404)
        #expect(try camille.get("/agent/inscriptions/atelier-test").status == 404)
        var visitor = server.browser()
        #expect(try visitor.get("/agent/inscriptions/atelier-test").header("Location") == "/connexion?retour=/agent/inscriptions/atelier-test")
        #expect(try agent.get("/agent/inscriptions/atelier-test").text.contains("Léo Martin"), "Léo is still registered")
    }
}
