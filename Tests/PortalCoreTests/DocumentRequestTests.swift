import Foundation
import PortalCore
import Testing

@Suite("Dossiers: missing documents asked, supplied, reviewed")
struct DocumentRequestTests {
    let flow: DossierFlowTests
    let filed: Dossier
    static let pdf = Array("%PDF-1.4\nattestation\n%%EOF\n".utf8)

    init() throws {
        flow = try DossierFlowTests()
        filed = try flow.filedCantineDossier()
    }

    var agent: Account? { flow.accounts["agent.langeais"] }
    var resident: Account? { flow.accounts["habitant"] }
    var later: Date { flow.now.addingTimeInterval(3600) }
    var due: CalendarDay { CalendarDay(flow.now).adding(days: 15) }

    @Test("Asking, sending, refusing, sending again and accepting brings the dossier back to review")
    func wholeCycle() throws {
        let request = try flow.dossiers.requestDocument(
            DocumentRequestDraft(label: "Attestation de quotient familial", explanation: "De moins de 3 mois.", dueOn: due),
            on: filed.id, actor: agent, now: later)
        #expect(try flow.dossiers.dossier(id: filed.id, actor: resident, now: later).status == .awaitingDocuments)
        let pending = try flow.dossiers.pendingDocumentRequests(of: resident, now: later)
        #expect(pending.map(\.0.label) == ["Attestation de quotient familial"])

        let sent = try flow.dossiers.supply(request.id, upload: .init(filename: "qf.pdf", bytes: Self.pdf), reusing: nil, actor: resident, now: later)
        #expect(sent.status == .supplied)
        #expect(throws: DossierError.documentAlreadySupplied) {
            try flow.dossiers.supply(request.id, upload: .init(filename: "qf.pdf", bytes: Self.pdf), reusing: nil, actor: resident, now: later)
        }
        #expect(throws: DossierError.reasonRequired) { try flow.dossiers.review(request.id, accept: false, reason: "", actor: agent, now: later) }
        _ = try flow.dossiers.review(request.id, accept: false, reason: "Le document date de 2024.", actor: agent, now: later)
        let again = try flow.dossiers.documentRequests(of: filed.id, actor: resident, now: later)[0]
        #expect(again.status == .requested)
        #expect(again.refusalReason == "Le document date de 2024.")

        // The same document can be chosen again rather than sent again (« Dites-le-nous une fois »).
        let reusable = try flow.dossiers.reusableFiles(of: resident, now: later)
        #expect(reusable.map(\.originalName) == ["qf.pdf"])
        _ = try flow.dossiers.supply(request.id, upload: nil, reusing: reusable[0].id, actor: resident, now: later)
        let reviewed = try flow.dossiers.review(request.id, accept: true, reason: nil, actor: agent, now: later)
        #expect(reviewed.status == .inReview)
        let kinds = try flow.dossiers.timeline(of: filed.id, actor: resident, now: later).map(\.kind)
        #expect(kinds.suffix(6) == [.documentRequested, .documentSupplied, .documentRefused, .documentSupplied, .documentAccepted, .statusChanged])
    }

    @Test("The dossier waits until every document asked for is accepted")
    func everyDocument() throws {
        let first = try flow.dossiers.requestDocument(DocumentRequestDraft(label: "Pièce 1", explanation: "", dueOn: due), on: filed.id, actor: agent, now: later)
        let second = try flow.dossiers.requestDocument(DocumentRequestDraft(label: "Pièce 2", explanation: "", dueOn: due), on: filed.id, actor: agent, now: later)
        _ = try flow.dossiers.supply(first.id, upload: .init(filename: "a.pdf", bytes: Self.pdf), reusing: nil, actor: resident, now: later)
        #expect(try flow.dossiers.review(first.id, accept: true, reason: nil, actor: agent, now: later).status == .awaitingDocuments)
        _ = try flow.dossiers.supply(second.id, upload: .init(filename: "b.pdf", bytes: Self.pdf + [0x0A]), reusing: nil, actor: resident, now: later)
        #expect(try flow.dossiers.review(second.id, accept: true, reason: nil, actor: agent, now: later).status == .inReview)
    }

    @Test("Only the service asks and reviews, only the resident sends, and only their own files can be reused")
    func permissions() throws {
        #expect(throws: DossierError.notFound) {
            try flow.dossiers.requestDocument(DocumentRequestDraft(label: "X", explanation: "", dueOn: due), on: filed.id,
                                              actor: flow.accounts["agent.bourgueil"], now: later)
        }
        #expect(throws: DossierError.dueDateInThePast) {
            try flow.dossiers.requestDocument(DocumentRequestDraft(label: "X", explanation: "", dueOn: CalendarDay(flow.now)), on: filed.id, actor: agent, now: later)
        }
        let request = try flow.dossiers.requestDocument(DocumentRequestDraft(label: "X", explanation: "", dueOn: due), on: filed.id, actor: agent, now: later)
        #expect(throws: DossierError.notFound) {
            try flow.dossiers.supply(request.id, upload: .init(filename: "a.pdf", bytes: Self.pdf), reusing: nil,
                                     actor: flow.accounts["habitante.bourgueil"], now: later)
        }
        #expect(throws: DossierError.documentMissing) {
            try flow.dossiers.supply(request.id, upload: nil, reusing: 999_999, actor: resident, now: later)
        }
        #expect(throws: FileStore.Problem.wrongKind(allowed: FileKind.allCases)) {
            try flow.dossiers.supply(request.id, upload: .init(filename: "a.pdf", bytes: Array("texte".utf8)), reusing: nil, actor: resident, now: later)
        }
        #expect(throws: DossierError.documentNotSupplied) { try flow.dossiers.review(request.id, accept: true, reason: nil, actor: agent, now: later) }
    }
}
