import Foundation
import GRDB

/// Account use cases: sign-up, log-in with throttling, sessions, log-out.
public struct Accounts: Sendable {
    /// The database holding accounts and sessions.
    public let database: PortalDatabase
    /// The password hasher (tests pass cheaper parameters).
    public let hasher: PasswordHasher

    /// Creates the use cases over `database`.
    public init(database: PortalDatabase, hasher: PasswordHasher = PasswordHasher()) {
        self.database = database
        self.hasher = hasher
    }

    /// The maximum length of a display name.
    public static let maximumNameLength = 100

    /// Creates a resident account.
    ///
    /// - throws: `.invalid` with French messages keyed by ``SignUpForm/Field``
    ///   raw values (e-mail missing, malformed or already used, password
    ///   refused by ``PasswordPolicy``, name missing, too long or not on one
    ///   line (see ``TypedText``), commune not a member), or `.storage` when
    ///   the database fails.
    public func signUp(_ form: SignUpForm, now: Date) throws(SignUpError) -> Account {
        let email = EmailAddress.normalise(form.email)
        let commune = form.communeInsee.trimmingCharacters(in: .whitespaces)
        do {
            // In the order of the form's fields, so the error summary reads top to bottom.
            var errors = ValidationErrors()
            let name = errors.singleLine(form.displayName, subject: "Votre nom", for: SignUpForm.Field.displayName.rawValue)
            try validate(form, email: email, name: name, commune: commune, into: &errors)
            guard errors.isEmpty else { throw SignUpError.invalid(errors) }
            let passwordHash = try hasher.hash(form.password)
            do {
                return try database.pool.write { db in
                    try Account.insert(
                        email: email, displayName: name, communeInsee: commune, role: .resident,
                        organisationId: nil, passwordHash: passwordHash, createdAt: now, into: db)
                }
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                errors.add(Self.emailTakenMessage, for: .email)
                throw SignUpError.invalid(errors)
            }
        } catch let error as SignUpError {
            throw error
        } catch {
            throw .storage(error)
        }
    }

    static let emailTakenMessage = "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou utilisez une autre adresse."

    private func validate(_ form: SignUpForm, email: String, name: String, commune: String, into errors: inout ValidationErrors) throws {
        if name.isEmpty {
            errors.add("Saisissez votre nom.", for: .displayName)
        } else if name.count > Self.maximumNameLength {
            errors.add("Votre nom doit contenir au plus \(Self.maximumNameLength) caractères.", for: .displayName)
        }
        if email.isEmpty {
            errors.add("Saisissez votre adresse e-mail.", for: .email)
        } else if !EmailAddress.isValid(email) {
            errors.add("Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.", for: .email)
        } else if try database.pool.read({ db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account WHERE email = ?)", arguments: [email]) ?? false
        }) {
            errors.add(Self.emailTakenMessage, for: .email)
        }
        if let problem = PasswordPolicy.problem(with: form.password, email: email) {
            errors.add(problem, for: .password)
        }
        if commune.isEmpty {
            errors.add("Choisissez votre commune.", for: .commune)
        } else if try !database.pool.read({ db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM commune WHERE insee = ?)", arguments: [commune]) ?? false
        }) {
            errors.add("Choisissez une commune de la communauté de communes dans la liste.", for: .commune)
        }
    }

    /// The account with this id.
    public func account(id: Int64) throws -> Account? {
        try database.pool.read { db in
            try Account.fetch(id: id, db)
        }
    }
}
