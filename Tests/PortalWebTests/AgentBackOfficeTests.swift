import Foundation
import PortalCore
import Testing

/// The agent back-office through the real server: the queue of the agent's own organisation,
/// its filters and CSV export, a dossier's actions, notes and messages.
@Suite struct AgentBackOfficeTests {
    let server: PortalTestServer
    let references: [String]
    let ids: [Int64]

    init() throws {
        server = try PortalTestServer(demo: true, forms: [FilingFlowTests.form])
        let catalogue = try Catalogue(database: server.database)
        let dossiers = try Dossiers(database: server.database, catalogue: catalogue, links: server.links)
        guard case .success(let resident, _) = try Accounts(database: server.database, hasher: PortalTestServer.hasher)
            .logIn(email: "habitant@demo.cctoval.fr", password: "demo-portail-2026", remoteAddress: "192.0.2.1", now: Date()) else {
            throw DossierError.notFound
        }
        let validator = FormValidator(communeCodes: Set(catalogue.communes().map(\.insee)), today: CalendarDay(Date()))
        var filed: [Dossier] = []
        for name in ["Léo", "Zoé", "Jules"] {
            let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: resident, now: Date())
            _ = try dossiers.answer(page: "enfant", of: draft.id, input: FormInput([
                "prenom": [name], "naissance-day": ["3"], "naissance-month": ["4"], "naissance-year": ["2019"],
                "ecole": ["publique"], "allergie": ["non"],
            ]), validator: validator, actor: resident, now: Date())
            _ = try dossiers.answer(page: "contact", of: draft.id, input: FormInput(["courriel": ["habitant@demo.cctoval.fr"]]),
                                    validator: validator, actor: resident, now: Date())
            filed.append(try dossiers.submit(draft.id, actor: resident, now: Date()))
        }
        references = filed.map(\.reference)
        ids = filed.map(\.id)
    }

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        _ = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        return browser
    }

    @Test func theQueueShowsOnlyTheOrganisationsDossiersWithCountsAndFilters() throws {
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let queue = try agent.get("/agent")
        #expect(queue.status == 200)
        for reference in references { #expect(queue.body.contains(reference)) }
        #expect(queue.text.contains("3 demandes"))
        #expect(queue.text.contains("Camille Martin"), "the resident's name is shown to the service")
        #expect(try agent.get("/agent?attribution=moi").text.contains("Aucune demande ne correspond"))
        #expect(try agent.get("/agent?commune=37031").text.contains("Aucune demande ne correspond"))

        var other = try loggedIn("agent.bourgueil@demo.cctoval.fr")
        let otherQueue = try other.get("/agent")
        for reference in references { #expect(!otherQueue.body.contains(reference)) }
        #expect(try other.get("/agent/dossiers/\(ids[0])").status == 404)
        var resident = try loggedIn("habitant@demo.cctoval.fr")
        #expect(try resident.get("/agent").status == 404)
        #expect(try resident.get("/agent/dossiers/\(ids[0])").status == 404)
    }

    @Test func theCSVExportOpensInASpreadsheetWithAccents() throws {
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let csv = try agent.get("/agent/export.csv")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == "Référence;Démarche;Demandeur;Commune;Déposée le;Décision tacite le;Statut;Attribuée à")
        #expect(lines.filter { $0.hasPrefix("CC-") }.count == 3)
        #expect(lines[1].contains(";Inscrire votre enfant à la cantine"))
        #expect(lines[1].contains(";Langeais;"))
    }

    @Test func theAgentTakesRefusesWithAReasonAndTheResidentIsTold() throws {
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let path = "/agent/dossiers/\(ids[0])"
        let page = try agent.get(path)
        #expect(page.text.contains("Prendre en charge"))
        let token = page.csrfToken ?? ""
        #expect(try agent.post(path + "/action", form: [("_csrf", token), ("action", "prendre")]).header("Location") == path + "?fait=1")
        #expect(try agent.get("/agent?attribution=moi").body.contains(references[0]))

        let noReason = try agent.post(path + "/action", form: [("_csrf", token), ("action", "refuser"), ("motif", " ")])
        #expect(noReason.status == 422)
        #expect(noReason.body.contains("href=\"#motif-refuser\""))
        _ = try agent.post(path + "/note", form: [("_csrf", token), ("note", "Vérifier le quotient familial")])
        _ = try agent.post(path + "/message", form: [("_csrf", token), ("message", "Merci de préciser la classe de Léo.")])
        _ = try agent.post(path + "/action", form: [("_csrf", token), ("action", "refuser"), ("motif", "Plus de place le jeudi.")])
        let conflict = try agent.post(path + "/action", form: [("_csrf", token), ("action", "accepter")])
        #expect(conflict.status == 409, "accepting a refused dossier makes no sense")
        let refused = try agent.get(path)
        #expect(refused.text.contains("Refusé"))
        #expect(refused.text.contains("Vérifier le quotient familial"))

        var resident = try loggedIn("habitant@demo.cctoval.fr")
        let seen = try resident.get("/mon-espace/dossiers/\(ids[0])")
        #expect(seen.text.contains("Refusé"))
        #expect(seen.text.contains("Plus de place le jeudi."))
        #expect(seen.text.contains("Merci de préciser la classe de Léo."))
        #expect(!seen.text.contains("quotient familial"), "internal notes stay internal")
        let reply = try resident.post("/mon-espace/dossiers/\(ids[0])/message", form: [("_csrf", seen.csrfToken ?? ""), ("message", "Il est en CE1.")])
        #expect(reply.status == 303)
        #expect(try agent.get(path).text.contains("Il est en CE1."))

        let subjects = try Outbox(database: server.database).due(now: Date().addingTimeInterval(60)).map(\.message.subject)
        #expect(subjects.contains("Votre demande \(references[0]) : refusé"))
        #expect(subjects.filter { $0 == "Nouveau message sur la demande \(references[0])" }.count == 2)
    }

    @Test func missingDocumentsAreAskedSentRefusedReusedAndAccepted() throws {
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let path = "/agent/dossiers/\(ids[1])"
        let token = try agent.get(path).csrfToken ?? ""
        let due = CalendarDay(Date()).adding(days: 10)
        let missingDate = try agent.post(path + "/pieces", form: [("_csrf", token), ("libelle", "Attestation CAF")])
        #expect(missingDate.status == 422)
        #expect(missingDate.body.contains("href=\"#echeance-day\""))
        let asked = try agent.post(path + "/pieces", form: [
            ("_csrf", token), ("libelle", "Attestation CAF"), ("explication", "De moins de 3 mois."),
            ("echeance-day", String(due.day)), ("echeance-month", String(due.month)), ("echeance-year", String(due.year)),
        ])
        #expect(asked.status == 303)
        #expect(try agent.get(path).text.contains("En attente de pièces"))

        var resident = try loggedIn("habitant@demo.cctoval.fr")
        let dashboard = try resident.get("/mon-espace")
        #expect(dashboard.text.contains("À faire"))
        #expect(dashboard.text.contains("Envoyer : Attestation CAF"))
        let dossierPath = "/mon-espace/dossiers/\(ids[1])"
        let page = try resident.get(dossierPath)
        #expect(page.text.contains("Documents à fournir"))
        #expect(page.text.contains("Votre dossier est incomplet"), "the acknowledgement lists the missing documents (R112-11-4)")
        let form = try #require(page.body.range(of: "action=\"\(dossierPath)/pieces/"))
        let piecePath = dossierPath + "/pieces/" + page.body[form.upperBound...].prefix { $0 != "\"" }
        let pdf = Array("%PDF-1.4\nCAF\n%%EOF\n".utf8)
        let nothing = try resident.postMultipart(piecePath, fields: [("_csrf", page.csrfToken ?? "")], files: [("document", "", [])])
        #expect(nothing.status == 422)
        #expect(nothing.text.contains("Choisissez le document à envoyer."))
        let sent = try resident.postMultipart(piecePath, fields: [("_csrf", page.csrfToken ?? "")], files: [("document", "caf.pdf", pdf)])
        #expect(sent.status == 303)

        let toReview = try agent.get(path)
        #expect(toReview.text.contains("Reçu, à vérifier"))
        let reviewStart = try #require(toReview.body.range(of: "action=\"\(path)/pieces/"))
        let reviewPath = path + "/pieces/" + toReview.body[reviewStart.upperBound...].prefix { $0 != "\"" }
        _ = try agent.post(reviewPath, form: [("_csrf", token), ("decision", "refuser"), ("motif", "Illisible.")])

        let again = try resident.get(dossierPath)
        #expect(again.text.contains("Le document envoyé a été refusé : Illisible."))
        let reuse = try #require(again.body.range(of: "name=\"reprise\" value=\""))
        let fileId = String(again.body[reuse.upperBound...].prefix { $0 != "\"" })
        _ = try resident.postMultipart(piecePath, fields: [("_csrf", again.csrfToken ?? ""), ("reprise", fileId)], files: [])
        _ = try agent.post(reviewPath, form: [("_csrf", token), ("decision", "accepter")])
        #expect(try agent.get(path).text.contains("En instruction"))
        #expect(!(try resident.get("/mon-espace").text.contains("À faire")))
    }

    @Test func aMessageCanCarryADocumentBothSidesCanOpen() throws {
        var resident = try loggedIn("habitant@demo.cctoval.fr")
        let dossierPath = "/mon-espace/dossiers/\(ids[2])"
        let page = try resident.get(dossierPath)
        let pdf = Array("%PDF-1.4\ncertificat\n%%EOF\n".utf8)
        let wrong = try resident.postMultipart(dossierPath + "/message", fields: [("_csrf", page.csrfToken ?? ""), ("message", "Voici le certificat.")],
                                               files: [("piece-jointe", "certificat.pdf", Array("pas un pdf".utf8))])
        #expect(wrong.status == 422)
        #expect(wrong.body.contains("Voici le certificat."), "the message typed is kept")
        let sent = try resident.postMultipart(dossierPath + "/message", fields: [("_csrf", page.csrfToken ?? ""), ("message", "Voici le certificat.")],
                                              files: [("piece-jointe", "certificat.pdf", pdf)])
        #expect(sent.status == 303)

        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let agentPage = try agent.get("/agent/dossiers/\(ids[2])")
        #expect(agentPage.text.contains("Pièce jointe : certificat.pdf (PDF)"))
        let link = try #require(agentPage.body.range(of: "href=\"/agent/dossiers/\(ids[2])/documents/"))
        let documentPath = "/agent/dossiers/\(ids[2])/documents/" + agentPage.body[link.upperBound...].prefix { $0 != "\"" }
        #expect(try agent.get(documentPath).bytes == pdf)
        var other = try loggedIn("agent.bourgueil@demo.cctoval.fr")
        #expect(try other.get(documentPath).status == 404)
    }

    @Test func aMessageFromTheServiceWaitsFirstOnTheResidentsDashboardUntilAnswered() throws {
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        let path = "/agent/dossiers/\(ids[1])"
        let token = try agent.get(path).csrfToken ?? ""
        #expect(try agent.post(path + "/message", form: [("_csrf", token), ("message", "Quelle est la classe de Zoé ?")]).status == 303)
        var resident = try loggedIn("habitant@demo.cctoval.fr")
        let dashboard = try resident.get("/mon-espace")
        #expect(dashboard.text.contains("<h2>À faire</h2>"))
        #expect(dashboard.text.contains("<a href=\"/mon-espace/dossiers/\(ids[1])#historique\">Répondre au message du service (demande \(references[1])"))
        let page = try resident.get("/mon-espace/dossiers/\(ids[1])")
        _ = try resident.post("/mon-espace/dossiers/\(ids[1])/message", form: [("_csrf", page.csrfToken ?? ""), ("message", "En CP.")])
        #expect(!(try resident.get("/mon-espace").text.contains("Répondre au message du service")))
    }
}
