import PortalCore
import Testing

/// The strict CSV reader of imported files: what spreadsheets write, in the encodings they use.
@Suite("CSV files as spreadsheets write them")
struct CSVTableTests {
    func table(_ text: String) throws -> CSVTable { try CSVTable(Array(text.utf8)) }

    @Test("Semicolons or commas, as the header uses; CRLF or LF; quotes around separators, quotes and line breaks")
    func syntax() throws {
        let semicolons = try table("a;b;c\r\n1;\"x; y\";\"dit \"\"bonjour\"\"\"\r\n2;\"deux\r\nlignes\";\r\n")
        #expect(semicolons.separator == ";")
        #expect(semicolons.header == ["a", "b", "c"])
        #expect(semicolons.rows.map(\.fields) == [["1", "x; y", "dit \"bonjour\""], ["2", "deux\r\nlignes", ""]])
        #expect(semicolons.rows.map(\.number) == [2, 3])

        let commas = try table("a,b\n\"1,5\",2\n\n3,4")
        #expect(commas.separator == ",")
        #expect(commas.rows.map(\.fields) == [["1,5", "2"], [""], ["3", "4"]])
        #expect(commas.rows.map(\.number) == [2, 3, 4], "a blank row keeps its number, as in the spreadsheet")
        #expect(commas.rows[1].isBlank)
        #expect(try table("montant;libellé\n12,50;Repas").rows[0].fields == ["12,50", "Repas"], "a comma in a value of a ; file")
        #expect(try table("\"a;b\",c\n1,2").separator == ",", "separators inside quotes do not count")
    }

    @Test("UTF-8 with or without its byte-order mark, or Windows-1252")
    func encodings() throws {
        let utf8 = try CSVTable([0xEF, 0xBB, 0xBF] + Array("libellé\nCrèche – été".utf8))
        #expect(utf8.header == ["libellé"])
        #expect(utf8.rows[0].fields == ["Crèche – été"])
        // "libellé\nCrèche – été œuvre 5 €" as Windows-1252 writes it.
        let windows: [UInt8] = Array("libell".utf8) + [0xE9, 0x0A] + Array("Cr".utf8) + [0xE8] + Array("che ".utf8) + [0x96]
            + Array(" ".utf8) + [0xE9] + Array("t".utf8) + [0xE9, 0x20, 0x9C] + Array("uvre 5 ".utf8) + [0x80]
        let decoded = try CSVTable(windows)
        #expect(decoded.header == ["libellé"])
        #expect(decoded.rows[0].fields == ["Crèche – été œuvre 5 €"])
    }

    @Test("Anything else is refused with what to do", arguments: [
        ([UInt8](), CSVTable.Problem.empty),
        ([0xEF, 0xBB, 0xBF, 0x0D, 0x0A], .empty),
        (Array("a;b\n1;x\"y\n".utf8), .misplacedQuote(row: 2)),
        (Array("a;b\n\"1\"x;y\n".utf8), .misplacedQuote(row: 2)),
        (Array("a;b\n1;\"jamais fermé\n".utf8), .unclosedQuote(row: 2)),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], .notText),
        (Array("a\n\u{81}".utf8).dropLast(2) + [0x81], .notText),
    ])
    func refused(bytes: [UInt8], problem: CSVTable.Problem) {
        #expect(throws: problem) { try CSVTable(bytes) }
    }

    @Test("Limits on size and rows")
    func limits() {
        let text = Array("a\n1\n2\n3\n".utf8)
        #expect(throws: CSVTable.Problem.tooManyRows(maxRows: 2)) { try CSVTable(text, limits: .init(maxRows: 2)) }
        #expect(throws: CSVTable.Problem.tooLarge(maxBytes: 4)) { try CSVTable(text, limits: .init(maxBytes: 4)) }
        #expect((try? CSVTable(text, limits: .init(maxRows: 3)))?.rows.count == 3)
        #expect(CSVTable.Problem.tooManyRows(maxRows: 20_000).message == "Le fichier dépasse 20000 lignes : découpez-le en plusieurs fichiers.")
    }
}
