/// Where the agents' invoice pages live.
enum AgentInvoicePaths {
    static let list = "/agent/factures"
    static let new = "/agent/factures/nouvelle"
    static let importFile = "/agent/factures/import"
    static let export = "/agent/factures/export.csv"
    static let paymentsExport = "/agent/paiements/export.csv"

    static func invoice(_ id: Int64) -> String { "\(list)/\(id)" }

    static func receipt(_ id: Int64, payment: Int64) -> String { "\(invoice(id))/recus/\(payment)" }
}
