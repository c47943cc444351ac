import Foundation
import PortalCore
import Testing

@Suite("Notifications: the outbox, e-mails of dossier events, delivery")
struct NotificationTests {
    let flow: DossierFlowTests
    let outbox: Outbox

    init() throws {
        flow = try DossierFlowTests()
        outbox = Outbox(database: flow.dossiers.database)
    }

    @Test("Filing queues the acknowledgement for the resident and word for the service's agents, once")
    func filing() throws {
        let filed = try flow.filedCantineDossier()
        _ = try flow.dossiers.submit(filed.id, actor: flow.accounts["habitant"], now: flow.now.addingTimeInterval(300))
        let messages = try outbox.due(now: flow.now.addingTimeInterval(3600)).map(\.message)
        #expect(messages.map(\.recipient) == ["habitant@demo.cctoval.fr", "agent.langeais@demo.cctoval.fr"])
        let receipt = messages[0]
        #expect(receipt.subject == "Accusé de réception de votre demande \(filed.reference)")
        #expect(receipt.textBody.contains("a bien été reçue le 1er mars 2026 à 11 h 01"))
        #expect(receipt.textBody.contains("Mairie de Langeais"))
        #expect(receipt.textBody.contains("le 1er mai 2026"))
        #expect(receipt.textBody.contains("http://127.0.0.1:8080/mon-espace/dossiers/\(filed.id)"))
        #expect(receipt.htmlBody.contains("<a href=\"http://127.0.0.1:8080/mon-espace/dossiers/\(filed.id)\">"))
        for message in messages {
            #expect(!message.textBody.contains("Léo"), "an e-mail never carries the dossier's answers")
            #expect(!message.htmlBody.contains("Léo"))
        }
        #expect(messages[1].textBody.contains("/agent/dossiers/\(filed.id)"))
    }

    @Test("A status change tells the resident, without the refusal's reason")
    func statusChange() throws {
        let filed = try flow.filedCantineDossier()
        let later = flow.now.addingTimeInterval(3600)
        _ = try flow.dossiers.perform(.refuse(reason: "Motif confidentiel"), on: filed.id, actor: flow.accounts["agent.langeais"], now: later)
        let last = try #require(try outbox.due(now: later).last?.message)
        #expect(last.recipient == "habitant@demo.cctoval.fr")
        #expect(last.subject == "Votre demande \(filed.reference) : refusé")
        #expect(!last.textBody.contains("Motif confidentiel"))
    }

    @Test("A week before a draft expires its owner is reminded once; saving a page again earns a new reminder later")
    func draftReminder() throws {
        let resident = flow.accounts["habitant"]
        let draft = try flow.dossiers.startDraft(procedureSlug: "inscription-cantine", actor: resident, now: flow.now)
        let day = TimeInterval(24 * 3600)
        #expect(try flow.dossiers.remindExpiringDrafts(now: flow.now.addingTimeInterval(92 * day)) == 0, "not yet: 8 days left")
        let reminded = flow.now.addingTimeInterval(94 * day)
        #expect(try flow.dossiers.remindExpiringDrafts(now: reminded) == 1)
        #expect(try flow.dossiers.remindExpiringDrafts(now: reminded.addingTimeInterval(day)) == 0, "once only")
        let message = try #require(try outbox.due(now: reminded).last?.message)
        #expect(message.recipient == "habitant@demo.cctoval.fr")
        #expect(message.subject == "Votre demande en cours « Inscrire votre enfant à la cantine (restauration scolaire) » sera supprimée le 9 juin 2026")
        #expect(message.textBody.contains("http://127.0.0.1:8080/mon-espace/demandes/\(draft.id)"))

        _ = try flow.dossiers.answer(page: "enfant", of: draft.id, input: FormInput(["prenom": ["Léo"], "allergie": ["non"]]),
                                     validator: flow.validator, actor: resident, now: reminded.addingTimeInterval(2 * day))
        #expect(try flow.dossiers.remindExpiringDrafts(now: reminded.addingTimeInterval(3 * day)) == 0, "100 days again")
        #expect(try flow.dossiers.remindExpiringDrafts(now: reminded.addingTimeInterval(96 * day)) == 1)
        // A filed dossier is no draft: it is never reminded.
        _ = try flow.filedCantineDossier()
        #expect(try flow.dossiers.remindExpiringDrafts(now: flow.now.addingTimeInterval(94 * day)) == 0)
    }

    @Test("Delivery writes .eml files; a failing transport is retried later with back-off")
    func delivery() throws {
        _ = try flow.filedCantineDossier()
        let folder = try TestSupport.temporaryDirectory()
        let failing = MailDispatcher(outbox: outbox, transport: FailingTransport(), sender: "Portail CCTOVAL <ne-pas-repondre@cctoval.fr>")
        let start = flow.now.addingTimeInterval(120)
        #expect(try failing.deliverDue(now: start) == 0)
        #expect(try outbox.due(now: start).isEmpty, "nothing is due until the first retry delay has passed")
        let retry = start.addingTimeInterval(Outbox.retryDelays[0])
        #expect(try outbox.due(now: retry).map(\.attempts) == [1, 1])
        let dispatcher = MailDispatcher(outbox: outbox, transport: try MailFolderTransport(directory: folder),
                                        sender: "Portail CCTOVAL <ne-pas-repondre@cctoval.fr>")
        #expect(try dispatcher.deliverDue(now: retry) == 2)
        #expect(try outbox.due(now: retry.addingTimeInterval(86400)).isEmpty, "delivered messages are not sent again")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 2)
        let eml = try String(contentsOf: folder.appendingPathComponent(files.sorted()[0]), encoding: .utf8)
        #expect(eml.contains("Subject: =?utf-8?B?"))
        #expect(eml.contains("Content-Type: multipart/alternative;"))
        #expect(eml.contains("\r\n"))
    }

    @Test("Rendered messages keep headers on one line and encode UTF-8")
    func format() throws {
        let message = MailMessage(recipient: "a@example.fr\r\nBcc: victim@example.fr", subject: "Réponse à votre demande\r\nX: y",
                                  textBody: String(repeating: "é", count: 300), htmlBody: "<p>é</p>")
        let rendered = MailFormat.render(message, from: "Portail <p@example.fr>", date: TestSupport.now, messageID: "1.2@example.fr")
        let head = rendered.components(separatedBy: "\r\n\r\n")[0]
        #expect(!head.contains("\r\nBcc:"))
        #expect(!head.contains("\r\nX: y"))
        #expect(head.contains("Date: Sun, 01 Mar 2026 10:00:00 +0000"))
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.count <= 998 })
        let encodedText = rendered.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n")[1]
            .components(separatedBy: "\r\n--")[0].replacingOccurrences(of: "\r\n", with: "")
        #expect(String(decoding: Data(base64Encoded: encodedText) ?? Data(), as: UTF8.self) == message.textBody)
    }
}

/// A transport whose server is always down.
struct FailingTransport: MailTransport {
    struct Down: Error {}
    func deliver(_ rendered: String, from sender: String, to recipient: String, messageID: String) throws { throw Down() }
}
