import PortalCore
import PortalHTTP

/// The routes of the France Services counter (`/guichet…`) and the resident's page about it
/// (`/mon-espace/france-services…`), each reachable by its space's role only (``SiteRoutes/spacePage(_:_:fallback:keepsAnswersWhenStale:_:)``).
struct FranceServicesRoutes: RouteCollection {
    let home: FranceServicesHomeController
    let accounts: FranceServicesAccountController
    let residents: FranceServicesResidentController
    let invoices: FranceServicesInvoiceController
    let documents: FranceServicesDocumentController
    let household: FranceServicesHouseholdController
    let filing: FranceServicesFilingController
    let receipts: FranceServicesReceiptController
    let residentSpace: ResidentFranceServicesController

    func register(into routes: inout SiteRoutes) {
        /// A page of a signed-in space: advisers' under `/guichet`, the resident's under `/mon-espace`.
        func page(_ method: HTTPMethod, _ pattern: String, fallback: String? = nil, keepsAnswersWhenStale: Bool = false,
                  _ handler: @escaping PageHandler) {
            routes.spacePage(method, pattern, fallback: fallback, keepsAnswersWhenStale: keepsAnswersWhenStale, handler)
        }

        let home = self.home, accounts = self.accounts
        page(.GET, FranceServicesPaths.home) { context, _ in try home.home(context) }
        page(.GET, FranceServicesPaths.newAccount) { context, _ in try accounts.show(context) }
        page(.POST, FranceServicesPaths.newAccount, keepsAnswersWhenStale: true) { context, _ in try accounts.create(context) }

        let residents = self.residents
        page(.GET, "/guichet/habitants/{id}") { context, parameters in try residents.show(context, id: try parameters.id("id")) }
        page(.GET, "/guichet/habitants/{id}/recapitulatif") { context, parameters in
            try residents.summary(context, id: try parameters.id("id"))
        }
        page(.POST, "/guichet/habitants/{id}/code") { context, parameters in try residents.sendCode(context, id: try parameters.id("id")) }
        page(.POST, "/guichet/habitants/{id}/mandat", keepsAnswersWhenStale: true) { context, parameters in try residents.record(context, id: try parameters.id("id")) }
        page(.POST, "/guichet/mandats/{id}/revocation") { context, parameters in
            try residents.revoke(context, mandateId: try parameters.id("id"))
        }

        /// A page about the resident `{id}`.
        func residentPage(_ method: HTTPMethod, _ suffix: String, keepsAnswersWhenStale: Bool = false,
                          _ handler: @escaping @Sendable (RequestContext, Int64, RouteParameters) throws -> HTTPResponse) {
            page(method, "/guichet/habitants/{id}" + suffix, keepsAnswersWhenStale: keepsAnswersWhenStale) { context, parameters in
                try handler(context, try parameters.id("id"), parameters)
            }
        }
        let invoices = self.invoices, documents = self.documents, household = self.household, filing = self.filing
        let receipts = self.receipts
        residentPage(.GET, "/factures") { context, id, _ in try invoices.list(context, resident: id) }
        residentPage(.GET, "/factures/{invoice}") { context, id, parameters in
            try invoices.show(context, resident: id, invoice: try parameters.id("invoice"))
        }
        residentPage(.POST, "/factures/{invoice}", keepsAnswersWhenStale: true) { context, id, parameters in
            try invoices.declare(context, resident: id, invoice: try parameters.id("invoice"))
        }
        residentPage(.GET, "/pieces") { context, id, _ in try documents.list(context, resident: id) }
        residentPage(.POST, "/pieces/{request}") { context, id, parameters in
            try documents.supply(context, resident: id, request: try parameters.id("request"))
        }
        residentPage(.GET, "/foyer") { context, id, _ in try household.show(context, resident: id) }
        residentPage(.POST, "/inscriptions", keepsAnswersWhenStale: true) { context, id, _ in try household.register(context, resident: id) }
        residentPage(.GET, "/recepisse") { context, id, _ in try receipts.show(context, resident: id) }

        residentPage(.GET, "/demandes") { context, id, _ in try filing.list(context, resident: id) }
        residentPage(.POST, "/demandes") { context, id, _ in try filing.start(context, resident: id) }
        /// A filing page of the resident's draft `{draft}`, served by ``FilingController``.
        func draftPage(_ method: HTTPMethod, _ suffix: String, keepsAnswersWhenStale: Bool = false,
                       _ handler: @escaping @Sendable (FilingController, RequestContext, Int64, FilingPlace, RouteParameters) throws -> HTTPResponse) {
            residentPage(method, "/demandes/{draft}" + suffix, keepsAnswersWhenStale: keepsAnswersWhenStale) { context, id, parameters in
                let draft = try parameters.id("draft")
                return try filing.draftPage(context, resident: id, draft: draft) { handlers, acting, place, _ in
                    try handler(handlers, acting, draft, place, parameters)
                }
            }
        }
        draftPage(.GET, "") { filing, context, draft, place, _ in try filing.resume(context, id: draft, place: place) }
        draftPage(.GET, "/pages/{page}") { filing, context, draft, place, parameters in
            try filing.showPage(context, id: draft, pageId: parameters["page"] ?? "", place: place)
        }
        draftPage(.POST, "/pages/{page}", keepsAnswersWhenStale: true) { filing, context, draft, place, parameters in
            try filing.answerPage(context, id: draft, pageId: parameters["page"] ?? "", place: place)
        }
        draftPage(.GET, "/verifier") { filing, context, draft, place, _ in try filing.checkAnswers(context, id: draft, place: place) }
        draftPage(.GET, "/fin") { filing, context, draft, place, _ in try filing.ending(context, id: draft, place: place) }
        residentPage(.POST, "/demandes/{draft}/deposer") { context, id, parameters in
            try filing.submit(context, resident: id, draft: try parameters.id("draft"))
        }
        residentPage(.GET, "/dossiers/{dossier}") { context, id, parameters in
            try filing.dossier(context, resident: id, dossier: try parameters.id("dossier"))
        }
        residentPage(.GET, "/dossiers/{dossier}/documents/{file}") { context, id, parameters in
            try filing.document(context, resident: id, dossier: try parameters.id("dossier"), file: try parameters.id("file"))
        }

        let residentSpace = self.residentSpace
        page(.GET, ResidentFranceServicesController.path) { context, _ in try residentSpace.show(context) }
        page(.POST, ResidentFranceServicesController.path + "/mandats/{id}/revocation", fallback: ResidentFranceServicesController.path) {
            context, parameters in try residentSpace.revoke(context, mandateId: try parameters.id("id"))
        }
    }
}
