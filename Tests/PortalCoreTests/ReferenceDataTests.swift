import Foundation
import PortalCore
import Testing

@Suite("Reference data")
struct ReferenceDataTests {
    @Test("The fixture seed folder loads with accents, postal codes, handlers and exceptions")
    func fixture() throws {
        let data = try ReferenceData.load(from: TestSupport.fixtureSeed)
        #expect(data.communes.count == 8)
        let coteaux = try #require(data.communes.first { $0.insee == "37232" })
        #expect(coteaux.postalCodes == ["37130", "37140"])
        #expect(data.communes.contains { $0.name == "Château-la-Vallière" })
        #expect(data.categories.map(\.id) == ["etat-civil", "enfance", "dechets", "urbanisme", "vide"])
        let passport = try #require(data.procedures.first { $0.slug == "passeport" })
        #expect(passport.handler == .external(organisationId: "ants", counters: ["mairie-37123", "mairie-37031"]))
        let birth = try #require(data.procedures.first { $0.slug == "acte-de-naissance" })
        #expect(birth.exception(forCommune: "37036")?.rule == .handledBy(organisationId: "mairie-37146"))
        #expect(birth.channels == [.online, .counter, .post])
    }

    @Test("The portal's own seed folder loads and covers all 28 communes")
    func realSeed() throws {
        let data = try ReferenceData.load(from: TestSupport.realSeed)
        #expect(data.communes.count == 28)
        let mairies = data.organisations.filter { $0.kind == .mairie }
        #expect(mairies.count == 28)
        let ids = Set(data.organisations.map(\.id))
        let required = [
            "cctoval", "cctoval-enfance", "cctoval-dechets", "cctoval-ecole-musique",
            "cctoval-urbanisme", "cctoval-spanc", "france-services-langeais", "france-services-bourgueil",
            "france-services-chateau-la-valliere", "ants", "impots", "caf", "service-public", "ameli",
            "france-travail", "prefecture-37",
        ]
        #expect(required.filter { !ids.contains($0) } == [])
        #expect(!data.procedures.isEmpty)
        #expect(data.procedures.contains { $0.popular })
        let silence = Dictionary(uniqueKeysWithValues: data.procedures.map { ($0.slug, $0.silence) })
        #expect(silence["attestation-accueil"] == SilenceRule(outcome: .rejection, months: 1))
        #expect(silence["acte-de-naissance"] == .default)
        let notes = data.organisations.compactMap(\.staffNote) + data.procedures.compactMap(\.staffNote)
        #expect(notes.count >= 10, "the team's notes are kept apart from the public text")
    }

    @Test("Broken seed files are refused with the file and entry named", arguments: [
        (ReferenceData.FileName.procedures, "\"category\": \"urbanisme\"", "\"category\": \"urbanism\"",
         "procedures.json, procedure \"permis-de-construire\": unknown category \"urbanism\""),
        (ReferenceData.FileName.procedures, "\"handler\": {\"type\": \"communal\"},",
         "\"handler\": {\"type\": \"communal\"}, \"silence\": {\"outcome\": \"peut-etre\", \"months\": 2},",
         "procedures.json, procedure \"acte-de-naissance\": silence needs an outcome (acceptance or rejection) and 1 to 12 months"),
        (ReferenceData.FileName.procedures, "\"slug\": \"passeport\"", "\"slug\": \"carte-identite\"",
         "procedures.json, procedure \"carte-identite\": duplicate slug"),
        (ReferenceData.FileName.procedures, "\"commune\": \"37137\"", "\"commune\": \"37999\"",
         "procedures.json, procedure \"acte-de-naissance\": exception for unknown commune INSEE code \"37999\""),
        (ReferenceData.FileName.procedures, "\"organisation\": \"cctoval-dechets\"", "\"organisation\": \"cctoval-ordures\"",
         "procedures.json, procedure \"carte-decheterie\": unknown organisation \"cctoval-ordures\" for the intercommunal handler"),
        (ReferenceData.FileName.procedures, "\"type\": \"intercommunal\", \"organisation\": \"cctoval-enfance\"",
         "\"type\": \"regional\", \"organisation\": \"cctoval-enfance\"",
         "procedures.json, procedure \"accueil-de-loisirs\": bad handler type \"regional\" (expected communal, intercommunal or external)"),
        (ReferenceData.FileName.organisations, "\"id\": \"mairie-37055\"", "\"id\": \"mairie-channay\"",
         "organisations.json, organisation \"mairie-channay\": a mairie must have the id \"mairie-<INSEE>\" of its commune"),
        (ReferenceData.FileName.organisations, "\"commune\": \"37123\"", "\"commune\": \"37000\"",
         "organisations.json, organisation \"france-services-langeais\": unknown commune INSEE code \"37000\""),
        (ReferenceData.FileName.organisations, "\"kind\": \"france_services\"", "\"kind\": \"maison_france_services\"",
         "organisations.json, organisation \"france-services-langeais\": unknown kind \"maison_france_services\""),
        (ReferenceData.FileName.procedures, "\"summary\": \"Sur rendez-vous dans une mairie équipée.\",\n      \"channels\"",
         "\"summary\": \"Sur rendez-vous dans une mairie équipée (liste À vérifier).\",\n      \"channels\"",
         "procedures.json, procedure \"passeport\": public text holds a note for the team (\"à vérifier\"): move it to \"staffNote\""),
        (ReferenceData.FileName.organisations, "\"name\": \"Mairie de Lublé\",", "\"name\": \"Mairie de Lublé\", \"description\": \"Horaires à vérifier\",",
         "organisations.json, organisation \"mairie-37137\": public text holds a note for the team (\"à vérifier\"): move it to \"staffNote\""),
        (ReferenceData.FileName.communes, "37123,Langeais", "37123,Langeais,extra",
         "communes.csv, line 2: expected 5 fields, found 6"),
    ])
    func broken(file: String, original: String, replacement: String, expected: String) throws {
        let folder = try TestSupport.brokenSeed(file) { text in
            #expect(text.contains(original), "fixture text changed: \(original)")
            return text.replacingOccurrences(of: original, with: replacement)
        }
        let error = #expect(throws: ReferenceDataError.self) { try ReferenceData.load(from: folder) }
        let descriptions = error?.issues.map(\.description) ?? []
        #expect(descriptions.contains { $0.hasPrefix(expected) }, "got \(descriptions)")
    }

    @Test("A commune without a mairie is reported")
    func missingMairie() throws {
        let folder = try TestSupport.brokenSeed(ReferenceData.FileName.organisations) { text in
            text.replacingOccurrences(of: "\"id\": \"mairie-37137\"", with: "\"id\": \"mairie-lublé\"")
        }
        let error = #expect(throws: ReferenceDataError.self) { try ReferenceData.load(from: folder) }
        #expect(error?.issues.contains { $0.description == "organisations.json, commune 37137 (Lublé): no mairie \"mairie-37137\"" } == true)
    }

    @Test("Malformed JSON and missing files name the file and the place")
    func malformed() throws {
        let folder = try TestSupport.brokenSeed(ReferenceData.FileName.procedures) { text in
            text.replacingOccurrences(of: "\"summary\": \"Mercredis et vacances.\",", with: "")
        }
        let error = #expect(throws: ReferenceDataError.self) { try ReferenceData.load(from: folder) }
        #expect(error?.issues.first?.description.hasPrefix("procedures.json: at procedures[5]: missing field \"summary\"") == true)

        let empty = try TestSupport.temporaryDirectory()
        let missing = #expect(throws: ReferenceDataError.self) { try ReferenceData.load(from: empty) }
        #expect(missing?.issues.map(\.file) == ["communes.csv", "organisations.json", "procedures.json"])
    }
}
