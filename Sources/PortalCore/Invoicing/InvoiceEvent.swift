import Foundation
import GRDB

/// One entry of an invoice's history, shown to the régie's agents.
public struct InvoiceEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case issued = "emise"
        case reminderBefore = "rappel_avant"
        case reminderAfter = "relance"
        case paymentReceived = "paiement"
        case paymentRefused = "paiement_refuse"
        case paymentAbandoned = "paiement_abandonne"
        case cancelled = "annulee"
        case sentToCollection = "recouvrement"
        /// Something an agent must look at: a provider's answer that does not match, money for a cancelled invoice.
        case anomaly = "anomalie"
        /// The payer says, at a France Services counter, that they paid by another channel; nothing was credited.
        case declaredPayment = "paiement_declare"

        public var label: String {
            switch self {
            case .issued: "Facture émise"
            case .reminderBefore: "Rappel envoyé avant l'échéance"
            case .reminderAfter: "Relance envoyée après l'échéance"
            case .paymentReceived: "Paiement reçu"
            case .paymentRefused: "Paiement en ligne refusé"
            case .paymentAbandoned: "Paiement en ligne abandonné"
            case .cancelled: "Facture annulée"
            case .sentToCollection: "Transmise au recouvrement"
            case .anomaly: "Anomalie à vérifier"
            case .declaredPayment: "Paiement déclaré au guichet France Services, à vérifier"
            }
        }

        /// The régie's agents must check it.
        public var needsCheck: Bool { self == .anomaly || self == .declaredPayment }
    }

    public var kind: Kind
    public var at: Date
    public var actorId: Int64?
    public var text: String?

    static func record(_ kind: Kind, invoiceId: Int64, at: Date, actor: Int64? = nil, text: String? = nil, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO invoice_event (invoiceId, kind, at, actorId, text) VALUES (?, ?, ?, ?, ?)",
            arguments: [invoiceId, kind.rawValue, at, actor, text])
    }

    static func fetchAll(invoiceId: Int64, _ db: Database) throws -> [InvoiceEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM invoice_event WHERE invoiceId = ? ORDER BY at, id", arguments: [invoiceId]).map {
            InvoiceEvent(kind: Kind(rawValue: $0["kind"]) ?? .anomaly, at: $0["at"], actorId: $0["actorId"], text: $0["text"])
        }
    }
}
