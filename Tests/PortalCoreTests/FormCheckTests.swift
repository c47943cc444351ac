import Foundation
import PortalCore
import Testing

@Suite("Forms: checking definitions before publishing")
struct FormCheckTests {
    @Test("The sample form has no problem")
    func sample() {
        #expect(SampleForm.definition.problems() == [])
    }

    @Test("Each mistake an administrator can make is named")
    func mistakes() {
        let form = FormDefinition(procedureSlug: "x", version: 1, pages: [
            FormPage(id: "Page 1", title: "Un", fields: [
                FieldDefinition(id: "choix", kind: .singleChoice, label: "Choix", choices: [.init(value: "a", label: "A")]),
                FieldDefinition(id: "texte", kind: .shortText, label: "Texte", choices: [.init(value: "a", label: "A"), .init(value: "b", label: "B")],
                                rules: FieldRules(pattern: "[a-"), prefill: .email),
                FieldDefinition(id: "quand", kind: .date, label: "Quand", rules: FieldRules(earliest: "demain")),
            ]),
            FormPage(id: "deux", title: "Deux", fields: [
                FieldDefinition(id: "choix", kind: .yesNo, label: "Encore", condition: ShowCondition(field: "plus-tard", isOneOf: ["oui"])),
                FieldDefinition(id: "fichier", kind: .shortText, label: "Fichier", rules: FieldRules(fileTypes: ["exe"])),
            ], condition: ShowCondition(field: "choix", isOneOf: ["z"])),
            FormPage(id: "deux", title: "Vide", fields: []),
        ])
        let problems = form.problems()
        for expected in [
            "page \"Page 1\": ids use lowercase letters, digits and hyphens",
            "field \"choix\": a choice question needs at least two choices",
            "field \"texte\": only choice questions have choices",
            "field \"texte\": the pattern is not a valid regular expression",
            "field \"texte\": cannot be pre-filled with email",
            "field \"quand\": date bound \"demain\" is not today±N or YYYY-MM-DD",
            "page \"deux\": the condition expects values \"choix\" cannot take",
            "field \"choix\": duplicate field id",
            "field \"choix\": the condition names \"plus-tard\", which is not an earlier question",
            "field \"fichier\": file types belong to file questions",
            "field \"fichier\": unknown file types [\"exe\"]",
            "page \"deux\": duplicate page id",
            "page \"deux\": no field",
        ] {
            #expect(problems.contains(expected), "\(expected)\n\(problems)")
        }
    }

    @Test("A phone or address pre-fill fits only a phone or address question", arguments: [
        (FieldDefinition.Kind.phone, FieldDefinition.Prefill.phone, true),
        (.shortText, .phone, false),
        (.address, .address, true),
        (.shortText, .address, false),
        (.postalCode, .address, false),
    ])
    func contactPrefill(kind: FieldDefinition.Kind, prefill: FieldDefinition.Prefill, fits: Bool) {
        let form = FormDefinition(procedureSlug: "x", version: 1, pages: [
            FormPage(id: "contact", title: "Vos coordonnées", fields: [
                FieldDefinition(id: "champ", kind: kind, label: "Champ", prefill: prefill),
            ]),
        ])
        let refusal = "field \"champ\": cannot be pre-filled with \(prefill.rawValue)"
        #expect(form.problems() == (fits ? [] : [refusal]))
    }

    @Test("The shipped forms pre-fill every phone number and postal address they ask of the requester")
    func shippedContactPrefills() throws {
        let folder = TestSupport.realSeed.appendingPathComponent("forms")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 12)
        for file in files {
            let form = try JSONDecoder().decode(FormDefinition.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
            #expect(form.problems() == [], "\(file)")
            for field in form.pages.flatMap(\.fields) {
                if field.kind == .phone { #expect(field.prefill == .phone, "\(file): \(field.id)") }
                if field.kind == .address { #expect(field.prefill == .address, "\(file): \(field.id)") }
            }
        }
    }
}
