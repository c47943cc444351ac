import Foundation
import PortalCore
import PortalPayFiP
import Testing

@Suite("PayFiP's SOAP messages")
struct PayFiPSOAPTests {
    static let order = PayFiPOrder(
        numcli: "037123", exer: "2026", refdet: "F3712326000001", montant: 2250, mel: "camille@example.org",
        objet: "Facture F-37123-26-000001 Cantine & garderie <fevrier>", urlnotif: "https://demarches.cctoval.fr/paiement/payfip/notification",
        urlredirect: "https://demarches.cctoval.fr/paiement/payfip/retour?x=1&y=2", saisie: .test)

    static let transaction = PayFiPTransaction(
        idOp: "b5c1f0a2-77", numcli: "037123", exer: "2026", refdet: "F3712326000001", montant: 2250, mel: "camille@example.org",
        objet: "Facture", saisie: "T", resultrans: "P", numauto: "123456", dattrans: "01032026", heurtrans: "1105")

    @Test("Every message reads back as written, special characters included")
    func roundTrips() throws {
        #expect(try PayFiPSOAP.read(Data(PayFiPSOAP.createPaymentRequest(Self.order).utf8)) == .createPayment(Self.order))
        #expect(try PayFiPSOAP.read(Data(PayFiPSOAP.detailsRequest(operationId: "abc").utf8)) == .details(operationId: "abc"))
        #expect(try PayFiPSOAP.read(Data(PayFiPSOAP.createdResponse(operationId: "abc").utf8)) == .created(operationId: "abc"))
        #expect(try PayFiPSOAP.read(Data(PayFiPSOAP.transactionResponse(Self.transaction).utf8)) == .transaction(Self.transaction))
        var refused = Self.transaction
        refused.resultrans = "R"
        refused.numauto = nil
        #expect(try PayFiPSOAP.read(Data(PayFiPSOAP.transactionResponse(refused).utf8)) == .transaction(refused))
        #expect(try PayFiPSOAP.read(Data(PayFiPSOAP.fault(code: "P5", label: "Transaction en cours").utf8))
                == .fault(code: "P5", label: "Transaction en cours"))
    }

    @Test("The request is the one PayFiP documents: operation and fields in its namespace, under arg0")
    func requestShape() {
        let xml = PayFiPSOAP.createPaymentRequest(Self.order)
        #expect(xml.contains("<ns2:creerPaiementSecurise xmlns:ns2=\"\(PayFiPSOAP.namespace)\"><arg0><exer>2026</exer><mel>camille@example.org</mel><montant>2250</montant><numcli>037123</numcli>"))
        #expect(xml.contains("<objet>Facture F-37123-26-000001 Cantine &amp; garderie &lt;fevrier&gt;</objet>"))
        #expect(xml.contains("<saisie>T</saisie>"))
    }

    @Test("An answer with other prefixes, whitespace and a plain SOAP fault is read too")
    func otherShapes() throws {
        let answer = """
            <?xml version='1.0' encoding='UTF-8'?>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
              <soap:Body>
                <p:creerPaiementSecuriseResponse xmlns:p="\(PayFiPSOAP.namespace)">
                  <return>
                    <idOp> 7d6f </idOp>
                  </return>
                </p:creerPaiementSecuriseResponse>
              </soap:Body>
            </soap:Envelope>
            """
        #expect(try PayFiPSOAP.read(Data(answer.utf8)) == .created(operationId: "7d6f"))
        let fault = """
            <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault>
            <faultcode>S:Server</faultcode><faultstring>Erreur technique</faultstring></S:Fault></S:Body></S:Envelope>
            """
        #expect(try PayFiPSOAP.read(Data(fault.utf8)) == .fault(code: "S:Server", label: "Erreur technique"))
    }

    @Test("Malformed or foreign XML is refused with a reason, never a crash", arguments: [
        "", "not xml", "<a><b></a>", "<S:Envelope xmlns:S=\"x\"><S:Body></S:Body></S:Envelope>",
        "<Envelope><Body><somethingElse><arg0/></somethingElse></Body></Envelope>",
        "<Envelope><Body><creerPaiementSecurise><arg0><exer>2026</exer></arg0></creerPaiementSecurise></Body></Envelope>",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Envelope><Body><recupererDetailPaiementSecurise><arg0><idOp>&e;</idOp></arg0></recupererDetailPaiementSecurise></Body></Envelope>",
    ])
    func malformed(text: String) {
        #expect(throws: PayFiPSOAP.ReadError.self) { try PayFiPSOAP.read(Data(text.utf8)) }
    }
}
