import PortalHTTP

/// Invoices for their payers and for the régies' agents, the online payment's returns, and the built-in
/// PayFiP simulator's page and SOAP service when it takes the payments.
struct InvoiceRoutes: RouteCollection {
    let resident: ResidentInvoiceController
    let list: AgentInvoiceController
    let form: AgentInvoiceFormController
    let page: AgentInvoicePageController
    let importing: AgentInvoiceImportController
    let paymentReturn: PaymentReturnController
    /// Present when the built-in PayFiP simulator takes the payments.
    let simulator: PayFiPSimulatorController?
    /// The simulator's SOAP service, present with its pages.
    let simulatorSOAPService: PayFiPSimulatorSOAPService?

    func register(into routes: inout SiteRoutes) {
        let resident = self.resident, paymentReturn = self.paymentReturn
        routes.spacePage(.GET, ResidentInvoiceController.listPath) { context, _ in try resident.list(context) }
        routes.objectPage(.GET, "/mon-espace/factures/{id}") { context, id, _ in try resident.show(context, id: id) }
        routes.objectPage(.GET, "/mon-espace/factures/{id}/facture.pdf") { context, id, _ in try resident.pdf(context, id: id) }
        routes.objectPage(.POST, "/mon-espace/factures/{id}/payer") { context, id, _ in try resident.pay(context, id: id) }
        routes.objectPage(.GET, "/mon-espace/factures/{id}/recus/{payment}") { context, id, parameters in
            try resident.receipt(context, id: id, paymentId: try parameters.id("payment"))
        }

        routes.addUnprotected(.POST, PaymentGateway.notificationPath,
                              because: "PayFiP's server-to-server notification: nothing is believed until PayFiP is asked") {
            request, _ in try paymentReturn.notification(request)
        }
        routes.page(.GET, PaymentGateway.returnPath) { context, _ in try paymentReturn.payerReturn(context) }
        routes.addUnprotected(.POST, PaymentGateway.returnPath,
                              because: "the payer's return posted by PayFiP's page, another site: PayFiP is asked for the result") {
            _, context in try paymentReturn.payerReturn(context)
        }
        if let simulator {
            routes.page(.GET, PayFiPSimulatorController.pagePath) { context, _ in try simulator.page(context) }
            routes.addUnprotected(.POST, PayFiPSimulatorController.pagePath,
                                  because: "the simulator's payment page, PayFiP's stand-in: its payer cookie (SameSite=Strict) authenticates it") {
                _, context in try simulator.finish(context)
            }
        }
        if let soap = simulatorSOAPService {
            routes.addUnprotected(.POST, PayFiPSimulatorSOAPService.path,
                                  because: "the simulator's SOAP service, called with the key the portal holds") {
                request, _ in soap.respond(to: request)
            }
        }

        let list = self.list, form = self.form, page = self.page, importing = self.importing
        routes.spacePage(.GET, AgentInvoicePaths.list) { context, _ in try list.list(context) }
        routes.spacePage(.GET, AgentInvoicePaths.export) { context, _ in try list.export(context) }
        routes.spacePage(.GET, AgentInvoicePaths.paymentsExport) { context, _ in try list.paymentsExport(context) }
        routes.spacePage(.GET, AgentInvoicePaths.new) { context, _ in try form.show(context) }
        routes.spacePage(.POST, AgentInvoicePaths.new, keepsAnswersWhenStale: true) { context, _ in try form.issue(context) }
        routes.spacePage(.GET, AgentInvoicePaths.importFile) { context, _ in try importing.show(context) }
        routes.spacePage(.POST, AgentInvoicePaths.importFile) { context, _ in try importing.importFile(context) }
        routes.objectPage(.GET, "/agent/factures/{id}") { context, id, _ in try page.show(context, id: id) }
        routes.objectPage(.POST, "/agent/factures/{id}/encaissement") { context, id, _ in try page.recordPayment(context, id: id) }
        routes.objectPage(.POST, "/agent/factures/{id}/annulation") { context, id, _ in try page.cancel(context, id: id) }
        routes.objectPage(.POST, "/agent/factures/{id}/recouvrement") { context, id, _ in try page.sendToCollection(context, id: id) }
        routes.objectPage(.GET, "/agent/factures/{id}/recus/{payment}") { context, id, parameters in
            try page.receipt(context, id: id, paymentId: try parameters.id("payment"))
        }
    }
}
