import Foundation
import PortalCore
import PortalHTTP

/// Importing a batch of invoices from a CSV file (`multipart/form-data`): all of them or none,
/// with the report of every rejected line.
struct AgentInvoiceImportController: Sendable {
    let invoices: Invoices
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// `GET /agent/factures/import`.
    func show(_ context: RequestContext) throws -> HTTPResponse {
        let regies = try invoices.billingRegies(of: context.account)
        return render(context, regies: regies, regieId: regies.count == 1 ? regies[0].id : "", errors: ValidationErrors(), report: nil,
                      status: .ok)
    }

    /// `POST /agent/factures/import`: `regie` and the file `fichier`.
    func importFile(_ context: RequestContext) throws -> HTTPResponse {
        let form = try context.postedForm()
        let regies = try invoices.billingRegies(of: context.account)
        let regieId = form["regie"] ?? ""
        var errors = ValidationErrors()
        guard let file = form.files.first(where: { $0.name == "fichier" && !($0.filename.isEmpty && $0.data.isEmpty) }) else {
            if !regies.contains(where: { $0.id == regieId }) { errors.add("Choisissez la régie qui émet les factures.", for: "regie") }
            errors.add("Choisissez le fichier CSV à importer.", for: "fichier")
            return render(context, regies: regies, regieId: regieId, errors: errors, report: nil, status: .unprocessableContent)
        }
        do {
            let report = try invoices.importInvoices(csv: file.data, regieId: regieId, actor: context.account, now: now())
            return render(context, regies: regies, regieId: regieId, errors: errors, report: report,
                          status: report.isImported ? .ok : .unprocessableContent)
        } catch InvoiceError.invalid(let invalid) {
            return render(context, regies: regies, regieId: regieId, errors: invalid, report: nil, status: .unprocessableContent)
        }
    }

    private func render(_ context: RequestContext, regies: [Regie], regieId: String, errors: ValidationErrors, report: ImportReport?,
                        status: HTTPStatus) -> HTTPResponse {
        let title = report?.isImported == true ? "Factures importées" : "Importer des factures"
        let view = AgentInvoiceImportView(
            layout: pages.layout(title, context, hasErrors: !errors.isEmpty || report?.isImported == false), csrfToken: context.csrfToken,
            regies: regies, regieId: regieId, errors: errors, report: report)
        return pages.page("agent-invoices/import", view, context, status: status)
    }
}
