import PortalCore

/// The form of an invoice issued by hand: régie, payer, object, due date and five lines.
struct AgentInvoiceFormView {
    /// The inputs of one line, named `ligne-N-libelle`, `-periode`, `-quantite`, `-prix`.
    struct LineFields {
        let number: Int
        let label: FormField
        let period: FormField
        let quantity: FormField
        let unitPrice: FormField
    }

    let layout: LayoutContext
    let csrfToken: String
    let hasErrors: Bool
    let errors: [FieldErrorLink]
    let hasSeveralRegies: Bool
    let regieOptions: [AgentController.Option]
    let regieError: String?
    /// The régie, when the agent works for one only.
    let singleRegieId: String?
    let singleRegieName: String?
    let payer: FormField
    let object: FormField
    let dueOn: FormField
    let lines: [LineFields]
    /// An example due date for the hint, `JJ/MM/AAAA`.
    let exampleDue: String

    /// Lines offered on the form.
    static let lineCount = 5

    init(layout: LayoutContext, csrfToken: String, regies: [Regie], form: InvoiceForm, errors: ValidationErrors, exampleDue: CalendarDay) {
        self.layout = layout
        self.csrfToken = csrfToken
        hasErrors = !errors.isEmpty
        self.errors = errors.links
        hasSeveralRegies = regies.count > 1
        regieOptions = [AgentController.Option(value: "", label: "Choisissez la régie", selected: form.regieId.isEmpty)]
            + regies.map { AgentController.Option(value: $0.id, label: $0.name, selected: $0.id == form.regieId) }
        regieError = errors["regie"]
        singleRegieId = regies.count == 1 ? regies[0].id : nil
        singleRegieName = regies.count == 1 ? regies[0].name : nil
        payer = FormField(id: "payeur", value: form.payerEmail, error: errors["payeur"])
        object = FormField(id: "objet", value: form.object, error: errors["objet"])
        // A date input shows only `AAAA-MM-JJ`: a day typed `JJ/MM/AAAA` comes back in that form.
        dueOn = FormField(id: "echeance", value: CalendarDay(typed: form.dueOn)?.iso ?? form.dueOn, error: errors["echeance"])
        lines = (0..<Self.lineCount).map { index in
            let line = index < form.lines.count ? form.lines[index] : InvoiceForm.Line(label: "", quantity: "", unitPrice: "")
            func field(_ part: String, _ value: String) -> FormField {
                let id = InvoiceForm.lineField(index, part)
                return FormField(id: id, value: value, error: errors[id])
            }
            return LineFields(number: index + 1, label: field("libelle", line.label), period: field("periode", line.period),
                              quantity: field("quantite", line.quantity), unitPrice: field("prix", line.unitPrice))
        }
        self.exampleDue = SpreadsheetCSV.date(exampleDue)
    }
}
