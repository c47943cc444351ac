import Foundation
import PortalCore
import PortalHTTP

/// The built-in PayFiP simulator's payment page, where the payer pays, refuses or gives up.
/// Present only when the simulator is the provider.
///
/// The page shows and acts on an operation only for the browser the portal sent there: when a
/// payer starts paying, the portal's redirect to this page sets ``payerCookie(_:simulator:secure:)``,
/// holding the operation's payer token; anyone else with the operation id gets the 404 of an
/// unknown operation, never the payer's e-mail or the amount.
struct PayFiPSimulatorController: Sendable {
    let simulator: PayFiPSimulator
    let pages: PageRenderer
    /// Mark the payer cookie `Secure`.
    let secureCookies: Bool

    struct PageView {
        let layout: LayoutContext
        let operationId: String
        let amount: String
        let object: String
        let reference: String
        let clientNumber: String
        let mode: String
        let email: String
        let choices: [Choice]

        struct Choice {
            let value: String
            let label: String
            let primary: Bool
        }
    }

    /// The cookie carrying operation `operationId`'s payer token, sent to the simulator's pages
    /// only (same site, never from another one), for as long as the operation stays open.
    static func payerCookie(_ operationId: String, simulator: PayFiPSimulator, secure: Bool) -> SetCookie {
        SetCookie(name: Self.cookiePrefix + operationId, value: simulator.payerToken(for: operationId),
                  path: cookiePath, maxAge: Int(PayFiPSimulator.operationLifetime), httpOnly: true, secure: secure, sameSite: .strict)
    }

    private static let cookiePath = "/payfip-sim"
    /// The simulator's payment page (`?idop=` names the operation).
    static let pagePath = cookiePath + "/paiement"
    /// Followed by an operation id, the name of that operation's payer cookie. Not on the personal-data page,
    /// which describes the portal connected to PayFiP, where no such cookie exists.
    private static let cookiePrefix = "payfip_sim_"

    /// `GET /payfip-sim/paiement?idop=…`.
    func page(_ context: RequestContext) throws -> HTTPResponse {
        guard let operationId = context.request.queryValue("idop"),
              let operation = try simulator.openOperation(operationId, payerToken: Self.payerToken(operationId, in: context.request))
        else { return unknownOperation(context) }
        let order = operation.order
        let view = PageView(
            layout: pages.layout("Simulateur de paiement PayFiP", context), operationId: operationId,
            amount: Euros.format(order.montant), object: order.objet, reference: order.refdet, clientNumber: order.numcli,
            mode: Self.modeName(order.saisie),
            email: order.mel,
            choices: [
                .init(value: PayFiPSimulator.Choice.pay.rawValue, label: "Payer", primary: true),
                .init(value: PayFiPSimulator.Choice.refuse.rawValue, label: "Refuser (paiement refusé par la banque)", primary: false),
                .init(value: PayFiPSimulator.Choice.abandon.rawValue, label: "Abandonner", primary: false),
            ])
        var response = pages.page("payfip-sim/page", view, context)
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    /// `POST /payfip-sim/paiement`: `idop` and `choix`; back to the portal's return address,
    /// the payer cookie dropped.
    func finish(_ context: RequestContext) throws -> HTTPResponse {
        let form = try context.postedForm()
        guard let operationId = form.fields.first(where: { $0.name == "idop" })?.value,
              let choice = form.fields.first(where: { $0.name == "choix" }).flatMap({ PayFiPSimulator.Choice(rawValue: $0.value) })
        else { return .text("idop et choix attendus", status: .badRequest) }
        guard let back = try simulator.finish(operationId, choice: choice, payerToken: Self.payerToken(operationId, in: context.request))
        else { return unknownOperation(context) }
        var spent = Self.payerCookie(operationId, simulator: simulator, secure: secureCookies)
        (spent.value, spent.maxAge) = ("", 0)
        return pages.redirect(to: back, context, extraCookies: [spent])
    }

    /// The payer token the browser holds for `operationId`.
    private static func payerToken(_ operationId: String, in request: HTTPRequest) -> String? {
        request.headers["Cookie"].map(Cookies.parse)?[Self.cookiePrefix + operationId]
    }

    private static func modeName(_ mode: PayFiPMode) -> String {
        switch mode {
        case .test: "test"
        case .activation: "activation"
        case .production: "production"
        }
    }

    private func unknownOperation(_ context: RequestContext) -> HTTPResponse {
        struct View { let layout: LayoutContext }
        return pages.page("payfip-sim/unknown", View(layout: pages.layout("Opération inconnue ou expirée", context)), context,
                          status: .notFound)
    }
}
