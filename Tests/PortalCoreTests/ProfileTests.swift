import Foundation
import GRDB
import PortalCore
import Testing

@Suite("Accounts: contact details")
struct ProfileTests {
    let database: PortalDatabase
    let accounts: Accounts
    let resident: Account

    init() throws {
        database = try TestSupport.database()
        accounts = Accounts(database: database, hasher: TestSupport.hasher)
        resident = try accounts.signUp(
            SignUpForm(email: "marie.petit@example.fr", password: "la loire coule vers l'ouest", displayName: "Marie Petit",
                       communeInsee: "37123"),
            now: TestSupport.now)
    }

    /// `resident`'s details with some of them changed.
    func form(
        name: String = "Marie Petit", commune: String = "37123", phone: String = "",
        street: String = "", postalCode: String = "", city: String = ""
    ) -> ProfileForm {
        ProfileForm(accountId: resident.id, displayName: name, communeInsee: commune, phone: phone,
                    street: street, postalCode: postalCode, city: city)
    }

    func validationErrors(_ form: ProfileForm, actor: Account? = nil) -> ValidationErrors? {
        do {
            _ = try accounts.updateProfile(form, actor: actor ?? resident, now: TestSupport.now)
            return nil
        } catch {
            guard case .invalid(let errors) = error else { return nil }
            return errors
        }
    }

    @Test("A resident saves a phone number and an address, normalised, and finds them at the next log-in")
    func save() throws {
        let later = TestSupport.now.addingTimeInterval(3600)
        let updated = try accounts.updateProfile(
            form(name: "  Marie Petit-Durand ", commune: "37031", phone: "+33 6 12 34 56 78",
                 street: " 12 rue des Écoles ", postalCode: "37 140", city: "Bourgueil"),
            actor: resident, now: later)
        #expect(updated.displayName == "Marie Petit-Durand")
        #expect(updated.communeInsee == "37031")
        #expect(updated.phone == "06 12 34 56 78")
        #expect(updated.address == PostalAddress(street: "12 rue des Écoles", postalCode: "37140", city: "Bourgueil"))
        #expect(updated.profileUpdatedAt == later)
        #expect(updated.email == resident.email)
        #expect(try accounts.account(id: resident.id) == updated)

        let result = try accounts.logIn(
            email: resident.email, password: "la loire coule vers l'ouest", remoteAddress: "192.0.2.1", now: later)
        guard case .success(let loggedIn, let token) = result else {
            Issue.record("log-in failed: \(result)")
            return
        }
        #expect(loggedIn.phone == "06 12 34 56 78")
        #expect(try accounts.session(token: token, now: later)?.address?.city == "Bourgueil")
    }

    @Test("Leaving the phone and the whole address empty removes them")
    func clear() throws {
        _ = try accounts.updateProfile(
            form(phone: "02 47 96 12 50", street: "1 place du Château", postalCode: "37130", city: "Langeais"),
            actor: resident, now: TestSupport.now)
        let cleared = try accounts.updateProfile(form(phone: " ", street: "", postalCode: " ", city: ""), actor: resident, now: TestSupport.now)
        #expect(cleared.phone == nil)
        #expect(cleared.address == nil)
        #expect(try accounts.account(id: resident.id)?.phone == nil)
    }

    @Test("Every mistake is reported in the order of the page, in French")
    func validation() throws {
        let errors = try #require(validationErrors(form(name: " ", commune: "", phone: "02 47 12", street: "12 rue des Écoles")))
        #expect(errors.errors.map(\.field) == ["displayName", "commune", "phone", "address-postal-code", "address-city"])
        #expect(errors["displayName"] == "Saisissez votre nom.")
        #expect(errors["commune"] == "Choisissez votre commune.")
        #expect(errors["phone"] == "Saisissez un numéro de téléphone français, par exemple 02 47 12 34 56.")
        #expect(errors["address-postal-code"] == "Saisissez le code postal de votre adresse.")
        #expect(errors["address-city"] == "Saisissez la commune de votre adresse.")
        // Nothing was saved.
        #expect(try accounts.account(id: resident.id) == resident)
    }

    @Test("Field rules and their messages", arguments: [
        ("displayName", ProfileForm(accountId: 0, displayName: String(repeating: "é", count: 101), communeInsee: "37123"),
         "Votre nom doit contenir au plus 100 caractères."),
        ("commune", ProfileForm(accountId: 0, displayName: "M", communeInsee: "37261"),
         "Choisissez une commune de la communauté de communes dans la liste."),
        ("phone", ProfileForm(accountId: 0, displayName: "M", communeInsee: "37123", phone: "00 47 12 34 56"),
         "Saisissez un numéro de téléphone français, par exemple 02 47 12 34 56."),
        ("address-street", ProfileForm(accountId: 0, displayName: "M", communeInsee: "37123", postalCode: "37130", city: "Langeais"),
         "Saisissez le numéro et la rue de votre adresse."),
        ("address-postal-code", ProfileForm(accountId: 0, displayName: "M", communeInsee: "37123", street: "1 rue Haute", postalCode: "3713", city: "Langeais"),
         "Saisissez un code postal de 5 chiffres, par exemple 37130."),
        ("address-postal-code", ProfileForm(accountId: 0, displayName: "M", communeInsee: "37123", street: "1 rue Haute", postalCode: "37I30", city: "Langeais"),
         "Saisissez un code postal de 5 chiffres, par exemple 37130."),
        ("address-street", ProfileForm(accountId: 0, displayName: "M", communeInsee: "37123", street: String(repeating: "r", count: 201), postalCode: "37130", city: "Langeais"),
         "Le numéro et la rue doivent contenir au plus 200 caractères."),
    ])
    func rule(field: String, form: ProfileForm, message: String) throws {
        var form = form
        form.accountId = resident.id
        let errors = try #require(validationErrors(form))
        #expect(errors.errors.map(\.field) == [field])
        #expect(errors[field] == message)
    }

    @Test("An account changes only itself: without an actor, or for another account, nothing changes")
    func onlyItself() throws {
        let other = try accounts.signUp(
            SignUpForm(email: "leo.martin@example.fr", password: "une autre phrase assez longue", displayName: "Léo Martin",
                       communeInsee: "37031"),
            now: TestSupport.now)
        let takeover = ProfileForm(accountId: other.id, displayName: "Pirate", communeInsee: "37123", phone: "06 00 00 00 01")
        let refused = #expect(throws: ProfileError.self) { try accounts.updateProfile(takeover, actor: resident, now: TestSupport.now) }
        #expect(refused.map { if case .access(.notFound) = $0 { true } else { false } } == true)
        let anonymous = #expect(throws: ProfileError.self) { try accounts.updateProfile(form(name: "Personne"), actor: nil, now: TestSupport.now) }
        #expect(anonymous.map { if case .access(.unauthenticated) = $0 { true } else { false } } == true)
        #expect(try accounts.account(id: other.id) == other)
        #expect(try accounts.account(id: resident.id) == resident)
    }

    @Test("A staff account may change its name without living in one of the communes")
    func staff() throws {
        let agentId = try database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO account (email, displayName, role, passwordHash, createdAt)
                VALUES ('agent@example.fr', 'Julien Moreau', 'agent', 'x', ?)
                """, arguments: [TestSupport.now])
            return db.lastInsertedRowID
        }
        let agent = try #require(try accounts.account(id: agentId))
        let updated = try accounts.updateProfile(
            ProfileForm(accountId: agentId, displayName: "Julien Moreau-Blanc", communeInsee: ""), actor: agent, now: TestSupport.now)
        #expect(updated.displayName == "Julien Moreau-Blanc")
        #expect(updated.communeInsee == nil)
        #expect(updated.role == .agent)
    }
}
