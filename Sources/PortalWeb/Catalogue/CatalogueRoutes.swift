import PortalHTTP

/// The information pages: home, procedures and search, communes, « Qui fait quoi ? », the legal pages.
/// Their anonymous renderings are shared through the page cache.
struct CatalogueRoutes: RouteCollection {
    let catalogue: CatalogueController
    let communes: CommuneController
    let legal: LegalController
    let cache: PageCache

    func register(into routes: inout SiteRoutes) {
        let catalogue = self.catalogue, communes = self.communes, legal = self.legal
        routes.publicPage("/", cache: cache) { context, _ in try catalogue.home(context) }
        routes.publicPage(CataloguePaths.catalogue, cache: cache) { context, _ in try catalogue.catalogue(context) }
        routes.publicPage("/demarches/{slug}", cache: cache) { context, parameters in
            try catalogue.procedure(context, slug: parameters["slug"] ?? "")
        }
        routes.publicPage(CataloguePaths.communes, cache: cache) { context, _ in try communes.communes(context) }
        routes.publicPage("/communes/{insee}", cache: cache) { context, parameters in
            try communes.commune(context, insee: parameters["insee"] ?? "")
        }
        routes.publicPage(CataloguePaths.whoDoesWhat, cache: cache) { context, _ in try communes.whoDoesWhat(context) }
        routes.publicPage(CataloguePaths.accessibility, cache: cache) { context, _ in
            legal.show(template: "legal/accessibility", title: "Déclaration d'accessibilité", context)
        }
        routes.publicPage(CataloguePaths.legalNotice, cache: cache) { context, _ in
            legal.show(template: "legal/legal-notice", title: "Mentions légales", context)
        }
        routes.publicPage(CataloguePaths.personalData, cache: cache) { context, _ in
            legal.show(template: "legal/personal-data", title: "Données personnelles", context)
        }
    }
}
