import PortalCore
import Testing

@Suite("Dossiers: statuses, transitions and references")
struct DossierRulesTests {
    @Test("Every sensible transition leads where expected")
    func transitions() {
        #expect(DossierAction.submit.target(from: .draft) == .filed)
        #expect(DossierAction.takeInCharge.target(from: .filed) == .inReview)
        #expect(DossierAction.requestDocuments.target(from: .inReview) == .awaitingDocuments)
        #expect(DossierAction.documentsComplete.target(from: .awaitingDocuments) == .inReview)
        #expect(DossierAction.accept.target(from: .inReview) == .accepted)
        #expect(DossierAction.refuse(reason: "Hors délai").target(from: .awaitingDocuments) == .refused)
        #expect(DossierAction.closeWithoutFollowUp(reason: "Doublon").target(from: .filed) == .closedWithoutFollowUp)
        #expect(DossierAction.reopen.target(from: .refused) == .inReview)
    }

    @Test("Transitions that make no sense are refused", arguments: [
        (DossierAction.submit, DossierStatus.filed),
        (.accept, .draft),
        (.accept, .awaitingDocuments),
        (.accept, .accepted),
        (.takeInCharge, .inReview),
        (.requestDocuments, .accepted),
        (.documentsComplete, .inReview),
        (.reopen, .inReview),
        (.refuse(reason: "x"), .draft),
    ])
    func refused(action: DossierAction, status: DossierStatus) {
        #expect(action.target(from: status) == nil)
    }

    @Test("Only decisions and closings are closed; every status has a French label")
    func labels() {
        #expect(DossierStatus.allCases.filter(\.isClosed) == [.accepted, .refused, .closedWithoutFollowUp])
        #expect(DossierStatus.awaitingDocuments.label == "En attente de pièces")
        #expect(Set(DossierStatus.allCases.map(\.label)).count == DossierStatus.allCases.count)
    }

    @Test("References are short, unambiguous and read back whatever the spacing or case")
    func references() {
        for _ in 0..<200 {
            let reference = DossierReference.make()
            #expect(reference.count == 10)
            #expect(!reference.contains { "015OILUVSZB28".contains($0) })
            #expect(DossierReference.normalise(reference.lowercased().replacingOccurrences(of: "-", with: " ")) == reference)
        }
        #expect(DossierReference.normalise("CC-0O1-ILS") == nil)
        #expect(DossierReference.normalise("XX-7K3-M9Q") == nil)
    }
}
