import PortalCore
import PortalHTTP

/// The queue filter as the agent's page carries it in its query string (French parameter names),
/// so a filtered view can be bookmarked, paginated and exported.
struct QueueQuery {
    var filter: QueueFilter

    init(_ request: HTTPRequest) {
        func value(_ name: String) -> String? {
            request.queryValue(name).flatMap { $0.isEmpty ? nil : $0 }
        }
        let assignment: QueueFilter.Assignment = switch value("attribution") {
        case "moi": .me
        case "personne": .unassigned
        default: .anyone
        }
        filter = QueueFilter(
            status: value("statut").flatMap(DossierStatus.init(rawValue:)),
            procedureSlug: value("demarche"),
            communeInsee: value("commune"),
            assignment: assignment,
            overdueOnly: value("retard") == "1",
            order: value("tri").flatMap(QueueFilter.Order.init(rawValue:)) ?? .oldestFirst,
            page: value("page").flatMap(Int.init) ?? 1,
            pageSize: 25
        )
    }

    /// The query string of this filter on another page (nil: without a page number).
    func queryString(page: Int? = nil) -> String {
        var items: [(String, String)] = []
        if let status = filter.status { items.append(("statut", status.rawValue)) }
        if let slug = filter.procedureSlug { items.append(("demarche", slug)) }
        if let commune = filter.communeInsee { items.append(("commune", commune)) }
        switch filter.assignment {
        case .me: items.append(("attribution", "moi"))
        case .unassigned: items.append(("attribution", "personne"))
        case .anyone: break
        }
        if filter.overdueOnly { items.append(("retard", "1")) }
        if filter.order != .oldestFirst { items.append(("tri", filter.order.rawValue)) }
        if let page { items.append(("page", String(page))) }
        return items.map { "\($0.0)=\(URLEncodedForm.encode($0.1))" }.joined(separator: "&")
    }
}
