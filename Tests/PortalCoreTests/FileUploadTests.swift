import Foundation
import PortalCore
import Testing

@Suite("Dossiers: documents sent with answers")
struct FileUploadTests {
    let flow: DossierFlowTests
    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)
    static let form = FormDefinition(procedureSlug: "badge-decheterie", version: 0, pages: [
        FormPage(id: "justificatif", title: "Votre justificatif de domicile", fields: [
            FieldDefinition(id: "domicile", kind: .file, label: "Justificatif de domicile",
                            rules: FieldRules(fileTypes: ["pdf", "png"], maxFileBytes: 1000)),
            FieldDefinition(id: "foyer", kind: .number, label: "Personnes dans le foyer"),
        ]),
    ])

    init() throws {
        flow = try DossierFlowTests()
        try flow.dossiers.forms.publish(Self.form, now: flow.now)
    }

    func draft() throws -> Dossier {
        try flow.dossiers.startDraft(procedureSlug: "badge-decheterie", actor: flow.accounts["habitant"], now: flow.now)
    }

    func send(_ upload: Dossiers.Upload?, to draft: Dossier, foyer: String = "3") throws -> FormValidator.PageResult {
        try flow.dossiers.answer(page: "justificatif", of: draft.id, input: FormInput(["foyer": [foyer]]),
                                 uploads: upload.map { ["domicile": $0] } ?? [:], validator: flow.validator,
                                 actor: flow.accounts["habitant"], now: flow.now)
    }

    @Test("The kind comes from the content, not the name; size and emptiness are checked")
    func refused() throws {
        let draft = try draft()
        #expect(try send(nil, to: draft).errors["domicile"] == "Ajoutez un fichier.")
        #expect(try send(.init(filename: "facture.pdf", bytes: Array("pas un pdf".utf8)), to: draft).errors["domicile"]
                == "Le fichier doit être au format PDF ou PNG.")
        #expect(try send(.init(filename: "photo.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0]), to: draft).errors["domicile"]
                == "Le fichier doit être au format PDF ou PNG.")
        #expect(try send(.init(filename: "gros.pdf", bytes: Self.pdf + [UInt8](repeating: 0x20, count: 1000)), to: draft).errors["domicile"]
                == "Le fichier est trop lourd : il doit faire au plus 1 Ko.")
        #expect(try send(.init(filename: "vide.pdf", bytes: []), to: draft).errors["domicile"] == "Le fichier choisi est vide.")
    }

    @Test("A document sent once is kept when the page comes back with another error, then filed and readable by the service")
    func keptAndReadable() throws {
        let draft = try draft()
        let first = try send(.init(filename: "C:\\Users\\Léa\\facture EDF.png.pdf", bytes: Self.pdf), to: draft, foyer: "beaucoup")
        #expect(first.errors["foyer"] != nil)
        guard case .file(let reference) = try flow.dossiers.dossier(id: draft.id, actor: flow.accounts["habitant"], now: flow.now).answers["domicile"] else {
            Issue.record("the document was not kept")
            return
        }
        #expect(reference.name == "facture EDF.png.pdf")
        #expect(reference.kind == .pdf)
        #expect(try send(nil, to: draft).errors.isEmpty, "no need to send it again")
        let filed = try flow.dossiers.submit(draft.id, actor: flow.accounts["habitant"], now: flow.now)
        #expect(filed.organisationId == "cctoval-dechets")
        let (file, bytes) = try flow.dossiers.file(reference.fileId, of: filed.id, actor: flow.accounts["habitant"], now: flow.now)
        #expect(Array(bytes) == Self.pdf)
        #expect(file.kind.contentType == "application/pdf")
        for stranger in ["habitante.bourgueil", "agent.langeais"] {
            #expect(throws: DossierError.notFound) { try flow.dossiers.file(reference.fileId, of: filed.id, actor: flow.accounts[stranger], now: flow.now) }
        }
    }
}
