import Foundation
import PortalCore
import Testing

/// What the single-line rule refuses in a name typed on two lines ("\r\nBcc: …").
enum TypedTextSamples {
    static let nameOnTwoLines = "Camille\r\nBcc: victime@example.fr"
    static let lineBreakMessage = "Votre nom doit tenir sur une seule ligne : retirez les retours à la ligne."
}

extension AccountTests {
    @Test("Sign-up refuses a name on two lines or with a control character, and stores names NFC-normalised")
    func signUpNameIsOneLine() throws {
        let errors = try #require(validationErrors(form(name: TypedTextSamples.nameOnTwoLines)))
        #expect(errors["displayName"] == TypedTextSamples.lineBreakMessage)
        #expect(errors.errors.map(\.field) == ["displayName"], "no second message about the name, nothing else wrong")
        #expect(validationErrors(form(name: "Marie\u{0}Petit"))?["displayName"]?.contains("caractère invisible") == true)
        #expect(validationErrors(form(email: "marie\u{7}@example.fr"))?["email"] != nil, "no control character in an address either")

        let account = try accounts.signUp(form(name: "  Ame\u{301}lie Petit "), now: TestSupport.now)
        #expect(account.displayName == "Am\u{E9}lie Petit")
    }
}

extension ProfileTests {
    @Test("Contact details refuse line breaks and control characters in the name, phone and address, each with its message")
    func profileFieldsAreOneLine() throws {
        let errors = try #require(validationErrors(form(
            name: TypedTextSamples.nameOnTwoLines, phone: "02 47 96\u{0} 12 50", street: "12 rue des Écoles\nBcc: x",
            postalCode: "37130", city: "Langeais\r")))
        #expect(errors.errors.map(\.field) == ["displayName", "phone", "address-street", "address-city"])
        #expect(errors["displayName"] == TypedTextSamples.lineBreakMessage)
        #expect(errors["phone"]?.hasPrefix("Le numéro de téléphone contient un caractère invisible") == true)
        #expect(errors["address-street"] == "L'adresse (numéro et rue) doit tenir sur une seule ligne : retirez les retours à la ligne.")
        #expect(errors["address-city"] == "La commune de votre adresse doit tenir sur une seule ligne : retirez les retours à la ligne.")

        let saved = try accounts.updateProfile(form(name: "Marie\tPetit", street: "12 rue des E\u{301}coles", postalCode: "37130", city: "Langeais"),
                                               actor: resident, now: TestSupport.now)
        #expect(saved.displayName == "Marie Petit")
        #expect(saved.address?.street == "12 rue des \u{C9}coles")
    }
}

extension FranceServicesTests {
    @Test("An account made at the counter and a search hold the name to one line")
    func counterNamesAreOneLine() throws {
        #expect { try franceServices.createAccount(displayName: "Jean\r\nDupont", email: "jean.dupont@example.fr", communeInsee: "37123",
                                            birthDate: "12/05/1948", adviser: adviser, now: now) } throws: { error in
            guard case FranceServicesError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["displayName"]
                && errors["displayName"] == "Le nom de la personne doit tenir sur une seule ligne : retirez les retours à la ligne."
        }
        #expect { try franceServices.search(name: "Mar\ntin", email: "", birthDate: "", adviser: adviser, now: now) } throws: { error in
            guard case FranceServicesError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["nom"] && errors["nom"]?.hasPrefix("Le nom doit tenir sur une seule ligne") == true
        }
        #expect { try franceServices.search(name: "", email: "habitant@demo.cctoval.fr\r\n", birthDate: "", adviser: adviser, now: now) } throws: { error in
            guard case FranceServicesError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["email"]
        }
    }
}
