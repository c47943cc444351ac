import Foundation
import PortalCore
import PortalHTTP

/// `/admin/demarches`: the catalogue for administrators — each procedure's text, who handles it in
/// each of the 28 communes (with what residents of each commune see today), what silence means,
/// its address, and whether it is published; changes can be previewed, unsaved, as a resident of a
/// chosen commune would see them. Who may do it is decided in PortalCore
/// (``Catalogue/update(procedure:with:by:now:)``).
struct ProcedureController: Sendable {
    let catalogue: Catalogue
    let pages: PageRenderer
    let now: @Sendable () -> Date

    /// `GET /admin/demarches`.
    func list(_ context: RequestContext) throws -> HTTPResponse {
        let procedures = try catalogue.proceduresToEdit(actor: context.account)
        let saved: String? = context.request.queryValue("enregistree").flatMap(catalogue.procedure(slug:)).map { procedure in
            procedure.isPublished
                ? "« \(procedure.title) » est enregistrée : les pages publiques et la recherche la montrent déjà."
                : "« \(procedure.title) » est enregistrée ; elle n'est pas publiée."
        }
        let notice = saved ?? (context.request.queryValue("supprimee") == nil ? nil : "La démarche est supprimée.")
        let groups = catalogue.categories().map { category in
            ListGroup(title: category.title, procedures: procedures.filter { $0.categoryId == category.id }.map { procedure in
                ListRow(title: procedure.title, path: AdminPaths.procedure(procedure.slug),
                        handler: catalogue.defaultHandlerDescription(procedure.handler),
                        exceptions: procedure.exceptions.isEmpty ? "—" : "\(procedure.exceptions.count) commune\(procedure.exceptions.count > 1 ? "s" : "")",
                        state: Self.state(of: procedure, today: context.today))
            })
        }.filter { !$0.procedures.isEmpty }
        return pages.page("admin/procedures", ListView(layout: pages.layout("Démarches", context), notice: notice, groups: groups), context)
    }

    /// `GET /admin/demarches/{slug}`.
    func edit(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        let procedure = try catalogue.procedureToEdit(slug, actor: context.account)
        return render(context, procedure, form: ProcedureForm(procedure), errors: [], status: .ok)
    }

    /// `POST /admin/demarches/{slug}`.
    func save(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        let procedure = try catalogue.procedureToEdit(slug, actor: context.account)
        let form = Self.form(try context.postedForm(), communes: catalogue.communes())
        guard !context.formIsStale else {
            return render(context, procedure, form: form,
                          errors: [FieldErrorLink(field: "title", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        do {
            let saved = try catalogue.update(procedure: slug, with: form, by: context.account, now: now())
            return pages.redirect(to: AdminPaths.procedureSaved(saved.slug), context)
        } catch let errors as ValidationErrors {
            return render(context, procedure, form: form, errors: errors.links,
                          status: .unprocessableContent)
        }
    }

    /// `POST /admin/demarches/{slug}/apercu`: the public page with the typed changes, unsaved, as a
    /// resident of `apercu-commune` sees it; with `retour`, the edit form again with those changes.
    func preview(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        let procedure = try catalogue.procedureToEdit(slug, actor: context.account)
        let posted = try context.postedForm()
        let form = Self.form(posted, communes: catalogue.communes())
        let commune = posted[Self.previewCommuneField].flatMap(catalogue.commune(insee:))
        guard !context.formIsStale else {
            return render(context, procedure, form: form, previewCommune: commune?.insee,
                          errors: [FieldErrorLink(field: "title", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        if posted["retour"] != nil {
            return render(context, procedure, form: form, previewCommune: commune?.insee, errors: [], status: .ok)
        }
        let changed: Procedure
        do {
            changed = try catalogue.preview(procedure: slug, with: form, actor: context.account)
        } catch let errors as ValidationErrors {
            return render(context, procedure, form: form, previewCommune: commune?.insee, errors: errors.links, status: .unprocessableContent)
        }
        let preview = ProcedureView.Preview(
            ofCommune: commune.map { Self.of($0.name) } ?? "d'une commune", csrfToken: context.csrfToken,
            fields: posted.fields.filter { !["_csrf", "retour"].contains($0.name) }.map { ProcedureView.HiddenField(name: $0.name, value: $0.value) },
            savePath: AdminPaths.procedure(slug), backPath: AdminPaths.procedurePreview(slug))
        let view = ProcedureView(changed, commune: commune, catalogue: catalogue, layout: pages.layout("Aperçu : \(changed.title)", context),
                                 onlineRequest: nil, today: context.today, preview: preview)
        return pages.page("catalogue/procedure", view, context)
    }

    /// `POST /admin/demarches/{slug}/adresse`: `slug`, the new address; the old one redirects to it.
    func address(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        let procedure = try catalogue.procedureToEdit(slug, actor: context.account)
        let typed = try context.postedForm()["slug"] ?? ""
        guard !context.formIsStale else {
            return render(context, procedure, form: ProcedureForm(procedure), newSlug: typed,
                          errors: [FieldErrorLink(field: "slug", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        do {
            let renamed = try catalogue.rename(procedure: slug, to: typed, by: context.account, now: now())
            return pages.redirect(to: AdminPaths.procedureSaved(renamed.slug), context)
        } catch let errors as ValidationErrors {
            return render(context, procedure, form: ProcedureForm(procedure), newSlug: typed, errors: errors.links, status: .unprocessableContent)
        }
    }

    /// `GET /admin/demarches/{slug}/suppression`: what deleting does, or why it cannot be.
    func confirmDeletion(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        let procedure = try catalogue.procedureToEdit(slug, actor: context.account)
        return deletionPage(context, procedure, count: try catalogue.dossierCount(procedure: slug, actor: context.account), error: nil, status: .ok)
    }

    /// `POST /admin/demarches/{slug}/suppression`.
    func delete(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        let procedure = try catalogue.procedureToEdit(slug, actor: context.account)
        do {
            try catalogue.delete(procedure: slug, by: context.account, now: now())
            return pages.redirect(to: AdminPaths.procedureDeleted, context)
        } catch let errors as ValidationErrors {
            return deletionPage(context, procedure, count: try catalogue.dossierCount(procedure: slug, actor: context.account),
                                error: errors["suppression"], status: .conflict)
        }
    }

    private func deletionPage(_ context: RequestContext, _ procedure: Procedure, count: Int, error: String?, status: HTTPStatus) -> HTTPResponse {
        let view = DeletionView(
            layout: pages.layout("Supprimer : \(procedure.title)", context, hasErrors: error != nil), csrfToken: context.csrfToken,
            error: error, procedure: procedure.title, deletable: count == 0,
            reason: "Cette démarche a \(count) demande\(count > 1 ? "s" : "") (brouillons compris) : elle ne peut pas être supprimée, "
                + "pour que les habitants et les agents les retrouvent. Pour qu'on ne puisse plus la demander, retirez-la des pages publiques : ses demandes continuent.",
            action: AdminPaths.procedureDeletion(procedure.slug), cancelPath: AdminPaths.procedure(procedure.slug))
        return pages.page("admin/procedure-deletion", view, context, status: status)
    }

    /// "de Langeais", "d'Ambillou", "d'Hommes": French elides before a vowel or a mute h.
    static func of(_ name: String) -> String {
        guard let first = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).first else { return "de " + name }
        return ("aeiouyh".contains(first) ? "d'" : "de ") + name
    }

    /// The edit page's choice of the commune whose resident the preview shows.
    static let previewCommuneField = "apercu-commune"

    /// `GET /admin/demarches/nouvelle`.
    func new(_ context: RequestContext) throws -> HTTPResponse {
        _ = try catalogue.proceduresToEdit(actor: context.account)
        var form = ProcedureForm(Self.blank)
        form.category = ""
        return render(context, Self.blank, form: form, slug: "", errors: [], status: .ok)
    }

    /// `POST /admin/demarches/nouvelle`: `slug` and the procedure's fields.
    func create(_ context: RequestContext) throws -> HTTPResponse {
        _ = try catalogue.proceduresToEdit(actor: context.account)
        let posted = try context.postedForm()
        let form = Self.form(posted, communes: catalogue.communes())
        let slug = posted["slug"] ?? ""
        guard !context.formIsStale else {
            return render(context, Self.blank, form: form, slug: slug,
                          errors: [FieldErrorLink(field: "slug", message: AccountController.staleFormMessage)], status: .forbidden)
        }
        do {
            let created = try catalogue.create(procedure: slug, with: form, by: context.account, now: now())
            return pages.redirect(to: AdminPaths.procedureSaved(created.slug), context)
        } catch let errors as ValidationErrors {
            return render(context, Self.blank, form: form, slug: slug,
                          errors: errors.links, status: .unprocessableContent)
        }
    }

    /// What a new procedure starts from: handled by each commune's mairie, silence meaning acceptance after two months.
    static let blank = Procedure(slug: "", title: "", categoryId: "", summary: "", channels: [.counter], handler: .communal)

    /// `POST /admin/demarches/{slug}/publication`: `publiee` is `1` to publish, `0` to take it off the public pages.
    func publication(_ context: RequestContext, slug: String) throws -> HTTPResponse {
        let published = try context.postedForm()["publiee"] == "1"
        try catalogue.setPublished(published, procedure: slug, by: context.account, now: now())
        return pages.redirect(to: AdminPaths.procedureSaved(slug), context)
    }

    /// The form as posted, every value as typed.
    static func form(_ posted: PostedForm, communes: [Commune]) -> ProcedureForm {
        var form = ProcedureForm()
        func text(_ name: String) -> String { posted[name] ?? "" }
        form.title = text("title")
        form.summary = text("summary")
        form.description = text("description")
        form.category = text("category")
        form.synonyms = text("synonyms")
        form.documents = text("documents")
        form.cost = text("cost")
        form.delay = text("delay")
        form.channels = posted.values("channels")
        form.onlineURL = text("onlineURL")
        form.howTo = text("howTo")
        form.popular = posted["popular"] != nil
        form.handlerType = text("handlerType")
        form.intercommunalOrganisation = text("intercommunalOrganisation")
        form.externalOrganisation = text("externalOrganisation")
        form.counters = posted.values("counters")
        for commune in communes {
            let rule = text(ProcedureForm.communeField(commune.insee)), note = text(ProcedureForm.communeNoteField(commune.insee))
            if !rule.isEmpty || !note.isEmpty { form.communes[commune.insee] = ProcedureForm.CommuneRule(rule: rule, note: note) }
        }
        form.silenceOutcome = text("silenceOutcome")
        form.silenceMonths = text("silenceMonths")
        form.staffNote = text("staffNote")
        form.publishedFrom = text("publishedFrom")
        form.publishedUntil = text("publishedUntil")
        return form
    }

    /// The edit page of `procedure` (or the creation page, given the `slug` typed), with `form`'s values;
    /// `newSlug` is the address typed in the address form, `previewCommune` the preview's commune.
    private func render(_ context: RequestContext, _ procedure: Procedure, form: ProcedureForm, slug: String? = nil,
                        newSlug: String? = nil, previewCommune: String? = nil, errors: [FieldErrorLink], status: HTTPStatus) -> HTTPResponse {
        func error(_ id: String) -> String? { errors.first { $0.field == id }?.message }
        func field(_ id: String, _ value: String) -> FormField { FormField(id: id, value: value, error: error(id)) }
        func options(_ organisations: [Organisation], chosen: String) -> [Choice] {
            organisations.map { Choice(value: $0.id, label: $0.name, selected: $0.id == chosen, id: "") }
        }
        let mairies = catalogue.organisations(kind: .mairie)
        let services = catalogue.organisations(kind: .intercommunality) + catalogue.organisations(kind: .intercommunalService)
        let outside = catalogue.organisations(kind: .external)
        let places = mairies + catalogue.organisations(kind: .franceServices)
        let communes = catalogue.communes().map { commune in
            let typed = form.communes[commune.insee] ?? ProcedureForm.CommuneRule()
            return CommuneRow(
                name: commune.name, id: ProcedureForm.communeField(commune.insee),
                notOffered: typed.rule == ProcedureForm.notOffered,
                mairies: options(mairies, chosen: typed.rule), services: options(services, chosen: typed.rule),
                outside: options(outside, chosen: typed.rule),
                note: field(ProcedureForm.communeNoteField(commune.insee), typed.note),
                error: error(ProcedureForm.communeField(commune.insee)),
                today: HandlerWording.resolved(catalogue.handler(for: procedure, commune: commune.insee)))
        }
        let view = FormView(
            layout: pages.layout(slug == nil ? "Modifier : \(procedure.title)" : "Nouvelle démarche", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken, hasErrors: !errors.isEmpty, errors: errors,
            heading: slug == nil ? procedure.title : "Nouvelle démarche", creating: slug != nil,
            slug: slug.map { field("slug", $0) }, address: slug == nil ? field("slug", newSlug ?? procedure.slug) : nil,
            addressPath: AdminPaths.procedureAddress(procedure.slug), deletionPath: AdminPaths.procedureDeletion(procedure.slug),
            formerAddresses: procedure.formerSlugs.isEmpty ? nil
                : (procedure.formerSlugs.count > 1 ? "Anciennes adresses qui y mènent : " : "Ancienne adresse qui y mène : ")
                    + procedure.formerSlugs.map(CataloguePaths.procedure).joined(separator: ", "),
            previewCommunes: catalogue.communes().map { Choice(value: $0.insee, label: $0.name, selected: $0.insee == previewCommune, id: "") },
            previewPath: slug == nil ? AdminPaths.procedurePreview(procedure.slug) : nil,
            isPublished: procedure.isPublished,
            publicPath: procedure.isVisible(on: context.today) ? CataloguePaths.procedure(procedure.slug) : nil,
            outOfWindow: procedure.isPublished && !procedure.isVisible(on: context.today) ? Self.state(of: procedure, today: context.today) : nil,
            title: field("title", form.title), summary: field("summary", form.summary),
            description: field("description", form.description),
            categories: catalogue.categories().map { Choice(value: $0.id, label: $0.title, selected: $0.id == form.category, id: "") },
            categoryError: error("category"),
            synonyms: field("synonyms", form.synonyms), documents: field("documents", form.documents),
            cost: field("cost", form.cost), delay: field("delay", form.delay),
            channels: Channel.allCases.map { channel in
                Choice(value: channel.rawValue, label: Self.channelLabel(channel), selected: form.channels.contains(channel.rawValue),
                       id: "channel-\(channel.rawValue)")
            },
            channelsError: error("channels"),
            onlineURL: field("onlineURL", form.onlineURL), howTo: field("howTo", form.howTo), popular: form.popular,
            handlerTypes: [("communal", "La mairie de chaque commune"), ("intercommunal", "Un service de la CCTOVAL, pour toutes les communes"),
                           ("external", "Un organisme extérieur, avec les lieux qui reçoivent les habitants")].map { value, label in
                Choice(value: value, label: label, selected: form.handlerType == value, id: "handler-\(value)")
            },
            handlerTypeError: error("handlerType"),
            services: options(services, chosen: form.intercommunalOrganisation), servicesError: error("intercommunalOrganisation"),
            outside: options(outside, chosen: form.externalOrganisation), outsideError: error("externalOrganisation"),
            counters: places.map { Choice(value: $0.id, label: $0.name, selected: form.counters.contains($0.id), id: "counter-\($0.id)") },
            communes: communes,
            silence: [("acceptance", "Vaut acceptation"), ("rejection", "Vaut refus")].map { value, label in
                Choice(value: value, label: label, selected: form.silenceOutcome == value, id: "silence-\(value)")
            },
            silenceError: error("silenceOutcome"), silenceMonths: field("silenceMonths", form.silenceMonths),
            staffNote: field("staffNote", form.staffNote),
            publishedFrom: field("publishedFrom", form.publishedFrom), publishedUntil: field("publishedUntil", form.publishedUntil),
            action: slug == nil ? AdminPaths.procedure(procedure.slug) : AdminPaths.newProcedure,
            publicationPath: AdminPaths.procedurePublication(procedure.slug))
        return pages.page("admin/procedure", view, context, status: status)
    }

    /// "Publiée", "Retirée", "Publiée du 01/05/2027 au 30/09/2027 (pas encore visible)"…
    static func state(of procedure: Procedure, today: CalendarDay) -> String {
        guard procedure.isPublished else { return "Retirée" }
        guard procedure.publishedFrom != nil || procedure.publishedUntil != nil else { return "Publiée" }
        let window = switch (procedure.publishedFrom, procedure.publishedUntil) {
        case let (from?, until?): "du \(from.frenchNumeric) au \(until.frenchNumeric)"
        case let (from?, nil): "à partir du \(from.frenchNumeric)"
        case let (nil, until?): "jusqu'au \(until.frenchNumeric)"
        case (nil, nil): ""
        }
        if let from = procedure.publishedFrom, today < from { return "Publiée \(window) (pas encore visible)" }
        if let until = procedure.publishedUntil, until < today { return "Publiée \(window) (période passée, plus visible)" }
        return "Publiée \(window)"
    }

    static func channelLabel(_ channel: Channel) -> String {
        switch channel {
        case .online: "En ligne"
        case .counter: "Au guichet"
        case .post: "Par courrier"
        case .phone: "Par téléphone"
        }
    }
}
