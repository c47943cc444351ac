/// Where the pages of the France Services counter live. `id` is always the resident's account id.
enum FranceServicesPaths {
    static let home = "/guichet"
    static let newAccount = "/guichet/habitants/nouveau"

    static func resident(_ id: Int64) -> String { "/guichet/habitants/\(id)" }
    static func mandateSummary(_ id: Int64) -> String { resident(id) + "/recapitulatif" }
    static func consentCode(_ id: Int64) -> String { resident(id) + "/code" }
    static func mandate(_ id: Int64) -> String { resident(id) + "/mandat" }
    static func revocation(mandate: Int64) -> String { "/guichet/mandats/\(mandate)/revocation" }
    static func invoices(_ id: Int64) -> String { resident(id) + "/factures" }
    static func invoice(_ id: Int64, invoice: Int64) -> String { invoices(id) + "/\(invoice)" }
    static func documents(_ id: Int64) -> String { resident(id) + "/pieces" }
    static func document(_ id: Int64, request: Int64) -> String { documents(id) + "/\(request)" }
    static func household(_ id: Int64) -> String { resident(id) + "/foyer" }
    static func registrations(_ id: Int64) -> String { resident(id) + "/inscriptions" }
    static func procedures(_ id: Int64) -> String { resident(id) + "/demandes" }
    static func draft(_ id: Int64, dossier: Int64) -> String { procedures(id) + "/\(dossier)" }
    static func dossier(_ id: Int64, dossier: Int64) -> String { resident(id) + "/dossiers/\(dossier)" }
    static func receipt(_ id: Int64) -> String { resident(id) + "/recepisse" }
}
