import Foundation
import GRDB
import PortalCore
import Testing

/// Importing a régie's invoices from a CSV file: all of them, numbered one after the other, or
/// none, with every rejected line and why.
@Suite("Invoices: importing a CSV file")
struct InvoiceImportTests {
    let fixture: InvoiceFixture

    init() throws {
        fixture = try InvoiceFixture()
    }

    var agent: Account? { fixture.accounts["agent.langeais"] }

    static let header = "payeur_email;objet;echeance;libelle;periode;quantite;prix_unitaire;reference"

    /// A file of two invoices: three lines for Camille Martin, one for Léa Dubois.
    static let good = """
        \(header)\r
        habitant@demo.cctoval.fr;Restauration scolaire – mars 2026;30/04/2026;Repas;Mars 2026;12;3,50;CANT-2026-03-001\r
        habitant@demo.cctoval.fr;Restauration scolaire – mars 2026;30/04/2026;"Goûter; lait et fruit";Mars 2026;12;0,80;CANT-2026-03-001\r
        habitante.bourgueil@demo.cctoval.fr;"Location de la salle ""Les Tilleuls\"\"";2026-04-15;Salle;12/04/2026;1;150;SALLE-0042\r
        habitant@demo.cctoval.fr;Restauration scolaire – mars 2026;30/04/2026;Frais de dossier;;1;5;CANT-2026-03-001\r

        """

    func importing(_ text: String, regie: String = "mairie-37123") throws -> ImportReport {
        try fixture.invoices.importInvoices(csv: Array(text.utf8), regieId: regie, actor: agent, now: fixture.now)
    }

    func invoiceCount() throws -> Int {
        try fixture.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice") ?? 0 }
    }

    @Test("A good file issues every invoice in one go, numbered in order, and tells each payer")
    func goodFile() throws {
        let report = try importing(Self.good)
        #expect(report.isImported)
        #expect(report.created.map(\.number) == ["F-37123-26-000001", "F-37123-26-000002"])
        let canteen = report.created[0]
        #expect(canteen.externalReference == "CANT-2026-03-001")
        #expect(canteen.lines.map(\.label) == ["Repas", "Goûter; lait et fruit", "Frais de dossier"])
        #expect(canteen.lines.map(\.period) == ["Mars 2026", "Mars 2026", nil])
        #expect(canteen.totalCents == 12 * 350 + 12 * 80 + 500)
        #expect(canteen.dueOn == CalendarDay(year: 2026, month: 4, day: 30))
        #expect(report.created[1].object == "Location de la salle \"Les Tilleuls\"")
        #expect(report.created[1].dueOn == CalendarDay(year: 2026, month: 4, day: 15))
        let subjects = try fixture.outbox.due(now: fixture.now).map(\.message.subject)
        #expect(subjects == ["Nouvelle facture F-37123-26-000001 : 56,60\u{202F}€", "Nouvelle facture F-37123-26-000002 : 150,00\u{202F}€"])

        // The same file again: its references are known, nothing is issued twice.
        let again = try importing(Self.good)
        #expect(!again.isImported)
        #expect(again.rejectedLines.map(\.line) == [2, 3, 4, 5])
        #expect(again.rejectedLines[2].reasons == ["La facture de référence « SALLE-0042 » a déjà été importée : facture F-37123-26-000002."])
        #expect(try invoiceCount() == 2)
    }

    @Test("One bad line and nothing is imported; every wrong line is listed with all its reasons")
    func badLines() throws {
        let report = try importing("""
            \(Self.header)
            habitant@demo.cctoval.fr;Cantine;30/04/2026;Repas;;12;3,50;A-1
            inconnu@example.org;Cantine;30/04/2026;Repas;;2;3,50;A-2
            habitant@demo.cctoval.fr;Cantine;31/04/2026;Repas;;deux;3.505;A-3
            habitant@demo.cctoval.fr;Cantine;30/04/2026;Goûter;;1;0,80;A-1
            habitant@demo.cctoval.fr;Autre chose;30/04/2026;Goûter;;1;0,80;A-1
            habitant@demo.cctoval.fr;Cantine;30/04/2026;Repas;;1;3,50
            habitant@demo.cctoval.fr;Cantine;30/04/2026;Repas;;1;3,50;
            ;;;;;;;
            habitant@demo.cctoval.fr;Cantine;01/01/2026;;;;;A-4
            """)
        #expect(!report.isImported)
        #expect(report.created.isEmpty)
        #expect(try invoiceCount() == 0)
        #expect(try fixture.outbox.due(now: fixture.now).isEmpty, "nobody is told of anything")
        let lines = Dictionary(uniqueKeysWithValues: report.rejectedLines.map { ($0.line, $0.reasons) })
        #expect(report.rejectedLines.map(\.line) == [3, 4, 6, 7, 8, 10], "lines 2 and 5 are right; line 9 is blank")
        #expect(lines[3]?.first?.hasPrefix("Aucun compte d'habitant ne correspond à cette adresse e-mail.") == true)
        #expect(lines[4] == [
            "Saisissez la date d'échéance, par exemple 31/12/2026.",
            "La quantité de la ligne 4 doit être un nombre entier de 1 à 9999.",
            "Le prix unitaire de la ligne 4 doit être un montant en euros, par exemple 12,50.",
        ])
        #expect(lines[6] == ["""
            Même référence « A-1 » que la ligne 2, mais un autre objet : les lignes d'une facture ont le même payeur, \
            le même objet et la même échéance.
            """])
        #expect(lines[7] == ["La ligne a 7 colonnes au lieu de 8, comme la ligne d'en-tête."])
        #expect(lines[8] == ["Indiquez la référence de la facture (colonne « reference »)."])
        #expect(lines[10] == [
            "Saisissez le libellé, la quantité et le prix unitaire de la ligne 10.",
            "La date d'échéance ne peut pas être passée.",
            "Saisissez au moins une ligne : libellé, quantité et prix unitaire.",
        ])
        #expect(report.rejectedLines.first { $0.line == 4 }?.reference == "A-3")
    }

    @Test("Commas, Windows-1252 accents, capitals and another column order are read alike")
    func otherSpreadsheets() throws {
        let text = "Reference,Quantite,Prix_unitaire,Libelle,Objet,Echeance,Payeur_email\n"
            + "R-1,2,\"12,50\",Cr\u{E8}che \u{2013} f\u{E9}vrier,Accueil du mercredi,15/04/2026,habitant@demo.cctoval.fr\n"
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars { bytes.append(scalar == "\u{2013}" ? 0x96 : UInt8(scalar.value)) }
        let report = try fixture.invoices.importInvoices(csv: bytes, regieId: "mairie-37123", actor: agent, now: fixture.now)
        #expect(report.isImported)
        #expect(report.created.first?.lines == [InvoiceLine(label: "Crèche – février", quantity: 2, unitPriceCents: 1250)])
    }

    @Test("A file that cannot be read says why, and imports nothing")
    func unreadableFiles() throws {
        #expect(try importing("").fileProblems == ["Le fichier est vide."])
        #expect(try importing(Self.header + "\n").fileProblems == ["Le fichier ne contient aucune facture : seulement sa ligne d'en-tête."])
        #expect(try importing("payeur_email;objet;echeance;libelle;quantite;reference\nx;y;z;l;1;r").fileProblems == [
            "Il manque la colonne « prix_unitaire » dans la ligne d'en-tête.",
        ])
        #expect(try importing("objet;objet;payeur_email;echeance;libelle;quantite;prix_unitaire;reference\n").fileProblems == [
            "La colonne « objet » apparaît deux fois.",
        ])
        #expect(try importing(Self.header + "\nhabitant@demo.cctoval.fr;\"Cantine;30/04/2026").fileProblems == [
            "Ligne 2 : un guillemet ouvert n'est jamais fermé.",
        ])
        #expect(try invoiceCount() == 0)
    }

    @Test("Only the agent's own régies import; nobody else imports")
    func permissions() throws {
        #expect { try importing(Self.good, regie: "mairie-37031") } throws: { error in
            guard case InvoiceError.invalid(let errors) = error else { return false }
            return errors["regie"] == "Choisissez la régie qui émet les factures."
        }
        #expect(throws: InvoiceError.notFound) {
            try fixture.invoices.importInvoices(csv: Array(Self.good.utf8), regieId: "mairie-37123", actor: fixture.accounts["habitant"],
                                                now: fixture.now)
        }
        #expect(try invoiceCount() == 0)
    }
}
