import Foundation
import PortalCore
import Testing

@Suite("Search")
struct SearchTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try Catalogue(database: try TestSupport.database())
    }

    @Test("Residents' words find the procedure first, whatever the case and accents", arguments: [
        ("cantine", "cantine-scolaire"),
        ("creche", "inscription-creche"),
        ("CRÈCHE", "inscription-creche"),
        ("déchetterie", "carte-decheterie"),
        ("dechetterie", "carte-decheterie"),
        ("decheterie", "carte-decheterie"),
        ("acte de naissance", "acte-de-naissance"),
        ("permis de construire", "permis-de-construire"),
        ("passeport", "passeport"),
        ("CNI", "carte-identite"),
        ("cni", "carte-identite"),
        ("cant", "cantine-scolaire"),
        ("l'acte de naissance", "acte-de-naissance"),
        ("extrait naissance", "acte-de-naissance"),
    ])
    func finds(query: String, slug: String) throws {
        let results = try catalogue.search(query, commune: nil)
        #expect(results.first?.slug == slug, "\(query) → \(results.map(\.slug))")
    }

    @Test("The title weighs more than the description")
    func ranking() throws {
        // "acte" is in the title of the birth certificate and only in the
        // description of the building permit.
        let results = try catalogue.search("acte", commune: nil).map(\.slug)
        #expect(results == ["acte-de-naissance", "permis-de-construire"])
    }

    @Test("When no procedure has every word, procedures with some of them are offered")
    func anyWord() throws {
        let results = try catalogue.search("passeport perdu à Tours", commune: nil).map(\.slug)
        #expect(results == ["passeport"])
    }

    @Test("Hostile or empty input never fails", arguments: [
        "", " ", "\"", "\"\"", "*", "-", "(", ")", "((", "NEAR", "AND", "OR", "NOT", "a AND", "NEAR(a b)",
        "title:passeport", "^passeport", "passe*port", "-passeport", "'; DROP TABLE procedure; --", "%", "🙂",
        "\u{0}", String(repeating: "cantine ", count: 500),
    ])
    func hostile(input: String) throws {
        let results = try catalogue.search(input, commune: nil)
        #expect(results.count <= 50)
    }

    @Test("Operators typed by a resident are searched as words, not obeyed")
    func operatorsAreWords() throws {
        #expect(try catalogue.search("passeport -passeport", commune: nil).map(\.slug) == ["passeport"])
        #expect(try catalogue.search("title:passeport", commune: nil).map(\.slug) == ["passeport"])
        #expect(try catalogue.search("NEAR", commune: nil).isEmpty)
    }

    @Test("For a commune, a procedure not offered there is flagged")
    func communeFlag() throws {
        let inLuble = try #require(try catalogue.search("naissance", commune: "37137").first)
        #expect(inLuble.isOffered == false)
        #expect(inLuble.note == "Adressez-vous au service en ligne.")
        #expect(try catalogue.search("naissance", commune: "37123").first?.isOffered == true)
    }

    @Test("The limit is obeyed")
    func limit() throws {
        #expect(try catalogue.search("inscrire", commune: nil, limit: 2).count == 2)
        #expect(try catalogue.search("inscrire", commune: nil, limit: 0).isEmpty)
    }

    @Test("The portal's own catalogue answers residents' words", arguments: [
        ("cantine", "cantine"), ("creche", "crèche"), ("déchetterie", "déchèterie"), ("dechetterie", "déchèterie"),
        ("acte de naissance", "naissance"), ("permis de construire", "permis de construire"),
        ("passeport", "passeport"), ("CNI", "identité"), ("cant", "cantine"),
    ])
    func realSeed(query: String, expectedInTitle: String) throws {
        let database = try TestSupport.database(seed: TestSupport.realSeed)
        let first = try #require(try Catalogue(database: database).search(query, commune: nil).first, "\(query): nothing")
        let fold = { (text: String) in text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        #expect(fold(first.title).contains(fold(expectedInTitle)), "\(query) → \(first.title)")
    }
}
