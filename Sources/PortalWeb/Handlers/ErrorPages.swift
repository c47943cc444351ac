import Logging
import PortalHTTP

/// Error pages in the layout, in French, with the status the error carries: the middleware that turns
/// every error a route throws (and the router's 404 and 405) into a page.
struct ErrorPages: RouterMiddleware {
    let pages: PageRenderer
    let logger: Logger

    struct ErrorView {
        let layout: LayoutContext
        let heading: String
        let paragraphs: [String]
    }

    func handle(_ request: HTTPRequest, context: RequestContext, next: RouteHandler<RequestContext>) throws -> HTTPResponse {
        do {
            return try next(request, context)
        } catch {
            return response(for: context, error: error)
        }
    }

    /// The page reporting `error` to the request of `context`.
    func response(for context: RequestContext, error: any Error) -> HTTPResponse {
        let status: HTTPStatus
        var headers = HTTPHeaders()
        if let error = error as? any HTTPResponseError {
            status = error.status
            headers = error.headers
        } else {
            logger.error("unhandled error on \(context.request.method.rawValue) \(context.request.path): \(String(describing: error))")
            status = .internalServerError
        }
        let text = Self.text(for: status)
        let view = ErrorView(layout: pages.layout(text.heading, context), heading: text.heading, paragraphs: text.paragraphs)
        var response = pages.page("errors/error", view, context, status: status)
        for (name, value) in headers { response.headers[name] = value }
        return response
    }

    static func text(for status: HTTPStatus) -> (heading: String, paragraphs: [String]) {
        switch status.code {
        case 404:
            ("Page introuvable", ["La page que vous cherchez n'existe pas ou n'est pas accessible avec votre compte.",
                                  "Si vous avez saisi l'adresse, vérifiez qu'elle est correcte."])
        case 403:
            ("Formulaire expiré", ["Pour votre sécurité, ce formulaire ne peut plus être envoyé.",
                                   "Revenez à la page précédente avec le bouton « Retour » de votre navigateur : vos réponses y sont conservées. Rechargez la page, puis envoyez le formulaire à nouveau."])
        case 400, 413, 415:
            ("Demande incorrecte", ["Votre navigateur a envoyé une demande que le portail ne peut pas lire.",
                                    "Revenez à la page précédente : vos réponses y sont conservées. Si le problème continue, contactez votre mairie."])
        case 405:
            ("Action impossible sur cette page", ["Cette page ne permet pas cette action. Revenez à la page précédente."])
        default:
            ("Une erreur s'est produite", ["Le portail n'a pas pu traiter votre demande. Vos données n'ont pas été perdues.",
                                           "Réessayez dans quelques minutes. Si le problème continue, contactez votre mairie."])
        }
    }
}
