import Testing
import PortalPDF

@Suite("Wrapping paragraphs to a width")
struct PDFFontWrappingTests {
    let text = """
        Vous pouvez payer en ligne sur le portail citoyen, par prélèvement ou auprès de la trésorerie \
        de Langeais. Le total de 1\u{202F}234,56\u{00A0}€ est dû avant le 12 avril.
        """

    @Test("each line fits the width, and the lines put back together give the text")
    func fitsAndKeepsWords() {
        for width in [80.0, 150, 300, 1000] {
            let lines = PDFFont.helvetica.wrap(text, size: 10, width: width)
            #expect(lines.allSatisfy { PDFFont.helvetica.width(of: $0, size: 10) <= width }, "width \(width)")
            #expect(lines.joined(separator: " ") == text, "width \(width)")
            #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        }
        #expect(PDFFont.helvetica.wrap(text, size: 10, width: 1000).count == 1)
    }

    @Test("lines are filled greedily: the next word would not have fitted")
    func greedy() {
        let width = 150.0
        let lines = PDFFont.helvetica.wrap(text, size: 10, width: width)
        for (line, next) in zip(lines, lines.dropFirst()) {
            let nextWord = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(PDFFont.helvetica.width(of: line + " " + nextWord, size: 10) > width)
        }
    }

    @Test("no-break spaces keep an amount and its unit together")
    func noBreakSpaces() {
        let lines = PDFFont.helvetica.wrap("Montant 1\u{202F}234,56\u{00A0}€", size: 10, width: 60)
        #expect(lines == ["Montant", "1\u{202F}234,56\u{00A0}€"])
    }

    @Test("line breaks start new lines, empty lines stay, runs of spaces count as one")
    func lineBreaks() {
        let lines = PDFFont.helvetica.wrap("Madame,\n\nVotre   demande\r\nest reçue.", size: 10, width: 500)
        #expect(lines == ["Madame,", "", "Votre demande", "est reçue."])
        #expect(PDFFont.helvetica.wrap("", size: 10, width: 100) == [""])
    }

    @Test("a word wider than the width is cut between characters, never lost")
    func longWord() {
        let reference = "https://portail.cctoval.fr/mon-espace/factures/F-EAU-26-000042"
        let lines = PDFFont.helvetica.wrap("Voir \(reference)", size: 10, width: 100)
        #expect(lines.first == "Voir")
        #expect(lines.dropFirst().joined() == reference)
        #expect(lines.allSatisfy { PDFFont.helvetica.width(of: $0, size: 10) <= 100 })
        #expect(PDFFont.helvetica.wrap("Éé", size: 10, width: 1) == ["É", "é"], "at least one character per line")
    }
}
