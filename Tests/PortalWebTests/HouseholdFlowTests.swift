import Foundation
import PortalCore
import Testing

/// « Mon foyer » through the real server: a résident adds a child and a document after correcting
/// a mistake, invites another adult who signs up and joins; nobody else sees the household.
@Suite struct HouseholdFlowTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true) }

    static let pdf = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".utf8)

    func loggedIn(_ login: String) throws -> Browser {
        var browser = server.browser()
        let response = try browser.submit("/connexion", from: "/connexion", form: [("email", login), ("password", "demo-portail-2026")])
        #expect(response.status == 303)
        return browser
    }

    /// Where a redirect leads, without its fragment (a browser keeps it to itself).
    func target(_ response: PageResponse) throws -> String {
        String(try #require(response.header("Location")).prefix { $0 != "#" })
    }

    /// The invitation link's token in the last e-mail queued for `email`.
    func invitationToken(to email: String) throws -> String {
        let mail = try #require(try Outbox(database: server.database).due(now: Date().addingTimeInterval(60)).last { $0.message.recipient == email })
        let range = try #require(mail.message.textBody.range(of: "/mon-espace/foyer/invitation/[A-Za-z0-9_-]+", options: .regularExpression))
        return String(mail.message.textBody[range].split(separator: "/").last ?? "")
    }

    @Test func aResidentAddsAChildAfterCorrectingAMistakeThenCorrectsIt() throws {
        var browser = try loggedIn("habitant@demo.cctoval.fr")
        #expect(try browser.get("/mon-espace").body.contains("<a href=\"/mon-espace/foyer\">Mon foyer</a>"))
        let household = try browser.get("/mon-espace/foyer")
        #expect(household.status == 200)
        #expect(household.text.contains("<title>Mon foyer – Portail citoyen CCTOVAL</title>"))
        #expect(household.text.contains("Camille Martin (vous)"))
        #expect(household.text.contains("Vous n'avez pas encore ajouté d'enfant."))

        let form = try browser.get("/mon-espace/foyer/enfants/nouveau")
        #expect(form.text.contains("<h1>Ajouter un enfant</h1>"))
        #expect(form.text.contains("École (facultatif)"))
        #expect(form.body.contains("id=\"naissance-day\""))
        // 31 February: one mistake; everything typed comes back.
        let typed = [("prenom", "Jeanne"), ("nom", "Martin"), ("naissance-day", "31"), ("naissance-month", "2"), ("naissance-year", "2020"),
                     ("ecole", "École Anne de Bretagne")]
        let wrong = try browser.post("/mon-espace/foyer/enfants/nouveau", form: [("_csrf", form.csrfToken ?? "")] + typed)
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("<title>Erreur : Ajouter un enfant"))
        #expect(wrong.text.contains("<a href=\"#naissance-day\">Saisissez la date de naissance, par exemple 14 3 2019.</a>"))
        #expect(wrong.body.components(separatedBy: "<li><a href=\"#").count - 1 == 1, "only the date is wrong")
        for (field, value) in typed {
            #expect(wrong.text.contains("id=\"\(field)\" name=\"\(field)\"") && wrong.text.contains("value=\"\(value)\""), "\(field) is kept")
        }
        #expect(wrong.body.contains("aria-invalid=\"true\""))

        var fixed = typed
        fixed[2] = ("naissance-day", "28")
        let added = try browser.post("/mon-espace/foyer/enfants/nouveau", form: [("_csrf", form.csrfToken ?? "")] + fixed)
        #expect(added.status == 303)
        #expect(added.header("Location")?.hasSuffix("#enfants") == true)
        let location = try target(added)
        #expect(location.hasPrefix("/mon-espace/foyer?ajoute="))
        let shown = try browser.get(location)
        #expect(shown.text.contains("Jeanne Martin fait maintenant partie de votre foyer."))
        #expect(shown.text.contains("28 février 2020 ("))
        #expect(shown.text.contains("École Anne de Bretagne"))
        let editRange = try #require(shown.body.range(of: "/mon-espace/foyer/enfants/[0-9]+", options: .regularExpression))
        let editPath = String(shown.body[editRange])

        let edit = try browser.get(editPath)
        #expect(edit.text.contains("<h1>Modifier les informations de l'enfant</h1>"))
        #expect(edit.body.contains("id=\"naissance-year\" name=\"naissance-year\" inputmode=\"numeric\" value=\"2020\""))
        let corrected = try browser.post(editPath, form: [("_csrf", edit.csrfToken ?? ""), ("prenom", "Jeanne"), ("nom", "Martin-Roy"),
                                                          ("naissance-day", "28"), ("naissance-month", "2"), ("naissance-year", "2020"),
                                                          ("ecole", "")])
        #expect(corrected.status == 303)
        let after = try browser.get(try target(corrected))
        #expect(after.text.contains("Les informations de Jeanne Martin-Roy sont enregistrées."))
        #expect(after.text.contains("Non indiquée"), "the school was removed")

        // Another résident gets 404 on this child's page, and cannot change it.
        var other = try loggedIn("habitante.bourgueil@demo.cctoval.fr")
        let page = try other.get("/mon-espace/foyer")
        #expect(try other.get(editPath).status == 404)
        #expect(try other.post(editPath, form: [("_csrf", page.csrfToken ?? ""), ("prenom", "X"), ("nom", "Y"), ("naissance-day", "1"),
                                               ("naissance-month", "1"), ("naissance-year", "2020")]).status == 404)
        #expect(try browser.get("/mon-espace/foyer").text.contains("Jeanne Martin-Roy"))
    }

    @Test func aResidentAddsADocumentAfterAWrongFileAndDownloadsIt() throws {
        var browser = try loggedIn("habitant@demo.cctoval.fr")
        let form = try browser.get("/mon-espace/foyer/documents/nouveau?type=attestation-caf")
        #expect(form.status == 200)
        #expect(form.body.contains("enctype=\"multipart/form-data\""))
        #expect(form.body.contains("value=\"attestation-caf\" checked"), "the type asked for is chosen")
        #expect(form.text.contains("Quotient familial (seulement pour l'attestation CAF)"))
        #expect(form.text.contains("Enfant concerné (seulement pour le carnet de vaccination)"))
        let day = CalendarDay(Date()).adding(days: -10)
        let fields = [("_csrf", form.csrfToken ?? ""), ("type", "attestation-caf"), ("date-day", String(day.day)), ("date-month", String(day.month)),
                      ("date-year", String(day.year)), ("quotient", "612"), ("enfant", "")]
        let wrong = try browser.postMultipart("/mon-espace/foyer/documents/nouveau", fields: fields,
                                              files: [("document", "attestation.pdf", Array("ceci n'est pas un PDF".utf8))])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("<title>Erreur : Ajouter un document"))
        #expect(wrong.text.contains("<a href=\"#document\">Le fichier doit être au format PDF, JPEG ou PNG.</a>"))
        #expect(wrong.body.contains("value=\"612\""), "the quotient is kept")
        #expect(wrong.body.contains("id=\"date-day\" name=\"date-day\" inputmode=\"numeric\" value=\"\(day.day)\""))

        let added = try browser.postMultipart("/mon-espace/foyer/documents/nouveau", fields: fields,
                                              files: [("document", "Attestation CAF été.pdf", Self.pdf)])
        #expect(added.status == 303)
        let shown = try browser.get(try target(added))
        #expect(shown.text.contains("Document ajouté : Attestation de quotient familial (CAF ou MSA), valable jusqu'au \(day.adding(months: 3).french)."))
        #expect(shown.text.contains("Quotient familial : 612"))
        let range = try #require(shown.body.range(of: "/mon-espace/foyer/documents/[0-9]+", options: .regularExpression))
        let downloadPath = String(shown.body[range])
        let download = try browser.get(downloadPath)
        #expect(download.status == 200)
        #expect(download.bytes == Self.pdf)
        #expect(download.header("Content-Type") == "application/pdf")
        #expect(download.header("Content-Disposition")?.hasPrefix("attachment;") == true)
        #expect(download.header("Content-Disposition")?.contains("Attestation%20CAF%20%C3%A9t%C3%A9.pdf") == true)

        var other = try loggedIn("habitante.bourgueil@demo.cctoval.fr")
        #expect(try other.get(downloadPath).status == 404)
        var agent = try loggedIn("agent.langeais@demo.cctoval.fr")
        #expect(try agent.get(downloadPath).status == 404)
        #expect(try agent.get("/mon-espace/foyer").status == 404)
        var visitor = server.browser()
        #expect(try visitor.get(downloadPath).header("Location") == "/connexion?retour=\(downloadPath)")
    }

    @Test func anInvitedAdultSignsUpAndJoinsTheHousehold() throws {
        var camille = try loggedIn("habitant@demo.cctoval.fr")
        let page = try camille.get("/mon-espace/foyer")
        let own = try camille.post("/mon-espace/foyer/invitation", form: [("_csrf", page.csrfToken ?? ""), ("email", "habitant@demo.cctoval.fr")])
        #expect(own.status == 422)
        #expect(own.text.contains("<a href=\"#email\">Saisissez l'adresse de l'autre adulte, pas la vôtre.</a>"))
        #expect(own.body.contains("value=\"habitant@demo.cctoval.fr\""))
        let sent = try camille.post("/mon-espace/foyer/invitation", form: [("_csrf", page.csrfToken ?? ""), ("email", "Dominique.Martin@example.fr")])
        #expect(sent.status == 303)
        let notice = try camille.get(try #require(sent.header("Location")))
        #expect(notice.text.contains("Invitation envoyée à dominique.martin@example.fr."))
        #expect(notice.text.contains("Invitation en attente"))
        let token = try invitationToken(to: "dominique.martin@example.fr")
        let link = "/mon-espace/foyer/invitation/\(token)"

        // Logged out, the link leads to log in, then back.
        var dominique = server.browser()
        #expect(try dominique.get(link).header("Location") == "/connexion?retour=\(link)")
        // Another résident's account is not the invited address.
        var lea = try loggedIn("habitante.bourgueil@demo.cctoval.fr")
        let notForLea = try lea.get(link)
        #expect(notForLea.status == 404)
        #expect(notForLea.text.contains("Cette invitation est destinée à une autre adresse e-mail"))
        #expect(!notForLea.body.contains("Rejoindre ce foyer"))

        let signUp = try dominique.submit("/inscription", from: "/inscription", form: [
            ("displayName", "Dominique Martin"), ("email", "dominique.martin@example.fr"), ("password", "un mot de passe assez long"),
            ("commune", "37123"),
        ])
        #expect(signUp.status == 303)
        let invitation = try dominique.get(link)
        #expect(invitation.status == 200)
        #expect(invitation.text.contains("<h1>Rejoindre le foyer de Camille Martin</h1>"))
        #expect(invitation.text.contains("Cette invitation est valable jusqu'au"))
        let joined = try dominique.post(link, form: [("_csrf", invitation.csrfToken ?? "")])
        #expect(joined.status == 303)
        #expect(joined.header("Location") == "/mon-espace/foyer?rejoint=1")
        let household = try dominique.get("/mon-espace/foyer?rejoint=1")
        #expect(household.text.contains("Vous avez rejoint ce foyer."))
        #expect(household.text.contains("Camille Martin"))
        #expect(household.text.contains("Dominique Martin (vous)"))
        #expect(try camille.get("/mon-espace/foyer").text.contains("Dominique Martin"))

        let used = try dominique.get(link)
        #expect(used.status == 404)
        #expect(used.text.contains("Cette invitation n'est plus valable"))
    }

    @Test func anAccountWhoseHouseholdHasChildrenIsToldItCannotJoin() throws {
        var lea = try loggedIn("habitante.bourgueil@demo.cctoval.fr")
        let form = try lea.get("/mon-espace/foyer/enfants/nouveau")
        _ = try lea.post("/mon-espace/foyer/enfants/nouveau", form: [("_csrf", form.csrfToken ?? ""), ("prenom", "Inès"), ("nom", "Dubois"),
                                                                      ("naissance-day", "9"), ("naissance-month", "9"), ("naissance-year", "2020")])
        var camille = try loggedIn("habitant@demo.cctoval.fr")
        let page = try camille.get("/mon-espace/foyer")
        _ = try camille.post("/mon-espace/foyer/invitation", form: [("_csrf", page.csrfToken ?? ""), ("email", "habitante.bourgueil@demo.cctoval.fr")])
        let link = "/mon-espace/foyer/invitation/\(try invitationToken(to: "habitante.bourgueil@demo.cctoval.fr"))"
        let refused = try lea.get(link)
        #expect(refused.status == 409)
        #expect(refused.text.contains("Vous ne pouvez pas rejoindre le foyer de Camille Martin"))
        #expect(refused.text.contains("Votre compte a déjà un foyer avec des enfants ou un autre adulte"))
        #expect(!refused.body.contains("Rejoindre ce foyer"))
        // Posting anyway changes nothing.
        let posted = try lea.post(link, form: [("_csrf", refused.csrfToken ?? form.csrfToken ?? "")])
        #expect(posted.status == 409)
        #expect(try lea.get("/mon-espace/foyer").text.contains("Inès Dubois"))
        #expect(try !camille.get("/mon-espace/foyer").text.contains("Léa Dubois"))
    }
}
