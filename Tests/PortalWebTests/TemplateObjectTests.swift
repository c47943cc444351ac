import Foundation
@testable import PortalWeb
import Testing

/// View models that answer template lookups by name must answer exactly what `Mirror` would,
/// for every stored property: a property added without its lookup would vanish from the page.
@Suite struct TemplateObjectTests {
    /// `value` as Mirror shows it, optionals unwrapped, for comparison.
    static func describe(_ value: Any?) -> String {
        guard let value else { return "nil" }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return describe(mirror.children.first?.value) }
        return String(describing: value)
    }

    static func expectLookupsMatchMirror(_ value: some TemplateObject) {
        let children = Mirror(reflecting: value).children
        #expect(!children.isEmpty)
        for child in children {
            guard let label = child.label else { continue }
            #expect(describe(value.child(named: label)) == describe(child.value), "\(type(of: value)).\(label)")
        }
        #expect(value.child(named: "nothing-by-that-name") == nil)
    }

    static let layout = LayoutContext(
        title: "Mon espace", hasErrors: false, stylesheetURL: "/static/portal.css?v=1", scriptURL: "/static/portal.js?v=1",
        csrfToken: "jeton", account: .init(displayName: "Camille Martin", spacePath: "/mon-espace", spaceLabel: "Mon espace", administrationPath: "/admin"),
        navigation: [.init(label: "Accueil", path: "/", current: true)])

    @Test func layoutLookupsMatchMirror() throws {
        Self.expectLookupsMatchMirror(Self.layout)
        Self.expectLookupsMatchMirror(try #require(Self.layout.account))
        Self.expectLookupsMatchMirror(Self.layout.navigation[0])
        let anonymous = LayoutContext(title: "Accueil", hasErrors: true, stylesheetURL: "", scriptURL: "", csrfToken: nil,
                                      account: nil, navigation: [])
        Self.expectLookupsMatchMirror(anonymous)
        #expect(anonymous.child(named: "account") == nil)
    }

    @Test func dashboardLookupsMatchMirror() {
        let link = DashboardView.DossierLink(
            reference: "CC-4KP-7RD", title: "Demande de badge", status: "Déposée", date: "Déposée le 3 mars 2026",
            path: "/mon-espace/dossiers/1")
        let toDo = DashboardView.ToDo(text: "Envoyer : justificatif", when: "Avant le 30 mars 2026", path: "/mon-espace/dossiers/1#pieces")
        Self.expectLookupsMatchMirror(link)
        Self.expectLookupsMatchMirror(toDo)
        Self.expectLookupsMatchMirror(DashboardView(
            layout: Self.layout, toDo: [toDo], hasToDo: true, displayName: "Camille Martin", communeName: nil,
            notice: "Bienvenue", inProgress: [link], drafts: [], closed: [], hasInProgress: true, hasDrafts: false,
            hasClosed: false, isEmpty: false, invoicesDue: "1 facture à payer : 22,50 €"))
    }

    @Test func queueLookupsMatchMirror() {
        let option = AgentController.Option(value: "depose", label: "Déposée", selected: true)
        let count = AgentController.StatusCount(label: "Déposée", count: 12, path: "/agent?statut=depose")
        let row = AgentController.Row(
            reference: "CC-4KP-7RD", path: "/agent/dossiers/1", procedureTitle: "Demande de badge", residentName: "Camille Martin",
            commune: "Langeais", filedOn: "3 mars 2026", dueOn: "3 mai 2026", overdue: false, status: "Déposée", assignee: "Personne")
        Self.expectLookupsMatchMirror(option)
        Self.expectLookupsMatchMirror(count)
        Self.expectLookupsMatchMirror(row)
        Self.expectLookupsMatchMirror(AgentController.QueueView(
            layout: Self.layout, organisationName: "Service déchets", counts: [count], statusOptions: [option],
            procedureOptions: [option], communeOptions: [option], assignmentOptions: [option], orderOptions: [option],
            overdueOnly: false, rows: [row], hasRows: true, totalText: "1 demande", pageText: "Page 1 sur 1",
            previousPath: nil, nextPath: "/agent?page=2", exportPath: "/agent/export.csv?"))
    }

    @Test func invoiceListLookupsMatchMirror() {
        let row = InvoiceListView.Row(number: "F-37123-26-000001", object: "Cantine", amount: "22,50 €", status: "À payer",
                                      dueOn: "31 mars 2026", overdue: true, path: "/mon-espace/factures/1")
        Self.expectLookupsMatchMirror(row)
        Self.expectLookupsMatchMirror(InvoiceListView(layout: Self.layout, toPay: [row], others: [], totalDue: "22,50 €"))
    }

    @Test func agentInvoiceListLookupsMatchMirror() {
        let option = AgentController.Option(value: "", label: "Toutes vos régies", selected: true)
        let error = FieldErrorLink(field: "du", message: "La date « Émises du » doit être une date réelle, par exemple 01/03/2026.")
        let row = AgentInvoiceListView.Row(
            number: "F-37123-26-000001", path: "/agent/factures/1", payerName: "Camille Martin", payerEmail: "habitant@demo.cctoval.fr",
            object: "Cantine", issuedOn: "1er mars 2026", dueOn: "31 mars 2026", overdue: true, total: "22,50 €", remaining: "22,50 €",
            status: "À payer", lastReminder: nil)
        Self.expectLookupsMatchMirror(row)
        Self.expectLookupsMatchMirror(error)
        Self.expectLookupsMatchMirror(AgentInvoiceListView(
            layout: Self.layout, organisationName: "Mairie de Langeais", hasRegies: true, hasSeveralRegies: false,
            regieOptions: [option], statusOptions: [option], typedFrom: "2026-03-01", typedTo: "", payer: "martin", overdueOnly: false,
            hasErrors: true, errors: [error], fromError: error.message, toError: nil, payerSearchTooBroad: false, rows: [row],
            hasRows: true, countText: "1 facture", issuedTotal: "22,50 €", paidTotal: "0,00 €", remainingTotal: "22,50 €",
            pageText: "Page 1 sur 1", previousPath: nil, nextPath: "/agent/factures?page=2", exportPath: "/agent/factures/export.csv?",
            paymentsFrom: "2026-03-01", paymentsTo: "2026-03-31", paymentsFromError: nil, paymentsToError: "La date de fin",
            channelOptions: [option]))
    }
}
