import Foundation
import PortalCore
import Testing

@Suite("Forms: reading and validating answers")
struct FormValidatorTests {
    let validator = SampleForm.validator
    let form = SampleForm.definition

    func page(_ id: String) throws -> FormPage {
        try #require(form.page(id: id))
    }

    @Test("A complete page gives normalised answers and no error")
    func completePage() throws {
        let result = validator.validate(try page("contact"), input: FormInput([
            "courriel": [" Marie.Petit@Example.fr "], "telephone": ["+33 2 47 12.34.56"], "commune": ["37123"],
            "adresse-street": ["3 rue de la Loire"], "adresse-postal-code": ["37 130"], "adresse-city": ["Langeais"],
            "code": [""],
        ]), previous: FormAnswers())
        #expect(result.errors.isEmpty)
        #expect(result.answers["courriel"] == .text("marie.petit@example.fr"))
        #expect(result.answers["telephone"] == .text("02 47 12 34 56"))
        #expect(result.answers["adresse"] == .address(PostalAddress(street: "3 rue de la Loire", postalCode: "37130", city: "Langeais")))
        #expect(result.answers["code"] == nil, "an optional field left empty has no answer")
    }

    @Test("Each wrong answer gets its own French message on its field")
    func wrongAnswers() throws {
        let result = validator.validate(try page("contact"), input: FormInput([
            "courriel": ["marie"], "telephone": ["12345"], "commune": ["75056"],
            "adresse-street": ["3 rue de la Loire"], "adresse-postal-code": ["3713"], "adresse-city": ["Langeais"],
            "code": ["ABCDE"],
        ]), previous: FormAnswers())
        #expect(result.errors["courriel"] == "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.")
        #expect(result.errors["telephone"] == "Saisissez un numéro de téléphone français, par exemple 02 47 12 34 56.")
        #expect(result.errors["commune"] == "Choisissez une commune dans la liste.")
        #expect(result.errors["adresse"] == "Saisissez un code postal de 5 chiffres, par exemple 37130.")
        #expect(result.errors["code"] == "Saisissez un code postal de 5 chiffres, par exemple 37130.")
        #expect(result.errors.errors.map(\.field) == ["courriel", "telephone", "commune", "adresse", "code"], "in page order")
    }

    @Test("Required questions left empty say what to do")
    func missing() throws {
        let result = validator.validate(try page("enfant"), input: FormInput(), previous: FormAnswers())
        #expect(result.errors["prenom"] == "Saisissez le prénom de l'enfant.")
        #expect(result.errors["naissance"] == "Saisissez une date.")
        #expect(result.errors["ne"] == "Choisissez une réponse.")
    }

    @Test("Dates must exist and stay within their bounds", arguments: [
        (["31", "4", "2025"], "Saisissez une date réelle, par exemple 27 3 2007."),
        (["29", "2", "2025"], "Saisissez une date réelle, par exemple 27 3 2007."),
        (["1", "1", "25"], "Saisissez une date réelle, par exemple 27 3 2007."),
        (["1", "1", "2020"], "La date doit être le 2 mars 2022 ou après."),
        (["1", "1", "2027"], "La date doit être le 26 novembre 2026 ou avant."),
    ])
    func dates(parts: [String], message: String) throws {
        let result = validator.validate(try page("enfant"), input: FormInput([
            "prenom": ["Léo"], "naissance-day": [parts[0]], "naissance-month": [parts[1]], "naissance-year": [parts[2]], "ne": ["oui"],
        ]), previous: FormAnswers())
        #expect(result.errors["naissance"] == message)
    }

    @Test("A valid date is kept as YYYY-MM-DD")
    func validDate() throws {
        let result = validator.validate(try page("enfant"), input: FormInput([
            "prenom": ["Léo"], "naissance-day": ["29"], "naissance-month": ["2"], "naissance-year": ["2024"], "ne": ["oui"],
        ]), previous: FormAnswers())
        #expect(result.errors.isEmpty)
        #expect(result.answers["naissance"] == .text("2024-02-29"))
    }

    @Test("Choices accept only their own values; a field shown by a condition on the same page is checked")
    func choices() throws {
        let forged = validator.validate(try page("accueil"), input: FormInput(["type": ["creche-privee"]]), previous: FormAnswers())
        #expect(forged.errors["type"] == "Choisissez une réponse dans la liste.")
        let regular = validator.validate(try page("accueil"), input: FormInput(["type": ["regulier"]]), previous: FormAnswers())
        #expect(regular.errors["jours"] == "Cochez au moins une réponse.")
        let occasional = validator.validate(try page("accueil"), input: FormInput(["type": ["occasionnel"], "jours": ["lundi"]]), previous: FormAnswers())
        #expect(occasional.errors.isEmpty)
        #expect(occasional.answers["jours"] == nil, "a hidden field keeps no answer")
        let days = validator.validate(try page("accueil"), input: FormInput(["type": ["regulier"], "jours": ["jeudi", "lundi", "jeudi"]]), previous: FormAnswers())
        #expect(days.answers["jours"] == .choices(["lundi", "jeudi"]))
    }

    @Test("Numbers and lengths respect their bounds")
    func bounds() throws {
        let tooMany = validator.validate(try page("accueil"), input: FormInput(["type": ["occasionnel"], "heures": ["60"]]), previous: FormAnswers())
        #expect(tooMany.errors["heures"] == "Le nombre doit être au plus 55.")
        let notNumber = validator.validate(try page("accueil"), input: FormInput(["type": ["occasionnel"], "heures": ["dix"]]), previous: FormAnswers())
        #expect(notNumber.errors["heures"] == "Saisissez un nombre entier, par exemple 3.")
        let long = validator.validate(try page("enfant"), input: FormInput([
            "prenom": [String(repeating: "é", count: 51)], "naissance-day": ["1"], "naissance-month": ["1"], "naissance-year": ["2025"], "ne": ["oui"],
        ]), previous: FormAnswers())
        #expect(long.errors["prenom"] == "Votre réponse doit contenir au plus 50 caractères.")
    }

    @Test("Answering a page again replaces its earlier answers and keeps the others")
    func replacesPageAnswers() throws {
        let first = validator.validate(try page("accueil"), input: FormInput(["type": ["regulier"], "jours": ["lundi"]]),
                                       previous: FormAnswers(["prenom": .text("Léo")]))
        let second = validator.validate(try page("accueil"), input: FormInput(["type": ["occasionnel"]]), previous: first.answers)
        #expect(second.answers["jours"] == nil)
        #expect(second.answers["type"] == .text("occasionnel"))
        #expect(second.answers["prenom"] == .text("Léo"))
    }
}

@Suite("Forms: pages, conditions and endings")
struct FormNavigationTests {
    let form = SampleForm.definition

    @Test("A page is asked only when its condition holds")
    func conditionalPage() {
        let born = FormAnswers(["ne": .text("oui")])
        let expected = FormAnswers(["ne": .text("non")])
        #expect(form.visiblePages(for: born).map(\.id) == ["enfant", "accueil", "contact"])
        #expect(form.page(after: "accueil", answers: born)?.id == "contact")
        #expect(form.page(after: "accueil", answers: expected)?.id == "naissance-prevue")
        #expect(form.page(after: "contact", answers: expected) == nil)
    }

    @Test("A choice with an ending stops the form with its explanation")
    func ending() {
        #expect(form.ending(for: FormAnswers(["type": .text("scolaire")]))?.title == "Ce n'est pas une crèche")
        #expect(form.ending(for: FormAnswers(["type": .text("regulier")])) == nil)
    }

    @Test("Answers to questions hidden by a later change are not filed")
    func filedAnswers() {
        let answers = FormAnswers(["ne": .text("oui"), "maternite": .text("Tours"), "type": .text("regulier"), "jours": .choices(["lundi"])])
        let filed = form.filedAnswers(answers)
        #expect(filed["maternite"] == nil)
        #expect(filed["jours"] == .choices(["lundi"]))
    }

    @Test("Form definitions survive a JSON round trip, with defaults for omitted keys")
    func json() throws {
        let data = try JSONEncoder().encode(form)
        #expect(try JSONDecoder().decode(FormDefinition.self, from: data) == form)
        let minimal = #"{"id": "note", "kind": "explanation", "label": "Lisez ceci."}"#
        let field = try JSONDecoder().decode(FieldDefinition.self, from: Data(minimal.utf8))
        #expect(field.required == false)
        #expect(field.choices.isEmpty)
    }
}
