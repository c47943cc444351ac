import Logging
import PortalCore
import PortalHTTP

/// Error pages in the layout, in French: the middleware that turns every error a route throws (and the
/// router's 404 and 405) into a page. An HTTP error keeps its status and headers; a ``DomainError`` is
/// answered by its kind; anything else is an incident: a 500 page giving a reference, logged with the
/// underlying error under that reference, never a silent 404.
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
        var incident: String?
        if let error = error as? any HTTPResponseError {
            status = error.status
            headers = error.headers
        } else if let error = error as? any DomainError {
            status = Self.status(of: error.kind)
        } else {
            let reference = Self.newIncidentReference()
            logger.error("incident \(reference) on \(context.request.method.rawValue) \(context.request.path): \(String(reflecting: error))")
            status = .internalServerError
            incident = reference
        }
        let reserved = error as? ReservedSpace
        var text = reserved.map(Self.text(for:)) ?? Self.text(for: status)
        if let incident {
            text.paragraphs.append("Si vous contactez votre mairie, donnez-lui cette référence : \(incident).")
        }
        let view = ErrorView(layout: pages.layout(text.heading, context), heading: text.heading, paragraphs: text.paragraphs,
                             ownSpace: reserved.map { SpaceLink(path: $0.home.path, title: $0.home.title) })
        var response = pages.page("errors/error", view, context, status: status)
        for (name, value) in headers { response.headers[name] = value }
        return response
    }

    /// The status answering a domain failure: what one may not see is not found, like what does not exist.
    static func status(of kind: ErrorKind) -> HTTPStatus {
        switch kind {
        case .notFound: .notFound
        case .conflict: .conflict
        case .invalid: .unprocessableContent
        case .unavailable: .serviceUnavailable
        }
    }

    /// A short reference for an incident, to read over the phone and find in the log: `7F3A-0C92`.
    static func newIncidentReference() -> String {
        let value = UInt32.random(in: .min ... .max)
        let hex = String(value, radix: 16, uppercase: true)
        let digits = String(repeating: "0", count: 8 - hex.count) + hex
        return digits.prefix(4) + "-" + digits.suffix(4)
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
        case 409:
            ("Action impossible pour le moment", ["Cette action n'est plus possible : la situation a changé entre-temps (par exemple, la demande a déjà été traitée).",
                                                  "Revenez à la page précédente et rechargez-la pour voir où elle en est."])
        case 422:
            ("Informations à corriger", ["Certaines informations envoyées ne sont pas acceptées.",
                                         "Revenez à la page précédente : vos réponses y sont conservées."])
        case 503:
            ("Service momentanément indisponible", ["Un service dont le portail a besoin ne répond pas pour le moment. Vos données n'ont pas été perdues.",
                                                    "Réessayez dans quelques minutes."])
        default:
            ("Une erreur s'est produite", ["Le portail n'a pas pu traiter votre demande. Vos données n'ont pas été perdues.",
                                           "Réessayez dans quelques minutes. Si le problème continue, contactez votre mairie."])
        }
    }
}
