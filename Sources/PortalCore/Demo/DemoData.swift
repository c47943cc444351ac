import Foundation
import GRDB

/// A demo account, as printed at start-up.
public struct DemoAccount: Sendable, Hashable {
    /// The login.
    public var email: String
    /// The password.
    public var password: String
    /// The name shown in the interface.
    public var displayName: String
    /// The role.
    public var role: Role
    /// What the account stands for, in French ("Agent — Mairie de Langeais").
    public var roleLabel: String
    /// The space it lands in.
    public var home: Space
}

/// The demo accounts installed with `--demo`.
public enum DemoData {
    /// The password of every demo account.
    public static let password = "demo-portail-2026"

    struct Specification {
        var email: String
        var displayName: String
        var role: Role
        var communeInsee: String?
        var organisationId: String?
    }

    static let specifications: [Specification] = [
        .init(email: "habitant@demo.cctoval.fr", displayName: "Camille Martin", role: .resident, communeInsee: "37123"),
        .init(email: "habitante.bourgueil@demo.cctoval.fr", displayName: "Léa Dubois", role: .resident, communeInsee: "37031"),
        .init(email: "agent.langeais@demo.cctoval.fr", displayName: "Julien Moreau", role: .agent, organisationId: "mairie-37123"),
        .init(email: "agent.bourgueil@demo.cctoval.fr", displayName: "Sophie Lefèvre", role: .agent, organisationId: "mairie-37031"),
        .init(email: "responsable.bourgueil@demo.cctoval.fr", displayName: "Hélène Garnier", role: .manager,
              organisationId: "mairie-37031"),
        .init(email: "agent.enfance@demo.cctoval.fr", displayName: "Nathalie Girard", role: .agent, organisationId: "cctoval-enfance"),
        .init(email: "agent.dechets@demo.cctoval.fr", displayName: "Thomas Bernard", role: .agent, organisationId: "cctoval-dechets"),
        .init(email: "conseiller@demo.cctoval.fr", displayName: "Karim Benali", role: .franceServices,
              organisationId: "france-services-langeais"),
        .init(email: "admin@demo.cctoval.fr", displayName: "Isabelle Roux", role: .admin, organisationId: "cctoval"),
    ]

    /// Creates the demo accounts that do not exist yet (running it again
    /// changes nothing) and returns all of them, for printing.
    ///
    /// - throws: ``ReferenceDataError`` when the reference data lacks a
    ///   commune or organisation a demo account belongs to, or a database error.
    public static func install(into database: PortalDatabase, hasher: PasswordHasher) throws -> [DemoAccount] {
        let catalogue = try Catalogue(database: database)
        try checkReferences(in: catalogue)
        let existing = Set(try database.pool.read { db in try String.fetchAll(db, sql: "SELECT email FROM account") })
        let missing = specifications.filter { !existing.contains($0.email) }
        let hashes = try missing.map { _ in try hasher.hash(password) }
        let now = Date()
        try database.pool.write { db in
            for (specification, passwordHash) in zip(missing, hashes) {
                // Another process may have installed them meanwhile; the accounts go in as any other does.
                if try Account.fetch(email: specification.email, db) != nil { continue }
                _ = try Account.insert(email: specification.email, displayName: specification.displayName,
                                       communeInsee: specification.communeInsee, role: specification.role,
                                       organisationId: specification.organisationId, passwordHash: passwordHash, createdAt: now, into: db)
            }
        }
        return specifications.map { specification in
            let place = specification.organisationId.flatMap { catalogue.organisation(id: $0)?.name }
                ?? specification.communeInsee.flatMap { catalogue.commune(insee: $0)?.name }
            return DemoAccount(
                email: specification.email, password: password, displayName: specification.displayName,
                role: specification.role,
                roleLabel: [specification.role.label, place].compactMap { $0 }.joined(separator: " — "),
                home: specification.role.home)
        }
    }

    private static func checkReferences(in catalogue: Catalogue) throws {
        var issues: [ReferenceDataError.Issue] = []
        for specification in specifications {
            if let id = specification.organisationId, catalogue.organisation(id: id) == nil {
                issues.append(.init(file: ReferenceData.FileName.organisations, entry: "organisation \"\(id)\"",
                                    message: "missing, needed by the demo account \(specification.email)"))
            }
            if let insee = specification.communeInsee, catalogue.commune(insee: insee) == nil {
                issues.append(.init(file: ReferenceData.FileName.communes, entry: "commune \(insee)",
                                    message: "missing, needed by the demo account \(specification.email)"))
            }
        }
        if !issues.isEmpty { throw ReferenceDataError(issues: issues) }
    }
}
