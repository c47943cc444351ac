import Foundation
import GRDB
import PortalCore
import Testing

/// A resident's whole visit to the France Services counter, over the real server: the adviser
/// finds them, records their mandate, sees their invoices and notes a payment made elsewhere,
/// sends a document asked of them, registers a child, files a request for them, and prints the
/// récépissé; the resident sees all of it in their space.
@Suite struct FranceServicesVisitTests {
    let server: PortalTestServer
    let residentId: Int64
    /// A dossier of the resident's waiting for a document, filed online before the visit.
    let waitingDossier: Dossier

    /// A holiday centre open for registration now, for 3 to 11 year-olds, a vaccination record required
    /// (as `activities.json` writes it).
    static let activityId = "loisirs-guichet-test"
    static var activityDefinition: String {
        let today = CalendarDay(Date())
        return """
            {"id": "\(activityId)", "organisationId": "cctoval-enfance", "title": "Accueil de loisirs (test)",
             "period": "Prochaines vacances", "description": "", "opensOn": "\(today.adding(days: -10).iso)",
             "closesOn": "\(today.adding(days: 30).iso)", "startsOn": "\(today.adding(days: 40).iso)",
             "endsOn": "\(today.adding(days: 50).iso)", "minAgeMonths": 36, "maxAgeMonths": 143, "communes": [], "capacity": 10,
             "requiredDocuments": ["carnet-vaccination"]}
            """
    }

    init() throws {
        server = try PortalTestServer(demo: true, forms: [FilingFlowTests.form])
        residentId = try server.accountId("habitant@demo.cctoval.fr")
        let database = server.database, catalogue = try Catalogue(database: database)
        try DemoHousehold.install(into: try Households(database: database, links: server.links))
        _ = try DemoInvoices.install(into: Invoices(database: database, catalogue: catalogue, links: server.links))
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO activity (id, organisationId, definition) VALUES (?, 'cctoval-enfance', ?)",
                           arguments: [Self.activityId, Self.activityDefinition])
        }
        // Filed online by the resident, then a document asked by the mairie.
        let accounts = Accounts(database: database, hasher: PortalTestServer.hasher)
        let resident = try accounts.account(id: residentId)
        let agent = try accounts.account(id: try server.accountId("agent.langeais@demo.cctoval.fr"))
        let dossiers = try Dossiers(database: database, catalogue: catalogue, links: server.links)
        let draft = try dossiers.startDraft(procedureSlug: "inscription-cantine", actor: resident, now: Date())
        let validator = FormValidator(communeCodes: ["37123"], today: CalendarDay(Date()))
        _ = try dossiers.answer(page: "enfant", of: draft.id, input: FormInput([
            "prenom": ["Zoé"], "naissance-day": ["2"], "naissance-month": ["10"], "naissance-year": ["2021"], "ecole": ["publique"],
            "allergie": ["non"],
        ]), validator: validator, actor: resident, now: Date())
        _ = try dossiers.answer(page: "contact", of: draft.id, input: FormInput(["courriel": ["habitant@demo.cctoval.fr"]]),
                                validator: validator, actor: resident, now: Date())
        waitingDossier = try dossiers.submit(draft.id, actor: resident, now: Date())
        _ = try dossiers.requestDocument(DocumentRequestDraft(label: "Attestation d'assurance scolaire", explanation: "Pour l'année en cours.",
                                                              dueOn: CalendarDay(Date()).adding(days: 15)),
                                         on: waitingDossier.id, actor: agent, now: Date())
    }

    var residentPath: String { "/guichet/habitants/\(residentId)" }

    @Test func anAdvisersWholeVisitWithAResident() throws {
        var adviser = try server.loggedIn("conseiller@demo.cctoval.fr")

        // Found by a search, which is journaled; nothing more than name and commune before the mandate.
        let found = try adviser.get("/guichet?nom=Camille+Martin&email=&naissance=")
        #expect(found.body.contains("href=\"\(residentPath)\""))
        #expect(try adviser.get("/guichet").text.contains("nom « Camille Martin » : 1 résultat"))
        #expect(try adviser.get(residentPath + "/factures").status == 404)

        let mandatePage = try adviser.recordSignedMandate(for: residentId, families: ["famille", "paiements"])
        #expect(mandatePage.text.contains("Mandat en cours"))

        // Invoices: listed with amounts and status; a payment made elsewhere is noted, nothing credited.
        let invoices = try adviser.get(residentPath + "/factures")
        #expect(invoices.status == 200)
        #expect(invoices.text.contains("Factures de Camille Martin"))
        #expect(invoices.text.contains("En retard"))
        #expect(invoices.text.contains("Payée"))
        let invoicePath = try #require(invoices.body.range(of: "href=\"\(residentPath)/factures/").map {
            residentPath + "/factures/" + String(invoices.body[$0.upperBound...].prefix { $0.isNumber })
        })
        let invoicePage = try adviser.get(invoicePath)
        #expect(invoicePage.text.contains("Noter un paiement fait ailleurs"))
        let empty = try adviser.post(invoicePath, form: [("_csrf", invoicePage.csrfToken ?? ""), ("declaration", " ")])
        #expect(empty.status == 422)
        #expect(empty.body.contains("href=\"#declaration\""))
        let declared = try adviser.post(invoicePath, form: [
            ("_csrf", invoicePage.csrfToken ?? ""), ("declaration", "Chèque remis au centre des finances publiques de Chinon le 12/11"),
        ])
        #expect(declared.header("Location") == residentPath + "/factures?fait=paiement")
        #expect(try adviser.get(residentPath + "/factures?fait=paiement").text.contains("la régie le vérifiera"))
        #expect(try adviser.get(invoicePath).text.contains("Paiements déjà déclarés au guichet"))
        let invoiceId = try #require(Int64(invoicePath.split(separator: "/").last ?? ""))
        // The oldest open one is the CCTOVAL holiday centre's (its agents see the note, highlighted).
        var regieAgent = try server.loggedIn("agent.enfance@demo.cctoval.fr")
        let agentInvoice = try regieAgent.get("/agent/factures/\(invoiceId)")
        #expect(agentInvoice.text.contains("Anomalie à vérifier"))
        #expect(agentInvoice.text.contains("Paiement déclaré au guichet France Services, à vérifier"))
        #expect(agentInvoice.text.contains("Chèque remis au centre des finances publiques de Chinon"))
        #expect(agentInvoice.text.contains("Karim Benali"))
        let paid = try server.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT paidCents FROM invoice WHERE id = ?", arguments: [invoiceId]) }
        #expect(paid == 0, "nothing is credited")
        var agent = try server.loggedIn("agent.langeais@demo.cctoval.fr")

        // The document the mairie asked for, scanned at the counter.
        let documents = try adviser.get(residentPath + "/pieces")
        #expect(documents.text.contains("Attestation d'assurance scolaire"))
        #expect(documents.text.contains(waitingDossier.reference))
        let requestPath = try #require(documents.body.range(of: "action=\"\(residentPath)/pieces/").map {
            residentPath + "/pieces/" + String(documents.body[$0.upperBound...].prefix { $0.isNumber })
        })
        let missing = try adviser.postMultipart(requestPath, fields: [("_csrf", documents.csrfToken ?? "")], files: [])
        #expect(missing.status == 422)
        #expect(missing.text.contains("Choisissez le document numérisé à envoyer."))
        let supplied = try adviser.postMultipart(requestPath, fields: [("_csrf", documents.csrfToken ?? "")],
                                                 files: [("document", "assurance.pdf", DocumentUploadTests.pdf)])
        #expect(supplied.header("Location") == residentPath + "/pieces?fait=document")
        #expect(try adviser.get(residentPath + "/pieces").text.contains("Aucun document n'est demandé"))
        let agentDossier = try agent.get("/agent/dossiers/\(waitingDossier.id)")
        #expect(agentDossier.text.contains("Document envoyé au guichet France Services, par Karim Benali"))

        // The household: a child registered to an open activity; registering twice is refused with the reason.
        let household = try adviser.get(residentPath + "/foyer")
        #expect(household.text.contains("Léo Martin") && household.text.contains("Thomas Martin"))
        let leo = try #require(household.body.range(of: "\">Léo Martin</option>").map { range in
            String(household.body[..<range.lowerBound].reversed().prefix { $0.isNumber }.reversed())
        })
        let registered = try adviser.post(residentPath + "/inscriptions", form: [
            ("_csrf", household.csrfToken ?? ""), ("membre", leo), ("activite", Self.activityId),
        ])
        #expect(registered.header("Location") == residentPath + "/foyer?fait=inscription")
        let after = try adviser.get(residentPath + "/foyer?fait=inscription")
        #expect(after.text.contains("Accueil de loisirs (test)"))
        #expect(after.text.contains("Confirmée"))
        let twice = try adviser.post(residentPath + "/inscriptions", form: [
            ("_csrf", household.csrfToken ?? ""), ("membre", leo), ("activite", Self.activityId),
        ])
        #expect(twice.status == 422)
        #expect(twice.text.contains(RegistrationError.alreadyRegistered.message))

        // A request filed for the resident through the filing pages, at the counter.
        let procedures = try adviser.get(residentPath + "/demandes")
        #expect(procedures.text.contains("Inscrire votre enfant à la cantine"))
        #expect(!procedures.text.contains("Demander un composteur"), "outside the mandate's families")
        let started = try adviser.post(residentPath + "/demandes", form: [("_csrf", procedures.csrfToken ?? ""), ("demarche", "inscription-cantine")])
        let draftPath = try #require(started.header("Location"))
        #expect(draftPath.hasPrefix(residentPath + "/demandes/"))
        #expect(try adviser.get(draftPath).header("Location") == draftPath + "/pages/enfant")
        let first = try adviser.get(draftPath + "/pages/enfant")
        #expect(first.status == 200)
        #expect(first.text.contains("Connecté(e) : Karim Benali"), "the header names the adviser, not the resident")
        #expect(first.body.contains("href=\"\(residentPath)/demandes\""), "back to the resident's procedures")
        let contactPath = try adviser.post(draftPath + "/pages/enfant", form: [
            ("_csrf", first.csrfToken ?? ""), ("prenom", "Léo"), ("naissance-day", "14"), ("naissance-month", "3"),
            ("naissance-year", "2019"), ("ecole", "publique"), ("allergie", "non"),
        ])
        #expect(contactPath.header("Location") == draftPath + "/pages/contact")
        let contact = try adviser.get(draftPath + "/pages/contact")
        #expect(contact.body.contains("value=\"habitant@demo.cctoval.fr\""), "pre-filled from the resident's account")
        _ = try adviser.post(draftPath + "/pages/contact", form: [("_csrf", contact.csrfToken ?? ""), ("courriel", "habitant@demo.cctoval.fr")])
        let check = try adviser.get(draftPath + "/verifier")
        #expect(check.text.contains("Vérifiez les réponses avec la personne"))
        let filed = try adviser.post(draftPath + "/deposer", form: [("_csrf", check.csrfToken ?? "")])
        let acknowledgementPath = try #require(filed.header("Location"))
        #expect(acknowledgementPath.hasPrefix(residentPath + "/dossiers/") && acknowledgementPath.hasSuffix("?depose=1"))
        let acknowledgement = try adviser.get(acknowledgementPath)
        #expect(acknowledgement.text.contains("Demande envoyée"))
        #expect(acknowledgement.text.contains("Accusé de réception"))
        #expect(acknowledgement.text.contains("Mairie de Langeais"))
        #expect(acknowledgement.text.contains("Demande déposée au guichet France Services, par Karim Benali"))
        let filedId = try #require(Int64(acknowledgementPath.dropFirst((residentPath + "/dossiers/").count).prefix { $0.isNumber }))
        let (reference, channel) = try #require(try server.database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT reference, channel FROM dossier WHERE id = ?", arguments: [filedId])
        }.map { (String($0["reference"] as String), String($0["channel"] as String)) })
        #expect(channel == "guichet")
        #expect(acknowledgement.text.contains(reference))
        let again = try adviser.post(draftPath + "/deposer", form: [("_csrf", check.csrfToken ?? "")])
        #expect(again.header("Location") == acknowledgementPath, "filing twice files once")

        // The récépissé of the visit: every action, with its references and the site's contacts.
        let receipt = try adviser.get(residentPath + "/recepisse")
        #expect(receipt.status == 200)
        for text in ["Récépissé de votre visite du \(CalendarDay(Date()).french)", "Mandat enregistré", "Paiement fait ailleurs noté pour la facture",
                     "Document « Attestation d'assurance scolaire » envoyé pour la demande \(waitingDossier.reference)",
                     "Inscription de Léo Martin à « Accueil de loisirs (test) » : confirmée", "Demande \(reference) déposée",
                     "Karim Benali", "France Services de Langeais"] {
            #expect(receipt.text.contains(text), "\(text)")
        }
        #expect(receipt.text.components(separatedBy: "Demande \(reference) déposée").count == 2, "journaled once")

        // The resident sees the request in their space, filed at the counter by the adviser.
        var resident = try server.loggedIn("habitant@demo.cctoval.fr")
        #expect(try resident.get("/mon-espace").text.contains(reference))
        let own = try resident.get("/mon-espace/dossiers/\(filedId)")
        #expect(own.text.contains("Demande déposée au guichet France Services, par Karim Benali"))
        #expect(try agent.get("/agent/dossiers/\(filedId)").text.contains("Au guichet France Services"))

        // Their France Services page: the mandate in force and the journal of what was done, searches aside.
        #expect(try resident.get("/mon-espace").body.contains("href=\"/mon-espace/france-services\""))
        let space = try resident.get("/mon-espace/france-services")
        #expect(space.status == 200)
        for text in ["Mandats en cours", "Famille (enfance, inscriptions, foyer)", "Factures et paiements", "France Services de Langeais",
                     "Karim Benali", "Mandat enregistré", "Demande \(reference) déposée", "Inscription de Léo Martin"] {
            #expect(space.text.contains(text), "\(text)")
        }
        #expect(!space.text.contains("Recherche d'un habitant"), "searches are not the resident's entries")
        #expect(!space.text.contains("nom « Camille Martin »"))

        // The resident revokes it: the adviser's acting pages answer 404 at once, the resident's page shows name and commune only.
        let mandateId = try #require(space.body.range(of: "/mon-espace/france-services/mandats/").map {
            String(space.body[$0.upperBound...].prefix { $0.isNumber })
        })
        let revoked = try resident.post("/mon-espace/france-services/mandats/\(mandateId)/revocation", form: [("_csrf", space.csrfToken ?? "")])
        #expect(revoked.header("Location") == "/mon-espace/france-services?revoque=1")
        let afterRevocation = try resident.get("/mon-espace/france-services?revoque=1")
        #expect(afterRevocation.text.contains("Le mandat est révoqué"))
        #expect(afterRevocation.text.contains("Vous n'avez aucun mandat en cours"))
        #expect(afterRevocation.text.contains("Mandats terminés ou révoqués"))
        #expect(afterRevocation.text.contains("Révoqué par vous"))
        for path in [residentPath + "/factures", invoicePath, residentPath + "/pieces", residentPath + "/foyer", residentPath + "/demandes",
                     draftPath + "/verifier", residentPath + "/dossiers/\(filedId)"] {
            #expect(try adviser.get(path).status == 404, "\(path)")
        }
        #expect(try adviser.post(residentPath + "/inscriptions", form: [
            ("_csrf", household.csrfToken ?? ""), ("membre", leo), ("activite", Self.activityId),
        ]).status == 404)
        let page = try adviser.get(residentPath)
        #expect(!page.text.contains("Mandat en cours"))
        #expect(!page.body.contains(residentPath + "/factures"))
    }

    @Test func residentsPageIsTheirsOnly() throws {
        var visitor = server.browser()
        #expect(try visitor.get("/mon-espace/france-services").header("Location") == "/connexion?retour=/mon-espace/france-services")
        for login in ["conseiller@demo.cctoval.fr", "agent.langeais@demo.cctoval.fr"] {
            var other = try server.loggedIn(login)
            #expect(try other.get("/mon-espace/france-services").status == 404, "\(login)")
        }
        // Someone else's mandate cannot be revoked.
        var adviser = try server.loggedIn("conseiller@demo.cctoval.fr")
        let page = try adviser.recordSignedMandate(for: residentId, families: ["famille"])
        let mandateId = try #require(page.body.range(of: "/guichet/mandats/").map { String(page.body[$0.upperBound...].prefix { $0.isNumber }) })
        var other = try server.loggedIn("habitante.bourgueil@demo.cctoval.fr")
        let token = try other.get("/mon-espace/france-services").csrfToken ?? ""
        #expect(try other.post("/mon-espace/france-services/mandats/\(mandateId)/revocation", form: [("_csrf", token)]).status == 404)
        #expect(try adviser.get(residentPath + "/foyer").status == 200)
    }
}
