import Foundation
import PortalCore
import PortalHTTP

/// Under a mandate, the adviser files a request for the resident: the online procedures of the
/// families it covers, then the same pages as the resident's (``FilingController``) under
/// `/guichet/habitants/{id}/demandes/…`, acting as the resident; the filing is journaled and the
/// acknowledgement shown. The dossier is the resident's, filed at the counter, its timeline naming
/// the adviser.
struct FranceServicesFilingController: Sendable {
    let desk: FranceServicesDesk
    let dossiers: Dossiers
    let filing: FilingController
    let dossierPages: DossierPages

    struct ProcedureRow {
        let slug: String
        let title: String
        let family: String
    }

    struct DossierRow {
        let reference: String
        let title: String
        let status: String
        let path: String
    }

    struct ListView {
        let layout: LayoutContext
        let csrfToken: String
        let residentName: String
        let residentPath: String
        let procedures: [ProcedureRow]
        let hasProcedures: Bool
        let drafts: [DossierRow]
        let hasDrafts: Bool
        let filed: [DossierRow]
        let hasFiled: Bool
        let action: String
    }

    /// `GET /guichet/habitants/{id}/demandes`: what the adviser may file, drafts to finish, dossiers filed.
    func list(_ context: RequestContext, resident id: Int64) throws -> HTTPResponse {
        let (resident, covered) = try desk.actingForAnyFamily(of: id, context)
        let online = try dossiers.forms.procedureSlugs()
        let procedures = online.compactMap(desk.catalogue.publishedProcedure(slug:)).filter { procedure in
            guard covered.contains(desk.family(ofProcedure: procedure.slug)), let commune = resident.communeInsee,
                  case .organisation = desk.catalogue.handler(for: procedure, commune: commune) else { return false }
            return true
        }.sorted { $0.title < $1.title }
        let own = try dossiers.dossiers(of: resident, now: desk.now()).filter { covered.contains(desk.family(ofProcedure: $0.procedureSlug)) }
        func row(_ dossier: DossierSummary) -> DossierRow {
            DossierRow(reference: dossier.reference, title: dossier.procedureTitle, status: dossier.status.label,
                       path: dossier.status == .draft ? FranceServicesPaths.draft(id, dossier: dossier.id) : FranceServicesPaths.dossier(id, dossier: dossier.id))
        }
        let drafts = own.filter { $0.status == .draft }.map(row), filed = own.filter { $0.status != .draft }.map(row)
        let view = ListView(
            layout: desk.pages.layout("Faire une demande pour \(resident.displayName)", context),
            csrfToken: context.csrfToken,
            residentName: resident.displayName,
            residentPath: FranceServicesPaths.resident(id),
            procedures: procedures.map { ProcedureRow(slug: $0.slug, title: $0.title, family: desk.family(ofProcedure: $0.slug).label) },
            hasProcedures: !procedures.isEmpty,
            drafts: drafts, hasDrafts: !drafts.isEmpty,
            filed: filed, hasFiled: !filed.isEmpty,
            action: FranceServicesPaths.procedures(id))
        return desk.pages.page("guichet/procedures", view, context)
    }

    /// `POST /guichet/habitants/{id}/demandes`: a new draft of the procedure `demarche` for the resident.
    func start(_ context: RequestContext, resident id: Int64) throws -> HTTPResponse {
        _ = try desk.adviser(context)
        let form = try context.postedForm()
        let slug = form["demarche"] ?? ""
        guard desk.catalogue.procedure(slug: slug) != nil else { throw PageNotFound() }
        let (resident, _) = try desk.acting(for: id, in: desk.family(ofProcedure: slug), context)
        do {
            let draft = try dossiers.startDraft(procedureSlug: slug, actor: resident, now: desk.now())
            return desk.pages.redirect(to: FranceServicesPaths.draft(id, dossier: draft.id), context)
        } catch DossierError.procedureNotOnline, DossierError.notOfferedInCommune {
            return desk.pages.redirect(to: FranceServicesPaths.procedures(id), context)
        }
    }

    /// One of the filing pages for a draft of the resident's, acting as them under the mandate
    /// covering the draft's procedure; 404 otherwise.
    func draftPage(_ context: RequestContext, resident id: Int64, draft draftId: Int64,
                   _ page: (FilingController, RequestContext, FilingPlace, Mandate) throws -> HTTPResponse) throws -> HTTPResponse {
        let (acting, mandate) = try actingOn(draftId, resident: id, context)
        return try page(filing, context.acting(as: acting), .counter(resident: id), mandate)
    }

    /// `POST /guichet/habitants/{id}/demandes/{dossier}/deposer`: files it, journals it, then the acknowledgement.
    func submit(_ context: RequestContext, resident id: Int64, draft draftId: Int64) throws -> HTTPResponse {
        try draftPage(context, resident: id, draft: draftId) { filing, acting, place, mandate in
            try filing.submit(acting, id: draftId, place: place) { dossier in
                try desk.record("Demande \(dossier.reference) déposée : \(dossier.procedureTitle)", for: id, under: mandate, context)
            }
        }
    }

    struct DossierView {
        let layout: LayoutContext
        let residentName: String
        let residentPath: String
        let proceduresPath: String
        let receiptPath: String
        let justFiled: Bool
        let reference: String
        let procedureTitle: String
        let status: String
        let receipt: DossierPages.ReceiptView
        let timeline: [TimelineLine]
    }

    /// `GET /guichet/habitants/{id}/dossiers/{dossier}`: a filed dossier's acknowledgement and timeline.
    func dossier(_ context: RequestContext, resident id: Int64, dossier dossierId: Int64) throws -> HTTPResponse {
        let (resident, _) = try actingOn(dossierId, resident: id, context)
        let dossier = try dossiers.dossier(id: dossierId, actor: resident, now: desk.now())
        if dossier.status == .draft { return desk.pages.redirect(to: FranceServicesPaths.draft(id, dossier: dossierId), context) }
        let receipt = try dossiers.acknowledgement(of: dossierId, actor: resident, now: desk.now())
        let view = DossierView(
            layout: desk.pages.layout("Demande \(dossier.reference) – \(resident.displayName)", context),
            residentName: resident.displayName,
            residentPath: FranceServicesPaths.resident(id),
            proceduresPath: FranceServicesPaths.procedures(id),
            receiptPath: FranceServicesPaths.receipt(id),
            justFiled: context.request.queryValue("depose") == "1",
            reference: dossier.reference,
            procedureTitle: dossier.procedureTitle,
            status: dossier.status.label,
            receipt: DossierPages.ReceiptView(receivedAt: receipt.receivedAtText, service: OrganisationView(receipt.service),
                                              silenceText: receipt.silenceText, appealText: receipt.appealText),
            timeline: try dossiers.timeline(of: dossierId, actor: resident, now: desk.now()).map {
                TimelineLine($0, documents: FranceServicesPaths.dossier(id, dossier: dossierId) + "/documents")
            })
        return desk.pages.page("guichet/dossier", view, context)
    }

    /// `GET /guichet/habitants/{id}/dossiers/{dossier}/documents/{file}`: a document of the dossier.
    func document(_ context: RequestContext, resident id: Int64, dossier dossierId: Int64, file fileId: Int64) throws -> HTTPResponse {
        let (resident, _) = try actingOn(dossierId, resident: id, context)
        return try dossierPages.document(context.acting(as: resident), dossierId: dossierId, fileId: fileId)
    }

    /// The resident's account under the mandate covering a dossier of theirs; 404 for anyone else's.
    private func actingOn(_ dossierId: Int64, resident id: Int64, _ context: RequestContext) throws -> (Account, Mandate) {
        let (any, _) = try desk.actingForAnyFamily(of: id, context)
        let dossier = try dossiers.residentsOwnDossier(dossierId, context.acting(as: any), now: desk.now())
        return try desk.acting(for: id, in: desk.family(ofProcedure: dossier.procedureSlug), context)
    }
}
