import Foundation
import PortalCore
import Testing

/// A resident sends a document with a request; only they and the handling service can download it.
@Suite struct DocumentUploadTests {
    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)
    static let form = FormDefinition(procedureSlug: "badge-decheterie", version: 0, pages: [
        FormPage(id: "justificatif", title: "Votre justificatif de domicile", fields: [
            FieldDefinition(id: "domicile", kind: .file, label: "Justificatif de domicile", rules: FieldRules(fileTypes: ["pdf", "png"])),
            FieldDefinition(id: "foyer", kind: .number, label: "Personnes dans le foyer"),
        ]),
    ])

    let server: PortalTestServer

    init() throws { server = try PortalTestServer(demo: true, forms: [Self.form]) }

    @Test func aDocumentIsCheckedKeptAndServedOnlyToThoseWhoMaySeeIt() throws {
        var browser = server.browser()
        _ = try browser.submit("/connexion", from: "/connexion", form: [("email", "habitant@demo.cctoval.fr"), ("password", "demo-portail-2026")])
        let procedure = try browser.get("/demarches/badge-decheterie")
        let draftPath = try #require(try browser.post("/demarches/badge-decheterie/demande", form: [("_csrf", procedure.csrfToken ?? "")]).header("Location"))
        let page = try browser.get(draftPath + "/pages/justificatif")
        #expect(page.body.contains("enctype=\"multipart/form-data\""))
        #expect(page.body.contains("type=\"file\""))
        let token = page.csrfToken ?? ""

        let wrongKind = try browser.postMultipart(draftPath + "/pages/justificatif", fields: [("_csrf", token), ("foyer", "3")],
                                                  files: [("domicile", "facture.pdf", Array("ceci n'est pas un PDF".utf8))])
        #expect(wrongKind.status == 422)
        #expect(wrongKind.text.contains("Le fichier doit être au format PDF ou PNG."))

        let kept = try browser.postMultipart(draftPath + "/pages/justificatif", fields: [("_csrf", token), ("foyer", "trois")],
                                             files: [("domicile", "Facture EDF.pdf", Self.pdf)])
        #expect(kept.status == 422)
        #expect(kept.text.contains("Document envoyé : <strong>Facture EDF.pdf (PDF)</strong>"), "the document is not asked for twice")

        let next = try browser.postMultipart(draftPath + "/pages/justificatif", fields: [("_csrf", token), ("foyer", "3")],
                                             files: [("domicile", "", [])])
        #expect(next.header("Location") == draftPath + "/verifier")
        let check = try browser.get(draftPath + "/verifier")
        let filed = try browser.post(draftPath + "/deposer", form: [("_csrf", check.csrfToken ?? "")])
        let dossierPath = try #require(filed.header("Location")).components(separatedBy: "?")[0]
        let dossier = try browser.get(dossierPath)
        let start = try #require(dossier.body.range(of: "href=\"\(dossierPath)/documents/"))
        let documentPath = dossierPath + "/documents/" + dossier.body[start.upperBound...].prefix { $0 != "\"" }

        let download = try browser.get(documentPath)
        #expect(download.status == 200)
        #expect(download.header("Content-Type") == "application/pdf")
        #expect(download.header("Content-Disposition")?.hasPrefix("attachment;") == true)
        #expect(download.header("Content-Disposition")?.contains("filename*=UTF-8''Facture%20EDF.pdf") == true)
        #expect(download.bytes == Self.pdf)

        var stranger = server.browser()
        _ = try stranger.submit("/connexion", from: "/connexion", form: [("email", "habitante.bourgueil@demo.cctoval.fr"), ("password", "demo-portail-2026")])
        #expect(try stranger.get(documentPath).status == 404)

        // One path per role: the handling agent reads it under /agent only, the resident under /mon-espace only.
        let agentDocumentPath = documentPath.replacingOccurrences(of: "/mon-espace/", with: "/agent/")
        var agent = server.browser()
        _ = try agent.submit("/connexion", from: "/connexion", form: [("email", "agent.dechets@demo.cctoval.fr"), ("password", "demo-portail-2026")])
        #expect(try agent.get(agentDocumentPath).bytes == Self.pdf)
        #expect(try agent.get(documentPath).status == 404)
        #expect(try browser.get(agentDocumentPath).status == 404)
        let agentDossier = try agent.get(dossierPath.replacingOccurrences(of: "/mon-espace/", with: "/agent/"))
        let message = try agent.post(dossierPath + "/message", form: [("_csrf", agentDossier.csrfToken ?? ""), ("body", "Bonjour")])
        #expect(message.status == 404, "the agent writes from the agent space, not the resident's")
        #expect(try browser.get(dossierPath).status == 200)
        #expect(try !browser.get(dossierPath).text.contains("Bonjour"))
    }
}
