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
        /// For an account that opened another role's space: its own space.
        let ownSpace: SpaceLink?
    }

    struct SpaceLink {
        let path: String
        let title: String
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
        let reserved = error as? ReservedSpace
        let text = reserved.map(Self.text(for:)) ?? Self.text(for: status)
        let view = ErrorView(layout: pages.layout(text.heading, context), heading: text.heading, paragraphs: text.paragraphs,
                             ownSpace: reserved.map { SpaceLink(path: $0.home.path, title: $0.home.title) })
        var response = pages.page("errors/error", view, context, status: status)
        for (name, value) in headers { response.headers[name] = value }
        return response
    }

    /// An account opened another role's space: what it is for, and where this account's own is.
    static func text(for reserved: ReservedSpace) -> (heading: String, paragraphs: [String]) {
        let audience = switch reserved.space {
        case .resident: "aux habitants, avec leur compte personnel"
        case .agent: "aux agents des mairies et des services de la CCTOVAL"
        case .franceServices: "aux conseillers France Services"
        case .admin: "aux administrateurs du portail"
        }
        return ("Accès réservé", ["Cette page est réservée \(audience).",
                                  "Vous êtes connecté(e) avec un compte qui n'y a pas accès : votre espace est ci-dessous."])
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
