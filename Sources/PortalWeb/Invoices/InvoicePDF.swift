import Foundation
import PortalCore
import PortalPDF

/// An invoice as an A4 PDF: the régie and its contact, the payer, the lines, the totals, and
/// how to pay. Long invoices continue on further pages.
enum InvoicePDF {
    static func render(_ detail: InvoiceDetail, organisation: Organisation?, payURL: String, now: Date) -> [UInt8] {
        let invoice = detail.invoice
        var writer = Writer()
        writer.heading(detail.regie.name, organisation: organisation)
        writer.title("Facture \(invoice.number)")
        writer.facts([
            ("Objet", invoice.object),
            ("Payeur", "\(detail.payerName) (\(detail.payerEmail))"),
            ("Émise le", invoice.issuedOn.french),
            ("À payer avant le", invoice.dueOn.french),
            ("Statut", invoice.status.label + (invoice.cancellationReason.map { " : \($0)" } ?? "")),
        ])
        writer.lines(invoice.lines)
        writer.totals([
            ("Total", invoice.totalCents), ("Déjà payé", invoice.paidCents), ("Reste à payer", invoice.remainingCents),
        ])
        if invoice.status.isOpen {
            writer.paragraph("""
                Payez en ligne par carte bancaire jusqu'au \(invoice.payableOnlineUntil.french) sur \(payURL), \
                ou auprès de la régie (espèces, chèque à l'ordre du Trésor public, carte bancaire).
                """)
        }
        writer.paragraph("Référence à rappeler pour tout paiement : \(invoice.number). Document édité \(FrenchDateTime.text(now)).")
        let document = PDFDocument(
            metadata: PDFMetadata(title: "Facture \(invoice.number)", author: detail.regie.name, creationDate: now),
            pages: writer.pages)
        return document.bytes()
    }

    /// Lays out blocks from the top of the page down, starting a new page when one is full.
    private struct Writer {
        static let margin = 56.0
        static let width = PDFSize.a4.width - 2 * margin
        var pages: [PDFPage] = [PDFPage()]
        var y = PDFSize.a4.height - margin

        private var page: PDFPage {
            get { pages[pages.count - 1] }
            set { pages[pages.count - 1] = newValue }
        }

        private mutating func room(_ height: Double) {
            if y - height < Self.margin {
                pages.append(PDFPage())
                y = PDFSize.a4.height - Self.margin
            }
        }

        mutating func heading(_ name: String, organisation: Organisation?) {
            page.drawText(name, x: Self.margin, y: y, font: .helveticaBold, size: 12)
            y -= 16
            let contact = [organisation?.address, [organisation?.postalCode, organisation?.city].compactMap { $0 }.joined(separator: " "),
                           organisation?.phone.map { "Téléphone : \($0)" }, organisation?.email].compactMap { $0 }.filter { !$0.isEmpty }
            for line in contact {
                page.drawText(line, x: Self.margin, y: y, size: 9, color: .gray(0.25))
                y -= 12
            }
            y -= 18
        }

        mutating func title(_ text: String) {
            page.drawText(text, x: Self.margin, y: y, font: .helveticaBold, size: 18)
            y -= 28
        }

        mutating func facts(_ facts: [(String, String)]) {
            for (label, value) in facts {
                room(14)
                page.drawText(label, x: Self.margin, y: y, font: .helveticaBold, size: 10)
                y = page.drawParagraph(value, x: Self.margin + 120, y: y, width: Self.width - 120, size: 10) - 2
            }
            y -= 12
        }

        mutating func lines(_ lines: [InvoiceLine]) {
            let columns = (label: Self.margin, quantity: Self.margin + 300, unit: Self.margin + 390, amount: Self.margin + Self.width)
            room(40)
            page.fillRectangle(x: Self.margin, y: y - 5, width: Self.width, height: 18, color: .gray(0.9))
            page.drawText("Désignation", x: columns.label + 4, y: y, font: .helveticaBold)
            page.drawText("Quantité", x: columns.quantity, y: y, font: .helveticaBold, alignment: .right)
            page.drawText("Prix unitaire", x: columns.unit, y: y, font: .helveticaBold, alignment: .right)
            page.drawText("Montant", x: columns.amount - 4, y: y, font: .helveticaBold, alignment: .right)
            y -= 20
            for line in lines {
                let label = line.label + (line.period.map { " – \($0)" } ?? "")
                room(16)
                let next = page.drawParagraph(label, x: columns.label + 4, y: y, width: 230)
                page.drawText(String(line.quantity), x: columns.quantity, y: y, alignment: .right)
                page.drawText(Euros.format(line.unitPriceCents), x: columns.unit, y: y, alignment: .right)
                page.drawText(Euros.format(line.amountCents), x: columns.amount - 4, y: y, alignment: .right)
                y = next - 4
                page.drawLine(fromX: Self.margin, fromY: y + 8, toX: Self.margin + Self.width, toY: y + 8, width: 0.3, color: .gray(0.7))
            }
            y -= 8
        }

        mutating func totals(_ totals: [(String, Int)]) {
            for (index, (label, cents)) in totals.enumerated() {
                room(16)
                let font: PDFFont = index == totals.count - 1 ? .helveticaBold : .helvetica
                page.drawText("\(label) : \(Euros.format(cents))", x: Self.margin + Self.width - 4, y: y, font: font, size: 11,
                              alignment: .right)
                y -= 16
            }
            y -= 12
        }

        mutating func paragraph(_ text: String) {
            room(30)
            y = page.drawParagraph(text, x: Self.margin, y: y, width: Self.width, size: 10) - 8
        }
    }
}
