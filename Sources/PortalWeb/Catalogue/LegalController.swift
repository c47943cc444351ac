import PortalCore
import PortalHTTP

/// The pages every French public portal owes its users: accessibility, legal notice, personal data.
struct LegalController: Sendable {
    let catalogue: Catalogue
    let pages: PageRenderer

    struct LegalView {
        let layout: LayoutContext
        /// The CCTOVAL's own contact details, the publisher of the portal.
        let contact: OrganisationView?
    }

    func show(template: String, title: String, _ context: RequestContext) -> HTTPResponse {
        let view = LegalView(
            layout: pages.layout(title, context),
            contact: catalogue.organisation(id: "cctoval").map(OrganisationView.init)
        )
        return pages.page(template, view, context)
    }
}
