import Foundation
import PortalCore
import PortalTestSupport
import Testing

/// `/admin/demarches`: an administrator changes who handles the identity card in Lublé, its text
/// and its silence rule, and the public pages and search follow at once; unpublishing takes it off
/// the public pages while its dossiers go on.
@Suite struct AdminProceduresTests {
    let server: PortalTestServer

    init() throws { server = try PortalTestServer() }

    static let cni = "/admin/demarches/carte-nationale-identite"

    @Test func aCommuneRuleAndTheTextShowOnThePublicPagesAndInSearch() throws {
        var visitor = server.browser()
        #expect(!(try visitor.get("/demarches/carte-nationale-identite?commune=37137").text.contains("Permanence à Langeais")))
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let list = try admin.get("/admin/demarches")
        #expect(list.status == 200)
        #expect(list.body.contains("href=\"\(Self.cni)\""))
        let page = try admin.get(Self.cni)
        #expect(page.status == 200)
        #expect(page.text.contains("<caption>Commune par commune</caption>"))
        let saved = try admin.post(Self.cni, form: PageResponse.changing(page.formFields, [
            "synonyms": "CNI\ncarte d'identité\npapiers d'identité bleus",
            "commune-37137": "mairie-37123", "commune-37137-note": "Permanence à Langeais le mardi",
            "silenceMonths": "3",
        ]))
        #expect(saved.status == 303)
        #expect(try admin.get(try #require(saved.header("Location"))).text.contains("est enregistrée : les pages publiques et la recherche la montrent déjà"))

        let lublé = try visitor.get("/demarches/carte-nationale-identite?commune=37137")
        #expect(lublé.text.contains("Mairie de Langeais"))
        #expect(lublé.text.contains("Permanence à Langeais le mardi"))
        #expect(try visitor.get("/demarches?q=papiers+bleus").text.contains("carte-nationale-identite"), "search follows")
        let journal = try admin.get("/admin/journal?objet=demarche")
        #expect(journal.text.contains("Démarche modifiée"))
        #expect(journal.text.contains("Autres mots ; Règles par commune ; Silence de l'administration"))
    }

    @Test func mistakesAreNamedAndEverythingTypedStays() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try admin.get(Self.cni)
        let fields = PageResponse.changing(page.formFields.filter { $0.0 != "channels" }, [
            "title": " ", "summary": "À vérifier avec la préfecture", "silenceMonths": "13", "commune-37137-note": "Note gardée",
        ])
        let refused = try admin.post(Self.cni, form: fields)
        #expect(refused.status == 422)
        for anchor in ["#title", "#summary", "#channels", "#silenceMonths"] {
            #expect(refused.body.contains("href=\"\(anchor)\""), "\(anchor)")
        }
        #expect(refused.body.contains("value=\"13\""))
        #expect(refused.body.contains("value=\"Note gardée\""))
        #expect(refused.text.contains("À vérifier avec la préfecture"))
    }

    @Test func anUnpublishedProcedureLeavesThePublicPagesAndItsDossiersGoOn() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try admin.get("/admin/demarches/composteur")
        let off = try admin.post("/admin/demarches/composteur/publication", form: [("_csrf", page.csrfToken ?? ""), ("publiee", "0")])
        #expect(off.status == 303)
        var visitor = server.browser()
        #expect(try visitor.get("/demarches/composteur").status == 404)
        #expect(!(try visitor.get("/demarches").text.contains("/demarches/composteur")))
        #expect(!(try visitor.get("/demarches?q=composteur").text.contains("href=\"/demarches/composteur\"")))
        #expect(try admin.get("/admin/demarches").text.contains("Retirée"))

        var agent = try server.loggedIn("agent.dechets@demo.cctoval.fr")
        #expect(try agent.get("/agent").status == 200, "the service's queue goes on")
        let back = try admin.post("/admin/demarches/composteur/publication", form: [("_csrf", page.csrfToken ?? ""), ("publiee", "1")])
        #expect(back.status == 303)
        #expect(try visitor.get("/demarches/composteur").status == 200)
    }

    @Test func aNewProcedureIsPublishedAtItsOwnAddress() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try admin.get("/admin/demarches/nouvelle")
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Nouvelle démarche</h1>"))
        let typed = PageResponse.changing(page.formFields, [
            "slug": "Permis de louer", "title": "Déclarer une mise en location (permis de louer)",
            "summary": "Avant de louer un logement dans les rues concernées, le propriétaire le déclare à la mairie.",
            "category": "urbanisme", "synonyms": "permis de louer\nmise en location",
        ])
        let refused = try admin.post("/admin/demarches/nouvelle", form: typed)
        #expect(refused.status == 422)
        #expect(refused.body.contains("href=\"#slug\""))
        #expect(refused.body.contains("value=\"Permis de louer\""))
        let taken = try admin.post("/admin/demarches/nouvelle", form: PageResponse.changing(typed, ["slug": "passeport"]))
        #expect(taken.text.contains("Une démarche a déjà l'adresse /demarches/passeport"))

        let created = try admin.post("/admin/demarches/nouvelle", form: PageResponse.changing(typed, ["slug": "permis-de-louer"]))
        #expect(created.status == 303)
        var visitor = server.browser()
        let shown = try visitor.get("/demarches/permis-de-louer?commune=37123")
        #expect(shown.status == 200)
        #expect(shown.text.contains("Mairie de Langeais"))
        #expect(try visitor.get("/demarches?q=mise+en+location").text.contains("/demarches/permis-de-louer"))
        #expect(try admin.get("/admin/journal?objet=demarche").text.contains("Démarche créée"))
    }

    @Test func aChangePreviewedAsAResidentOfACommuneIsSavedOnlyWhenAsked() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try admin.get(Self.cni)
        #expect(page.body.contains("formaction=\"\(Self.cni)/apercu\""))
        let changes = ["summary": "Sur rendez-vous dans une mairie équipée.", "commune-37137": "mairie-37123",
                       "commune-37137-note": "Permanence à Langeais le mardi", "apercu-commune": "37137"]
        let preview = try admin.post(Self.cni + "/apercu", form: PageResponse.changing(page.formFields, changes))
        #expect(preview.status == 200)
        #expect(preview.text.contains("Aperçu, rien n'est enregistré"))
        #expect(preview.text.contains("un habitant de Lublé"))
        #expect(preview.text.contains("Sur rendez-vous dans une mairie équipée.") && preview.text.contains("Permanence à Langeais le mardi"))
        var visitor = server.browser()
        #expect(!(try visitor.get("/demarches/carte-nationale-identite?commune=37137").text.contains("Permanence à Langeais")), "nothing saved")

        let back = try admin.post(Self.cni + "/apercu", form: preview.formFields + [("retour", "1")])
        #expect(back.status == 200)
        #expect(back.body.contains("value=\"Sur rendez-vous dans une mairie équipée.\""), "back to the form with what was typed")
        #expect(back.body.contains("<option value=\"37137\" selected>Lublé</option>"))

        let refused = try admin.post(Self.cni + "/apercu", form: PageResponse.changing(page.formFields, ["title": " "]))
        #expect(refused.status == 422)
        #expect(refused.body.contains("href=\"#title\""))

        let saved = try admin.post(Self.cni, form: preview.formFields)
        #expect(saved.status == 303)
        #expect(try visitor.get("/demarches/carte-nationale-identite?commune=37137").text.contains("Permanence à Langeais le mardi"))
    }

    @Test func aNewAddressKeepsTheOldOneLeadingToThePage() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        let page = try admin.get(Self.cni)
        let refused = try admin.post(Self.cni + "/adresse", form: PageResponse.changing(page.formFields, ["slug": "passeport"]))
        #expect(refused.status == 422)
        #expect(refused.text.contains("Une démarche a déjà l'adresse /demarches/passeport"))
        #expect(refused.body.contains("value=\"passeport\""), "the address typed stays")
        let moved = try admin.post(Self.cni + "/adresse", form: PageResponse.changing(page.formFields, ["slug": "carte-d-identite"]))
        #expect(moved.status == 303)
        #expect(moved.header("Location") == "/admin/demarches?enregistree=carte-d-identite")

        var visitor = server.browser()
        let old = try visitor.get("/demarches/carte-nationale-identite?commune=37123")
        #expect(old.status == 301)
        #expect(old.header("Location") == "/demarches/carte-d-identite?commune=37123")
        #expect(try visitor.get("/demarches/carte-d-identite").status == 200)
        #expect(try visitor.get("/demarches?q=carte+identite").body.contains("href=\"/demarches/carte-d-identite\""))
        let edit = try admin.get("/admin/demarches/carte-d-identite")
        #expect(edit.text.contains("Ancienne adresse qui y mène : /demarches/carte-nationale-identite"))
        #expect(try admin.get("/admin/journal?objet=demarche").text.contains("Adresse de démarche changée"))
        #expect(try admin.get(Self.cni).status == 404)
    }

    @Test func aProcedureWithoutRequestsIsDeletedAfterAConfirmationAndOneWithRequestsIsNot() throws {
        var admin = try server.loggedIn("admin@demo.cctoval.fr")
        var resident = try server.loggedIn("habitant@demo.cctoval.fr")
        let busy = "inscription-cantine"
        let procedure = try resident.get("/demarches/\(busy)")
        #expect(try resident.post("/demarches/\(busy)/demande", form: [("_csrf", procedure.csrfToken ?? "")]).status == 303, "a draft counts")
        let refused = try admin.get("/admin/demarches/\(busy)/suppression")
        #expect(refused.status == 200)
        #expect(refused.text.contains("elle ne peut pas être supprimée") && !refused.text.contains("Supprimer définitivement"))
        let token = refused.csrfToken ?? ""
        #expect(try admin.post("/admin/demarches/\(busy)/suppression", form: [("_csrf", token)]).status == 409)
        var visitor = server.browser()
        #expect(try visitor.get("/demarches/\(busy)").status == 200)

        let page = try admin.get("/admin/demarches/composteur")
        #expect(page.body.contains("href=\"/admin/demarches/composteur/suppression\""))
        let confirm = try admin.get("/admin/demarches/composteur/suppression")
        #expect(confirm.text.contains("Supprimer définitivement"))
        let deleted = try admin.post("/admin/demarches/composteur/suppression", form: [("_csrf", confirm.csrfToken ?? "")])
        #expect(deleted.status == 303)
        #expect(try admin.get(try #require(deleted.header("Location"))).text.contains("La démarche est supprimée."))
        #expect(try visitor.get("/demarches/composteur").status == 404)
        #expect(try admin.get("/admin/journal?objet=demarche").text.contains("Démarche supprimée"))
    }
}
