import Foundation
import PortalCore
import PortalHTTP

/// `/admin/journal`: every administrative change and the staff's log-ins, newest first, filtered by
/// person, kind of object and period, and the same lines as a CSV file. Who may read it is decided
/// in PortalCore (``Journal/entries(_:limit:by:)``).
struct JournalController: Sendable {
    let journal: Journal
    let accounts: Accounts
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// The most lines a page shows; the CSV file has them all.
    static let pageSize = 200

    struct JournalView {
        let layout: LayoutContext
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let people: [Choice]
        let kinds: [Choice]
        let from: FormField
        let to: FormField
        let count: String
        let lines: [Line]
        let hasLines: Bool
        let exportPath: String
        let action = AdminPaths.journal
    }

    struct Line {
        let at: String
        let person: String
        let action: String
        let subject: String
        let summary: String
        let before: String?
        let after: String?
        let hasValues: Bool
    }

    /// `GET /admin/journal?personne=&objet=&du=&au=`.
    func show(_ context: RequestContext) throws -> HTTPResponse {
        let (filter, typed, errors) = Self.filter(context.request)
        let (entries, total) = try journal.entries(filter, limit: Self.pageSize, by: context.account)
        let names = try subjectNames(context)
        let people = try journal.people(by: context.account).map { person in
            Choice(value: String(person.id), label: person.name, selected: filter.actorId == person.id, id: "")
        }
        let kinds = Journal.subjectKinds.map { Choice(value: $0.kind, label: $0.label, selected: filter.subjectKind == $0.kind, id: "") }
        let count = switch total {
        case 0: "Aucune ligne"
        case 1: "1 ligne"
        case ...Self.pageSize: "\(FrenchNumber.format(total)) lignes"
        default: "\(FrenchNumber.format(total)) lignes, les \(Self.pageSize) plus récentes ci-dessous ; le fichier CSV les contient toutes"
        }
        let view = JournalView(
            layout: pages.layout("Journal des modifications", context, hasErrors: !errors.isEmpty),
            hasErrors: !errors.isEmpty, errors: errors,
            people: people, kinds: kinds,
            from: FormField(id: "du", value: typed["du"] ?? "", error: errors.first { $0.field == "du" }?.message),
            to: FormField(id: "au", value: typed["au"] ?? "", error: errors.first { $0.field == "au" }?.message),
            count: count,
            lines: entries.map { entry in
                Line(at: FrenchDateTime.text(entry.at), person: entry.actorName, action: entry.action.label,
                     subject: names(entry.subject), summary: entry.summary, before: entry.before, after: entry.after,
                     hasValues: entry.before != nil || entry.after != nil)
            },
            hasLines: !entries.isEmpty,
            exportPath: AdminPaths.journalExport + (context.request.query.map { "?\($0)" } ?? ""))
        return pages.page("admin/journal", view, context, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// `GET /admin/journal.csv` with the page's filters.
    func export(_ context: RequestContext) throws -> HTTPResponse {
        let (filter, _, _) = Self.filter(context.request)
        let entries = try journal.entries(filter, by: context.account).entries
        let names = try subjectNames(context)
        let rows = entries.map { entry in
            [SpreadsheetCSV.date(CalendarDay(entry.at)), FrenchDateTime.time(entry.at), entry.actorName, entry.action.label,
             entry.subject.kind, entry.subject.id, names(entry.subject), entry.summary, entry.before ?? "", entry.after ?? ""]
        }
        return SpreadsheetCSV.download(
            "journal-\(CalendarDay(now()).iso).csv",
            header: ["Date", "Heure", "Personne", "Action", "Type d'objet", "Identifiant", "Objet", "Détail", "Avant", "Après"],
            rows: rows)
    }

    /// The filter of the address bar; a day that is not one is left out, with a message.
    static func filter(_ request: HTTPRequest) -> (Journal.Filter, [String: String], [FieldErrorLink]) {
        func value(_ name: String) -> String? { request.queryValue(name).flatMap { $0.isEmpty ? nil : $0 } }
        var errors: [FieldErrorLink] = []
        func day(_ name: String, _ label: String) -> CalendarDay? {
            guard let typed = value(name) else { return nil }
            guard let day = CalendarDay(typed: typed) else {
                errors.append(FieldErrorLink(field: name, message: "\(label) : indiquez un jour sous la forme JJ/MM/AAAA, par exemple 01/12/2026."))
                return nil
            }
            return day
        }
        let filter = Journal.Filter(
            actorId: value("personne").flatMap(Int64.init),
            subjectKind: value("objet").flatMap { kind in Journal.subjectKinds.contains { $0.kind == kind } ? kind : nil },
            from: day("du", "Du"), to: day("au", "Au"))
        return (filter, ["du": value("du") ?? "", "au": value("au") ?? ""], errors)
    }

    /// Names for what lines are about: organisations by the catalogue, staff accounts by the list.
    private func subjectNames(_ context: RequestContext) throws -> @Sendable (JournalEntry.Subject) -> String {
        let staff = Dictionary(try accounts.staff(actor: context.account, now: now()).map { (String($0.account.id), $0.account.displayName) },
                               uniquingKeysWith: { first, _ in first })
        let catalogue = self.catalogue
        return { subject in
            switch subject.kind {
            case "organisation": catalogue.organisation(id: subject.id)?.name ?? subject.id
            case "reference": "Données de référence"
            case "demarche": catalogue.procedure(slug: subject.id)?.title ?? subject.id
            case "regie": "Régie \(subject.id)"
            case "activite": "Activité \(subject.id)"
            default: staff[subject.id] ?? "Compte n° \(subject.id)"
            }
        }
    }
}
