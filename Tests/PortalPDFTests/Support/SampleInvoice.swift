import Foundation
import PortalPDF

/// A two-page invoice and receipt in French, drawn the way the portal will draw them, with the
/// strings a reader must give back.
enum SampleInvoice {
    static let title = "Facture F-EAU-26-000042"
    static let issuer = "Communauté de communes Touraine Ouest Val de Loire"
    static let dates = "Émise le 12 mars 2026 — à payer avant le 12 avril 2026"
    static let address = ["Mme Hélène Lefèvre-Bœuf", "3 rue de l’Église", "37130 Langeais"]
    static let rows = [
        ("Abonnement eau potable – 1er semestre 2026", "48,20 €"),
        ("Consommation : 152 m³ × 2,13 €", "323,76 €"),
        ("Redevance « pollution domestique » (Agence de l’eau)", "862,60 €"),
    ]
    /// With the no-break spaces French typography and Swift's number formatting put in.
    static let total = "Total à payer\u{00A0}: 1\u{202F}234,56\u{00A0}€"
    static let note = """
        Vous pouvez payer en ligne sur le portail citoyen, par prélèvement ou auprès de la trésorerie \
        de Langeais. En cas de difficulté, le service « Eau » vous répond du lundi au vendredi ; \
        n’hésitez pas à l’appeler… Réclamation : 2 mois à compter de la réception de cette facture.
        """
    static let accents = "Œuvre, cœur, Ÿ ÿ æ Æ ï î û ù ü ö ô ë ê è é â ä à ç Ç É È À Ê Ô Î Û — 20 °C, 3 m²"
    static let receiptTitle = "Reçu"
    static let receipt = [
        "Paiement reçu le 15 mars 2026 à 10 h 42 pour la facture F-EAU-26-000042.",
        "Montant réglé\u{00A0}: 1\u{202F}234,56\u{00A0}€",
        "Guillemets « français » et “anglais”, apostrophes ’ ‘ et tirets – —",
    ]

    /// The paragraph's font, size and width, so a test can wrap it the same way.
    static let noteFont = PDFFont.helvetica
    static let noteSize = 10.0
    static let noteWidth = 300.0

    static let left = 56.0
    static let right = 539.28
    static let blue = PDFColor.rgb(hex: 0x000091)

    static var document: PDFDocument {
        var invoice = PDFPage()
        invoice.fillRectangle(x: 0, y: 801.89, width: 595.28, height: 40, color: blue)
        invoice.drawText(issuer, x: left, y: 816, font: .helveticaBold, size: 11, color: .white)
        invoice.drawText(title, x: left, y: 750, font: .helveticaBold, size: 20, color: blue)
        invoice.drawText(dates, x: left, y: 730, size: 10, color: .gray(0.3))
        for (index, line) in address.enumerated() {
            invoice.drawText(line, x: 340, y: 690 - 14 * Double(index), size: 11)
        }
        invoice.drawText("Désignation", x: left, y: 600, font: .helveticaBold)
        invoice.drawText("Montant", x: right, y: 600, font: .helveticaBold, alignment: .right)
        invoice.drawLine(fromX: left, fromY: 594, toX: right, toY: 594, width: 1, color: blue)
        for (index, (label, amount)) in rows.enumerated() {
            let baseline = 578 - 18 * Double(index)
            invoice.drawText(label, x: left, y: baseline)
            invoice.drawText(amount, x: right, y: baseline, alignment: .right)
        }
        invoice.strokeRectangle(x: 300, y: 500, width: right - 300, height: 30, lineWidth: 1, color: blue)
        invoice.drawText(total, x: right - 10, y: 511, font: .helveticaBold, size: 12, alignment: .right)
        invoice.drawParagraph(note, x: left, y: 460, width: noteWidth, font: noteFont, size: noteSize)
        invoice.drawText(accents, x: left, y: 380, font: .helveticaOblique, size: 9)

        var receiptPage = PDFPage()
        receiptPage.drawText(receiptTitle, x: left, y: 750, font: .helveticaBold, size: 20, color: blue)
        for (index, line) in receipt.enumerated() {
            receiptPage.drawText(line, x: left, y: 710 - 18 * Double(index), size: 11)
        }

        let metadata = PDFMetadata(title: title, author: "CCTOVAL — service de l’eau",
                                   creationDate: Date(timeIntervalSince1970: 1_773_325_800))
        return PDFDocument(metadata: metadata, pages: [invoice, receiptPage])
    }
}
