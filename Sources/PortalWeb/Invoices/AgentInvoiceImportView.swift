import PortalCore

/// The import page: the file's format, the upload form, and the report of the last import.
struct AgentInvoiceImportView {
    struct Created {
        let number: String
        let path: String
        let object: String
        let total: String
    }

    struct Rejected {
        let line: Int
        let reference: String
        let reasons: [String]
    }

    let layout: LayoutContext
    let csrfToken: String
    let hasErrors: Bool
    let errors: [FieldErrorLink]
    let hasSeveralRegies: Bool
    let regieOptions: [AgentController.Option]
    let regieError: String?
    let singleRegieId: String?
    let singleRegieName: String?
    let fileError: String?
    let columns: [Column]
    /// Present after a successful import.
    let importedText: String?
    let created: [Created]
    let hasCreated: Bool
    let rejected: [Rejected]
    let hasRejected: Bool
    let rejectedText: String?
    let fileProblems: [String]
    let hasFileProblems: Bool

    /// One column of the file, as the page explains it.
    struct Column {
        let name: String
        let description: String
        let example: String
    }

    static let columns: [Column] = [
        Column(name: "reference", description: "Votre référence de la facture. Les lignes qui ont la même référence forment une seule facture ; une référence déjà importée est refusée.", example: "CANT-2026-03-001"),
        Column(name: "payeur_email", description: "L'adresse e-mail du compte du payeur sur le portail.", example: "camille.martin@example.fr"),
        Column(name: "objet", description: "L'objet de la facture (200 caractères au plus).", example: "Restauration scolaire – mars 2026"),
        Column(name: "echeance", description: "La date d'échéance, JJ/MM/AAAA ou AAAA-MM-JJ.", example: "30/04/2026"),
        Column(name: "libelle", description: "Ce qui est facturé sur la ligne.", example: "Repas"),
        Column(name: "periode", description: "Facultatif : la période ou la date de la ligne (la colonne peut manquer).", example: "Mars 2026"),
        Column(name: "quantite", description: "Un nombre entier de 1 à 9999.", example: "12"),
        Column(name: "prix_unitaire", description: "Le prix unitaire en euros.", example: "3,50"),
    ]

    init(layout: LayoutContext, csrfToken: String, regies: [Regie], regieId: String, errors: ValidationErrors, report: ImportReport?) {
        self.layout = layout
        self.csrfToken = csrfToken
        var links = errors.links
        if let report, !report.isImported {
            let message = report.fileProblems.isEmpty
                ? "Le fichier n'a pas été importé : \(report.rejectedLines.count == 1 ? "1 ligne est" : "\(report.rejectedLines.count) lignes sont") à corriger."
                : "Le fichier n'a pas été importé : il ne peut pas être lu."
            links.append(FieldErrorLink(field: report.fileProblems.isEmpty ? "lignes-refusees" : "fichier", message: message))
        }
        hasErrors = !links.isEmpty
        self.errors = links
        hasSeveralRegies = regies.count > 1
        regieOptions = [AgentController.Option(value: "", label: "Choisissez la régie", selected: regieId.isEmpty)]
            + regies.map { AgentController.Option(value: $0.id, label: $0.name, selected: $0.id == regieId) }
        regieError = errors["regie"]
        singleRegieId = regies.count == 1 ? regies[0].id : nil
        singleRegieName = regies.count == 1 ? regies[0].name : nil
        fileError = errors["fichier"]
        columns = Self.columns
        let created = report?.created ?? []
        if let report, report.isImported {
            let total = Euros.format(created.reduce(0) { $0 + $1.totalCents })
            importedText = created.count == 1
                ? "1 facture émise (\(created[0].number)), pour \(total). Son payeur en est prévenu par e-mail."
                : "\(created.count) factures émises, de \(created[0].number) à \(created[created.count - 1].number), pour \(total). Chaque payeur en est prévenu par e-mail."
        } else {
            importedText = nil
        }
        self.created = created.map {
            Created(number: $0.number, path: AgentInvoicePaths.invoice($0.id), object: $0.object, total: Euros.format($0.totalCents))
        }
        hasCreated = !created.isEmpty
        rejected = (report?.rejectedLines ?? []).map { Rejected(line: $0.line, reference: $0.reference, reasons: $0.reasons) }
        hasRejected = !rejected.isEmpty
        rejectedText = hasRejected ? "Rien n'a été importé. Corrigez ces lignes dans votre tableur, puis importez à nouveau tout le fichier." : nil
        fileProblems = report?.fileProblems ?? []
        hasFileProblems = !fileProblems.isEmpty
    }
}
