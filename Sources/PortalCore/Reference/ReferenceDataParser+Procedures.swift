import Foundation

extension ReferenceDataParser {
    /// Parses `procedures.json` and checks slugs, categories, channels,
    /// handlers and per-commune exceptions against the communes and organisations.
    mutating func parseProcedures(
        _ data: Data?, communes: [Commune], organisations: [Organisation]
    ) -> (categories: [Category], procedures: [Procedure]) {
        let file = ReferenceData.FileName.procedures
        guard let decoded = decode(SeedFiles.Procedures.self, from: data, file: file) else { return ([], []) }
        var categories: [Category] = []
        for entry in decoded.categories {
            guard !categories.contains(where: { $0.id == entry.id }) else {
                report(file, "category \"\(entry.id)\"", "duplicate id")
                continue
            }
            categories.append(Category(id: entry.id, title: entry.title, description: entry.description, icon: entry.icon))
        }
        let context = Context(
            categories: Set(categories.map(\.id)),
            communes: Set(communes.map(\.insee)),
            organisations: Dictionary(organisations.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first }))
        var slugs: Set<String> = []
        var procedures: [Procedure] = []
        for entry in decoded.procedures {
            let label = "procedure \"\(entry.slug)\""
            guard slugs.insert(entry.slug).inserted else {
                report(file, label, "duplicate slug")
                continue
            }
            if let procedure = procedure(from: entry, context: context, label: label) {
                procedures.append(procedure)
            }
        }
        var former: Set<String> = []
        for procedure in procedures {
            for old in procedure.formerSlugs where slugs.contains(old) || !former.insert(old).inserted {
                report(file, "procedure \"\(procedure.slug)\"", "former slug \"\(old)\" is another procedure's or listed twice")
            }
        }
        return (categories, procedures)
    }

    struct Context {
        var categories: Set<String>
        var communes: Set<String>
        var organisations: [String: Organisation.Kind]
    }

    private mutating func procedure(
        from entry: SeedFiles.Procedures.Procedure, context: Context, label: String
    ) -> Procedure? {
        let file = ReferenceData.FileName.procedures
        let before = issues.count
        if entry.slug.isEmpty || !entry.slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            report(file, label, "a slug uses only lowercase ASCII letters, digits and hyphens")
        }
        if !context.categories.contains(entry.category) {
            report(file, label, "unknown category \"\(entry.category)\"")
        }
        var channels: [Channel] = []
        for name in entry.channels ?? [] {
            if let channel = Channel(rawValue: name) {
                channels.append(channel)
            } else {
                report(file, label, "unknown channel \"\(name)\" (expected online, counter, post or phone)")
            }
        }
        let handler = handlerRule(from: entry.handler, context: context, label: label)
        let exceptions = (entry.exceptions ?? []).compactMap { exception(from: $0, context: context, label: label) }
        if Set(exceptions.map(\.communeInsee)).count != exceptions.count {
            report(file, label, "several exceptions for the same commune")
        }
        var silence = SilenceRule.default
        if let entry = entry.silence {
            if let outcome = SilenceRule.Outcome(rawValue: entry.outcome), (1...12).contains(entry.months) {
                silence = SilenceRule(outcome: outcome, months: entry.months)
            } else {
                report(file, label, "silence needs an outcome (acceptance or rejection) and 1 to 12 months")
            }
        }
        if let from = entry.publishedFrom, let until = entry.publishedUntil, until < from {
            report(file, label, "publishedUntil comes before publishedFrom")
        }
        checkPublic([entry.title, entry.summary, entry.description, entry.cost, entry.delay, entry.howTo]
                    + (entry.documents ?? []) + (entry.exceptions ?? []).map(\.note), file: file, entry: label)
        guard issues.count == before, let handler else { return nil }
        return Procedure(
            slug: entry.slug, title: entry.title, categoryId: entry.category, summary: entry.summary,
            description: entry.description, synonyms: entry.synonyms ?? [], documents: entry.documents ?? [],
            cost: entry.cost, delay: entry.delay, channels: channels, onlineURL: entry.onlineUrl,
            howTo: entry.howTo, popular: entry.popular ?? false, handler: handler, exceptions: exceptions, silence: silence,
            staffNote: entry.staffNote, isPublished: entry.published ?? true, publishedFrom: entry.publishedFrom,
            publishedUntil: entry.publishedUntil, formerSlugs: entry.formerSlugs ?? [])
    }

    private mutating func handlerRule(
        from handler: SeedFiles.Procedures.Handler, context: Context, label: String
    ) -> HandlerRule? {
        let file = ReferenceData.FileName.procedures
        switch handler.type {
        case "communal":
            if handler.organisation != nil || handler.counters != nil {
                report(file, label, "a communal handler takes neither organisation nor counters (the commune's mairie handles it)")
                return nil
            }
            return .communal
        case "intercommunal":
            guard let id = handler.organisation, let kind = context.organisations[id] else {
                report(file, label, "unknown organisation \"\(handler.organisation ?? "")\" for the intercommunal handler")
                return nil
            }
            guard kind == .intercommunality || kind == .intercommunalService else {
                report(file, label, "organisation \"\(id)\" is not the CCTOVAL or one of its services")
                return nil
            }
            return .intercommunal(organisationId: id)
        case "external":
            guard let id = handler.organisation, context.organisations[id] != nil else {
                report(file, label, "unknown organisation \"\(handler.organisation ?? "")\" for the external handler")
                return nil
            }
            let counters = handler.counters ?? []
            let unknown = counters.filter { context.organisations[$0] == nil }
            guard unknown.isEmpty else {
                report(file, label, "unknown counter organisation(s) \(unknown.joined(separator: ", "))")
                return nil
            }
            return .external(organisationId: id, counters: counters)
        default:
            report(file, label, "bad handler type \"\(handler.type)\" (expected communal, intercommunal or external)")
            return nil
        }
    }

    private mutating func exception(
        from entry: SeedFiles.Procedures.Exception, context: Context, label: String
    ) -> ProcedureException? {
        let file = ReferenceData.FileName.procedures
        guard context.communes.contains(entry.commune) else {
            report(file, label, "exception for unknown commune INSEE code \"\(entry.commune)\"")
            return nil
        }
        switch entry.type {
        case "not_offered":
            return ProcedureException(communeInsee: entry.commune, rule: .notOffered, note: entry.note)
        case "handled_by":
            guard let id = entry.organisation, context.organisations[id] != nil else {
                report(file, label, "exception for \(entry.commune): unknown organisation \"\(entry.organisation ?? "")\"")
                return nil
            }
            return ProcedureException(communeInsee: entry.commune, rule: .handledBy(organisationId: id), note: entry.note)
        default:
            report(file, label, "exception for \(entry.commune): bad type \"\(entry.type)\" (expected not_offered or handled_by)")
            return nil
        }
    }
}
