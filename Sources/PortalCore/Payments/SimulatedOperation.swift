import Foundation
import GRDB

/// An operation registered with the ``PayFiPSimulator``, as its page shows it.
public struct SimulatedOperation: Sendable, Hashable {
    public var operationId: String
    public var order: PayFiPOrder
    public var createdAt: Date
    /// PayFiP's result code once the payer chose.
    public var result: String?
    public var authorisation: String?
    public var settledAt: Date?

    func isExpired(at now: Date) -> Bool {
        now.timeIntervalSince(createdAt) >= PayFiPSimulator.operationLifetime
    }

    /// The operation as `recupererDetailPaiementSecurise` describes it.
    func transaction(result: String, at date: Date) -> PayFiPTransaction {
        let parts = CalendarDay.calendar.dateComponents([.day, .month, .year, .hour, .minute], from: date)
        return PayFiPTransaction(
            idOp: operationId, numcli: order.numcli, exer: order.exer, refdet: order.refdet, montant: order.montant,
            mel: order.mel, objet: order.objet, saisie: order.saisie.rawValue, resultrans: result,
            numauto: result == "P" ? authorisation : nil,
            dattrans: String(format: "%02d%02d%04d", parts.day ?? 1, parts.month ?? 1, parts.year ?? 1970),
            heurtrans: String(format: "%02d%02d", parts.hour ?? 0, parts.minute ?? 0))
    }

    static func fetch(_ operationId: String, _ db: Database) throws -> SimulatedOperation? {
        try Row.fetchOne(db, sql: "SELECT * FROM payfip_sim_operation WHERE idOp = ?", arguments: [operationId]).map { row in
            SimulatedOperation(
                operationId: row["idOp"],
                order: PayFiPOrder(
                    numcli: row["numcli"], exer: row["exer"], refdet: row["refdet"], montant: row["montant"], mel: row["mel"],
                    objet: row["objet"], urlnotif: row["urlnotif"], urlredirect: row["urlredirect"],
                    saisie: PayFiPMode(rawValue: row["saisie"]) ?? .test),
                createdAt: row["createdAt"], result: row["resultrans"], authorisation: row["numauto"], settledAt: row["settledAt"])
        }
    }
}
