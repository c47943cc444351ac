import Foundation
import PortalCore

/// PayFiP's SOAP messages (the `PaiementSecuriseService` of the DGFiP): the requests the portal
/// sends, the answers the provider gives, and its faults. The simulator's SOAP endpoint writes
/// the answers and reads the requests with the same code, so the real client is tested against it.
public enum PayFiPSOAP {
    /// The namespace of PayFiP's operations.
    public static let namespace = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService"
    static let envelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/"

    /// A message read from a SOAP envelope.
    public enum Message: Sendable, Hashable {
        /// `creerPaiementSecurise`, as the portal sends it.
        case createPayment(PayFiPOrder)
        /// `recupererDetailPaiementSecurise`, as the portal sends it.
        case details(operationId: String)
        /// The answer to `creerPaiementSecurise`.
        case created(operationId: String)
        /// The answer to `recupererDetailPaiementSecurise`.
        case transaction(PayFiPTransaction)
        /// A functional error (`FonctionnelleErreur`) or a technical one, with its code and label.
        case fault(code: String, label: String)
    }

    // MARK: Writing

    public static func createPaymentRequest(_ order: PayFiPOrder) -> String {
        operation("creerPaiementSecurise", [
            ("exer", order.exer), ("mel", order.mel), ("montant", String(order.montant)), ("numcli", order.numcli),
            ("objet", order.objet), ("refdet", order.refdet), ("saisie", order.saisie.rawValue),
            ("urlnotif", order.urlnotif), ("urlredirect", order.urlredirect),
        ], wrapper: "arg0")
    }

    public static func detailsRequest(operationId: String) -> String {
        operation("recupererDetailPaiementSecurise", [("idOp", operationId)], wrapper: "arg0")
    }

    public static func createdResponse(operationId: String) -> String {
        operation("creerPaiementSecuriseResponse", [("idOp", operationId)], wrapper: "return")
    }

    public static func transactionResponse(_ transaction: PayFiPTransaction) -> String {
        var fields = [
            ("dattrans", transaction.dattrans), ("exer", transaction.exer), ("heurtrans", transaction.heurtrans),
            ("idOp", transaction.idOp), ("mel", transaction.mel), ("montant", String(transaction.montant)),
        ]
        if let numauto = transaction.numauto { fields.append(("numauto", numauto)) }
        fields += [("numcli", transaction.numcli), ("objet", transaction.objet), ("refdet", transaction.refdet),
                   ("resultrans", transaction.resultrans), ("saisie", transaction.saisie)]
        return operation("recupererDetailPaiementSecuriseResponse", fields, wrapper: "return")
    }

    public static func fault(code: String, label: String) -> String {
        envelope("""
            <S:Fault><faultcode>S:Server</faultcode><faultstring>\(escape(label))</faultstring><detail>\
            <ns2:FonctionnelleErreur xmlns:ns2="\(namespace)"><code>\(escape(code))</code><descriptif>\(escape(label))</descriptif>\
            <libelle>\(escape(label))</libelle><severite>2</severite></ns2:FonctionnelleErreur></detail></S:Fault>
            """)
    }

    private static func operation(_ name: String, _ fields: [(String, String)], wrapper: String) -> String {
        let body = fields.map { "<\($0.0)>\(escape($0.1))</\($0.0)>" }.joined()
        return envelope("<ns2:\(name) xmlns:ns2=\"\(namespace)\"><\(wrapper)>\(body)</\(wrapper)></ns2:\(name)>")
    }

    private static func envelope(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><S:Envelope xmlns:S=\"\(envelopeNamespace)\"><S:Body>\(body)</S:Body></S:Envelope>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    // MARK: Reading

    /// What is wrong with a SOAP message that cannot be read.
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        public let description: String
    }

    /// Reads a SOAP envelope: its body's first element names the message; the text of the
    /// elements under it gives the fields (namespace prefixes do not matter).
    public static func read(_ data: Data) throws(ReadError) -> Message {
        let document = SOAPDocument(data: data)
        guard let operation = document.operation else { throw ReadError(description: document.error ?? "no SOAP body") }
        let fields = document.fields
        func field(_ name: String) throws(ReadError) -> String {
            guard let value = fields[name] else { throw ReadError(description: "\(operation) without \(name)") }
            return value
        }
        func amount() throws(ReadError) -> Int {
            guard let value = Int(try field("montant")) else { throw ReadError(description: "montant is not a number") }
            return value
        }
        switch operation {
        case "creerPaiementSecurise":
            guard let mode = PayFiPMode(rawValue: try field("saisie")) else { throw ReadError(description: "unknown saisie") }
            return .createPayment(PayFiPOrder(
                numcli: try field("numcli"), exer: try field("exer"), refdet: try field("refdet"), montant: try amount(),
                mel: try field("mel"), objet: try field("objet"), urlnotif: try field("urlnotif"),
                urlredirect: try field("urlredirect"), saisie: mode))
        case "recupererDetailPaiementSecurise":
            return .details(operationId: try field("idOp"))
        case "creerPaiementSecuriseResponse":
            return .created(operationId: try field("idOp"))
        case "recupererDetailPaiementSecuriseResponse":
            return .transaction(PayFiPTransaction(
                idOp: try field("idOp"), numcli: try field("numcli"), exer: try field("exer"), refdet: try field("refdet"),
                montant: try amount(), mel: fields["mel"] ?? "", objet: fields["objet"] ?? "", saisie: fields["saisie"] ?? "",
                resultrans: try field("resultrans"), numauto: fields["numauto"], dattrans: fields["dattrans"] ?? "",
                heurtrans: fields["heurtrans"] ?? ""))
        case "Fault":
            return .fault(code: fields["code"] ?? fields["faultcode"] ?? "", label: fields["libelle"] ?? fields["faultstring"] ?? "")
        default:
            throw ReadError(description: "unknown operation \(operation)")
        }
    }
}
