import Foundation
import PortalCore
import Testing

/// An adviser records a resident's mandate — by the signed summary or by an e-mailed code — and
/// revokes it; without one they see the resident's name and commune only.
@Suite struct FranceServicesMandateTests {
    let server: PortalTestServer
    let residentId: Int64

    init() throws {
        server = try PortalTestServer(demo: true)
        residentId = try server.accountId("habitant@demo.cctoval.fr")
    }

    var residentPath: String { "/guichet/habitants/\(residentId)" }

    @Test func withoutAMandateTheAdviserSeesOnlyNameAndCommune() throws {
        var adviser = try server.loggedIn("conseiller@demo.cctoval.fr")
        let page = try adviser.get(residentPath)
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Camille Martin</h1>"))
        #expect(page.text.contains("Langeais"))
        #expect(!page.text.contains("habitant@demo.cctoval.fr"))
        #expect(!page.text.contains("Mandat en cours"))
        #expect(!page.body.contains("/factures"))
        for path in ["factures", "pieces", "foyer", "demandes", "recepisse"] {
            #expect(try adviser.get("\(residentPath)/\(path)").status == 404, "\(path)")
        }
        #expect(try adviser.get("/guichet/habitants/\(try server.accountId("agent.langeais@demo.cctoval.fr"))").status == 404,
                "an agent is not a resident")
        #expect(try adviser.get("/guichet/habitants/999999").status == 404)
    }

    @Test func aMandateBySignatureNeedsItsScopeThenTheReadingAndSignature() throws {
        var adviser = try server.loggedIn("conseiller@demo.cctoval.fr")
        let noScope = try adviser.get(residentPath + "?portee=1")
        #expect(noScope.status == 422)
        #expect(noScope.text.contains("<title>Erreur : Camille Martin"))
        #expect(noScope.body.contains("href=\"#familles\"") && noScope.body.contains("href=\"#duree\""))
        #expect(noScope.body.contains("id=\"familles\"") && noScope.body.contains("id=\"duree\""), "the summary links reach the fields")

        let consent = try adviser.get(residentPath + "?portee=1&familles=famille&familles=paiements&duree=visite")
        #expect(consent.status == 200)
        #expect(consent.text.contains("Famille (enfance, inscriptions, foyer)"))
        #expect(consent.text.contains("Cette visite seulement"))
        #expect(consent.body.contains("href=\"\(residentPath)/recapitulatif?familles=famille&amp;familles=paiements&amp;duree=visite\""))

        let summary = try adviser.get(residentPath + "/recapitulatif?familles=famille&familles=paiements&duree=visite")
        #expect(summary.status == 200)
        for text in ["Mandat d'accompagnement France Services", "Camille Martin", "Karim Benali", "France Services de Langeais",
                     "Factures et paiements", "Cette visite seulement", "Signature de la personne", CalendarDay(Date()).french] {
            #expect(summary.text.contains(text), "\(text)")
        }
        #expect(try adviser.get(residentPath + "/recapitulatif?duree=visite").status == 303, "no families: back to the form")

        let unsigned = try adviser.post(residentPath + "/mandat", form: [
            ("_csrf", consent.csrfToken ?? ""), ("familles", "famille"), ("familles", "paiements"), ("duree", "visite"),
            ("consentement", "signature"), ("code", ""),
        ])
        #expect(unsigned.status == 422)
        #expect(unsigned.body.contains("href=\"#lecture\""))
        #expect(unsigned.body.contains("value=\"signature\" checked"), "the answers are kept")

        let recorded = try adviser.recordSignedMandate(for: residentId, families: ["famille", "paiements"])
        #expect(recorded.text.contains("Le mandat est enregistré."))
        #expect(recorded.text.contains("Mandat en cours"))
        #expect(recorded.text.contains("<dt>Valable jusqu'au</dt><dd><strong>\(CalendarDay(Date()).french)</strong> inclus"))
        #expect(recorded.body.contains("href=\"\(residentPath)/factures\""))
        #expect(recorded.body.contains("href=\"\(residentPath)/foyer\""))
        #expect(try adviser.get("/guichet?nom=Camille").text.contains("Mandat en cours"), "the search shows the badge")

        // The adviser revokes it: the acting pages are gone at once.
        let mandateId = try #require(recorded.body.range(of: "/guichet/mandats/").map {
            Int64(String(recorded.body[$0.upperBound...].prefix { $0.isNumber }))
        } ?? nil)
        let revoked = try adviser.post("/guichet/mandats/\(mandateId)/revocation", form: [("_csrf", recorded.csrfToken ?? "")])
        #expect(revoked.header("Location") == residentPath + "?fait=revocation")
        let after = try adviser.get(residentPath + "?fait=revocation")
        #expect(after.text.contains("Le mandat est révoqué"))
        #expect(!after.text.contains("Mandat en cours"))
        #expect(try adviser.get(residentPath + "/factures").status == 404)
    }

    @Test func aMandateByCodeNeedsTheCodeEmailedToTheResident() throws {
        var adviser = try server.loggedIn("conseiller@demo.cctoval.fr")
        let consent = try adviser.get(residentPath + "?portee=1&familles=dechets&duree=1-mois")
        let sent = try adviser.post(residentPath + "/code", form: [("_csrf", consent.csrfToken ?? ""), ("familles", "dechets"), ("duree", "1-mois")])
        #expect(sent.status == 303)
        let location = try #require(sent.header("Location"))
        #expect(location.hasSuffix("#accord"))
        let page = try adviser.get(String(location.prefix { $0 != "#" }))
        #expect(page.text.contains("Code envoyé à l'adresse de la personne"))
        #expect(page.body.contains("value=\"code\" checked"))
        #expect(page.text.contains("Déchets"), "the scope is kept")

        let mail = try server.lastMail(to: "habitant@demo.cctoval.fr")
        let code = try #require(mail.textBody.range(of: "donnez-lui ce code : ").map { String(mail.textBody[$0.upperBound...].prefix(7)) })
        let wrong = try adviser.post(residentPath + "/mandat", form: [
            ("_csrf", page.csrfToken ?? ""), ("familles", "dechets"), ("duree", "1-mois"), ("consentement", "code"), ("code", "AAA-AAA"),
        ])
        #expect(wrong.status == 422)
        #expect(wrong.body.contains("href=\"#code\""))
        let right = try adviser.post(residentPath + "/mandat", form: [
            ("_csrf", page.csrfToken ?? ""), ("familles", "dechets"), ("duree", "1-mois"), ("consentement", "code"), ("code", code.lowercased()),
        ])
        #expect(right.header("Location") == residentPath + "?fait=mandat")
        #expect(try adviser.get(residentPath).text.contains("Déchets"))
    }

    @Test func anotherSitesAdviserCannotRevoke() throws {
        var adviser = try server.loggedIn("conseiller@demo.cctoval.fr")
        let page = try adviser.recordSignedMandate(for: residentId, families: ["famille"])
        let mandate = try #require(page.body.range(of: "/guichet/mandats/").map { String(page.body[$0.upperBound...].prefix { $0.isNumber }) })
        var other = try server.loggedIn("habitante.bourgueil@demo.cctoval.fr")
        let token = try other.get("/mon-espace").csrfToken ?? ""
        #expect(try other.post("/guichet/mandats/\(mandate)/revocation", form: [("_csrf", token)]).status == 404)
        #expect(try adviser.get(residentPath).text.contains("Mandat en cours"))
    }
}
