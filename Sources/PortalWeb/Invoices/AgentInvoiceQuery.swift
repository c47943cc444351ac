import PortalCore
import PortalHTTP

/// The invoice list's filter as the agent's page carries it in its query string (French
/// parameter names), so a filtered list can be bookmarked, paginated and exported. Dates are
/// `AAAA-MM-JJ` (a date input) or `JJ/MM/AAAA`; one that is not a real day is reported and ignored.
struct AgentInvoiceQuery {
    var filter: InvoiceFilter
    /// The dates as typed, kept in the form.
    var typedFrom: String
    var typedTo: String
    /// Messages about dates that are not real days (fields `du`, `au`).
    var errors: ValidationErrors

    /// The `statut` value of each status choice (the open invoices are the default, without one).
    static func value(of statuses: InvoiceFilter.Statuses) -> String {
        switch statuses {
        case .open: ""
        case .all: "toutes"
        case .only(let status): status.rawValue
        }
    }

    /// No filter: the open invoices of every régie, first page.
    init(pageSize: Int) {
        filter = InvoiceFilter(pageSize: pageSize)
        (typedFrom, typedTo, errors) = ("", "", ValidationErrors())
    }

    init(_ request: HTTPRequest, pageSize: Int) {
        func value(_ name: String) -> String? {
            request.queryValue(name).flatMap { $0.isEmpty ? nil : $0 }
        }
        let statuses: InvoiceFilter.Statuses = switch value("statut") {
        case "toutes": .all
        case let status?: InvoiceStatus(rawValue: status).map { .only($0) } ?? .open
        case nil: .open
        }
        typedFrom = value("du") ?? ""
        typedTo = value("au") ?? ""
        errors = ValidationErrors()
        let from = CalendarDay(typed: typedFrom), to = CalendarDay(typed: typedTo)
        if !typedFrom.isEmpty, from == nil { errors.add("La date « Émises du » doit être une date réelle, par exemple 01/03/2026.", for: "du") }
        if !typedTo.isEmpty, to == nil { errors.add("La date « au » doit être une date réelle, par exemple 31/03/2026.", for: "au") }
        filter = InvoiceFilter(
            statuses: statuses, regieId: value("regie"), issuedFrom: from, issuedTo: to, overdueOnly: value("retard") == "1",
            payer: value("payeur"), page: value("page").flatMap(Int.init) ?? 1, pageSize: pageSize)
    }

    /// The query string of this filter on another page (nil: without a page number).
    func queryString(page: Int? = nil) -> String {
        var items: [(String, String)] = []
        let statuses = Self.value(of: filter.statuses)
        if !statuses.isEmpty { items.append(("statut", statuses)) }
        if let regie = filter.regieId { items.append(("regie", regie)) }
        if let from = filter.issuedFrom { items.append(("du", from.iso)) }
        if let to = filter.issuedTo { items.append(("au", to.iso)) }
        if let payer = filter.payer { items.append(("payeur", payer)) }
        if filter.overdueOnly { items.append(("retard", "1")) }
        if let page { items.append(("page", String(page))) }
        return items.map { "\($0.0)=\(URLEncodedForm.encode($0.1))" }.joined(separator: "&")
    }
}
