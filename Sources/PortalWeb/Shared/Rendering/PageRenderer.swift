import PortalCore
import PortalHTTP

/// Turns a view into a complete HTML response: layout, cookies, caching rules.
struct PageRenderer: Sendable {
    let templates: TemplateRenderer
    let staticFiles: StaticFiles
    let contextFactory: RequestContextFactory

    private static let mainNavigation: [(label: String, path: String)] = [
        ("Accueil", "/"),
        ("Démarches", CataloguePaths.catalogue),
        ("Communes", CataloguePaths.communes),
        ("Qui fait quoi ?", CataloguePaths.whoDoesWhat),
    ]

    /// The layout values for a page titled `title`.
    func layout(_ title: String, _ context: RequestContext, hasErrors: Bool = false) -> LayoutContext {
        let path = context.request.path
        let navigation = Self.mainNavigation.map { item in
            LayoutContext.NavigationItem(
                label: item.label,
                path: item.path,
                current: item.path == "/" ? path == "/" : (path == item.path || path.hasPrefix(item.path + "/"))
            )
        }
        let badge = context.loggedIn.map { account in
            LayoutContext.AccountBadge(
                displayName: account.displayName,
                spacePath: account.role.home.path,
                spaceLabel: account.role.home.title,
                administrationPath: account.role != .admin && account.role.mayEnter(.admin) ? Space.admin.path : nil
            )
        }
        return LayoutContext(
            title: title,
            hasErrors: hasErrors,
            stylesheetURL: staticFiles.url(for: "portal.css"),
            scriptURL: staticFiles.url(for: "portal.js"),
            csrfToken: context.loggedIn == nil ? nil : context.csrfToken,
            account: badge,
            navigation: navigation
        )
    }

    /// Renders `template` with `view` into a response carrying the context's cookies.
    ///
    /// Pages shown to a logged-in person are never stored by shared caches.
    func page(_ template: String, _ view: Any, _ context: RequestContext, status: HTTPStatus = .ok) -> HTTPResponse {
        var response = HTTPResponse.html(templates.render(template, view), status: status)
        for cookie in context.cookiesToSet {
            response.headers.add("Set-Cookie", cookie.headerValue)
        }
        response.headers["Cache-Control"] = context.account == nil ? "no-cache" : "private, no-cache"
        return response
    }

    /// A redirect carrying the context's cookies plus `extraCookies`.
    func redirect(to location: String, _ context: RequestContext, extraCookies: [SetCookie] = []) -> HTTPResponse {
        var response = HTTPResponse.redirect(to: location)
        for cookie in context.cookiesToSet + extraCookies {
            response.headers.add("Set-Cookie", cookie.headerValue)
        }
        response.headers["Cache-Control"] = "no-store"
        return response
    }
}
