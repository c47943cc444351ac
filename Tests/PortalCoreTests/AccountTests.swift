import Foundation
import PortalCore
import Testing

@Suite("Accounts: sign-up and passwords")
struct AccountTests {
    let accounts: Accounts

    init() throws {
        accounts = Accounts(database: try TestSupport.database(), hasher: TestSupport.hasher)
    }

    func form(
        email: String = "Marie.Petit@Example.fr ", password: String = "la loire coule vers l'ouest",
        name: String = "Marie Petit", commune: String = "37123"
    ) -> SignUpForm {
        SignUpForm(email: email, password: password, displayName: name, communeInsee: commune)
    }

    func validationErrors(_ form: SignUpForm) -> ValidationErrors? {
        do {
            _ = try accounts.signUp(form, now: TestSupport.now)
            return nil
        } catch {
            guard case .invalid(let errors) = error else { return nil }
            return errors
        }
    }

    @Test("A resident signs up with a normalised e-mail and can then log in")
    func signUp() throws {
        let account = try accounts.signUp(form(), now: TestSupport.now)
        #expect(account.email == "marie.petit@example.fr")
        #expect(account.role == .resident)
        #expect(account.communeInsee == "37123")
        #expect(account.createdAt == TestSupport.now)
        let result = try accounts.logIn(
            email: "MARIE.PETIT@example.fr", password: "la loire coule vers l'ouest",
            remoteAddress: "192.0.2.1", now: TestSupport.now)
        guard case .success(let loggedIn, _) = result else {
            Issue.record("log-in failed: \(result)")
            return
        }
        #expect(loggedIn == account)
    }

    @Test("Every mistake is reported in form order, in French")
    func validation() throws {
        let errors = try #require(validationErrors(form(email: "", password: "court", name: " ", commune: "")))
        #expect(errors.errors.map(\.field) == ["displayName", "email", "password", "commune"])
        #expect(errors["email"] == "Saisissez votre adresse e-mail.")
        #expect(errors["password"] == "Votre mot de passe doit contenir au moins 12 caractères.")
        #expect(errors["displayName"] == "Saisissez votre nom.")
        #expect(errors["commune"] == "Choisissez votre commune.")
    }

    @Test("Field rules and their messages", arguments: [
        ("email", SignUpForm(email: "marie@", password: "la loire coule vers l'ouest", displayName: "M", communeInsee: "37123"),
         "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."),
        ("email", SignUpForm(email: "marie petit@example.fr", password: "la loire coule vers l'ouest", displayName: "M", communeInsee: "37123"),
         "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."),
        ("password", SignUpForm(email: "m@example.fr", password: "", displayName: "M", communeInsee: "37123"),
         "Saisissez un mot de passe."),
        ("password", SignUpForm(email: "m@example.fr", password: String(repeating: "x", count: 257), displayName: "M", communeInsee: "37123"),
         "Votre mot de passe doit contenir au plus 256 caractères."),
        ("password", SignUpForm(email: "marie.petit@example.fr", password: "Marie.Petit@Example.fr", displayName: "M", communeInsee: "37123"),
         "Votre mot de passe ne doit pas être votre adresse e-mail."),
        ("password", SignUpForm(email: "m@example.fr", password: "Azertyuiop123", displayName: "M", communeInsee: "37123"),
         "Ce mot de passe est trop courant. Choisissez-en un autre, par exemple une phrase de plusieurs mots."),
        ("displayName", SignUpForm(email: "m@example.fr", password: "la loire coule vers l'ouest", displayName: String(repeating: "é", count: 101), communeInsee: "37123"),
         "Votre nom doit contenir au plus 100 caractères."),
        ("commune", SignUpForm(email: "m@example.fr", password: "la loire coule vers l'ouest", displayName: "M", communeInsee: "37261"),
         "Choisissez une commune de la communauté de communes dans la liste."),
    ])
    func rule(field: String, form: SignUpForm, message: String) throws {
        let errors = try #require(validationErrors(form))
        #expect(errors.errors.map(\.field) == [field])
        #expect(errors[field] == message)
    }

    @Test("A 12-character password and a 100-character name are accepted")
    func limits() throws {
        _ = try accounts.signUp(form(password: "douze carac.", name: String(repeating: "é", count: 100)), now: TestSupport.now)
    }

    @Test("An e-mail already used, in any case, is refused")
    func duplicate() throws {
        _ = try accounts.signUp(form(), now: TestSupport.now)
        let errors = try #require(validationErrors(form(email: "  MARIE.petit@EXAMPLE.FR")))
        #expect(errors["email"] == "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou utilisez une autre adresse.")
    }

    @Test("A password hash records scrypt and its parameters, and verifies")
    func hashFormat() throws {
        let hash = try TestSupport.hasher.hash("la loire coule vers l'ouest")
        let parts = hash.split(separator: "$").map(String.init)
        #expect(parts.count == 6)
        #expect(Array(parts[0...3]) == ["scrypt", "1024", "8", "1"])
        #expect(Data(base64Encoded: parts[4])?.count == 16)
        #expect(Data(base64Encoded: parts[5])?.count == 32)
        #expect(TestSupport.hasher.verify("la loire coule vers l'ouest", against: hash))
        #expect(!TestSupport.hasher.verify("la loire coule vers l'est", against: hash))
        #expect(try TestSupport.hasher.hash("la loire coule vers l'ouest") != hash, "salts differ")
    }

    @Test("Verification uses the parameters stored with the hash")
    func storedParameters() throws {
        let cheaper = PasswordHasher(parameters: .init(rounds: 1 << 4, blockSize: 1, parallelism: 1))
        let hash = try cheaper.hash("mot de passe ancien")
        #expect(TestSupport.hasher.verify("mot de passe ancien", against: hash))
        for broken in ["", "scrypt$1024$8$1$", "bcrypt$1024$8$1$AAAA$AAAA", "scrypt$1099511627776$8$1$AAAAAAAA$" + hash.split(separator: "$")[5]] {
            #expect(!TestSupport.hasher.verify("mot de passe ancien", against: broken))
        }
    }

    @Test("The production parameters (N = 2^15, r = 8, p = 1) run")
    func production() throws {
        let hasher = PasswordHasher()
        let hash = try hasher.hash("demo-portail-2026")
        #expect(hash.hasPrefix("scrypt$32768$8$1$"))
        #expect(hasher.verify("demo-portail-2026", against: hash))
    }
}
