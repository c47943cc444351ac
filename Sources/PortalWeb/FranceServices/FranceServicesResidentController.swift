import Foundation
import PortalCore
import PortalHTTP

/// The adviser's page about one resident, and the mandate: what it covers, the printed summary
/// the resident signs, the e-mailed consent code, recording and revoking it. Without a valid
/// mandate the adviser sees only the resident's name and commune.
struct FranceServicesResidentController: Sendable {
    let desk: FranceServicesDesk

    /// `GET /guichet/habitants/{id}`: with `familles` and `duree` in the query, the consent step.
    func show(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let scope = MandateScope(query: context.request)
        let submitted = context.request.queryValue("portee") == "1"
        let consent = ResidentPageView.ConsentInput(consent: context.request.queryValue("consentement") ?? "")
        let notice: String? = switch context.request.queryValue("fait") {
        case "code": "Code envoyé à l'adresse de la personne. Demandez-lui de vous le lire, puis saisissez-le ci-dessous."
        case "mandat": "Le mandat est enregistré."
        case "revocation": "Le mandat est révoqué : vous ne pouvez plus agir pour cette personne à ce titre."
        default: nil
        }
        return try render(context, id: id, scope: scope, scopeSubmitted: submitted, consent: consent,
                          errors: submitted ? scope.errors : [], notice: notice, status: submitted && !scope.errors.isEmpty ? .unprocessableContent : .ok)
    }

    /// `GET /guichet/habitants/{id}/recapitulatif?familles=…&duree=…`: the summary the resident signs.
    func summary(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let adviser = try desk.adviser(context)
        let resident = try residentMatch(id, adviser: adviser)
        let scope = MandateScope(query: context.request)
        guard let duration = scope.validDuration, !scope.validFamilies.isEmpty else {
            return desk.pages.redirect(to: FranceServicesPaths.resident(id) + "?portee=1&" + scope.query + "#mandat", context)
        }
        let site = desk.site(of: adviser), today = CalendarDay(desk.now())
        let view = MandateSummaryView(
            layout: desk.pages.layout("Mandat à signer – \(resident.displayName)", context),
            residentName: resident.displayName,
            communeName: resident.communeName ?? "",
            adviserName: adviser.displayName,
            siteName: site?.name ?? "France Services",
            city: site?.city ?? "",
            families: scope.validFamilies.map(\.label),
            duration: duration.label,
            lastDay: CalendarDay(duration.end(from: desk.now()).addingTimeInterval(-1)).french,
            date: today.french,
            backPath: FranceServicesPaths.resident(id) + "?" + scope.query + "#mandat")
        return desk.pages.page("guichet/mandate-summary", view, context)
    }

    /// `POST /guichet/habitants/{id}/code`: e-mails the resident the code to read out if they agree.
    func sendCode(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let adviser = try desk.adviser(context)
        let form = try context.postedForm()
        try desk.franceServices.sendConsentCode(to: id, adviser: adviser, now: desk.now())
        let scope = MandateScope(form: form)
        return desk.pages.redirect(to: FranceServicesPaths.resident(id) + "?\(scope.query)&consentement=code&fait=code#accord", context)
    }

    /// `POST /guichet/habitants/{id}/mandat`. Field names: `familles`, `duree`, `consentement`, `lecture`, `code`.
    func record(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let adviser = try desk.adviser(context)
        let form = try context.postedForm()
        let scope = MandateScope(form: form)
        let consent = ResidentPageView.ConsentInput(consent: form["consentement"] ?? "", readAndSigned: form["lecture"] == "oui",
                                                    code: form["code"] ?? "")
        guard !context.formIsStale else {
            return try render(context, id: id, scope: scope, scopeSubmitted: true, consent: consent,
                              errors: [FieldErrorLink(field: "consentement", message: AccountController.staleFormMessage)], notice: nil,
                              status: .forbidden)
        }
        do {
            _ = try desk.franceServices.recordMandate(
                FranceServices.MandateForm(families: scope.families, duration: scope.duration, consent: consent.consent,
                                    readAndSigned: consent.readAndSigned, code: consent.code),
                for: id, adviser: adviser, now: desk.now())
        } catch FranceServicesError.invalid(let invalid) {
            let errors = invalid.links
            return try render(context, id: id, scope: scope, scopeSubmitted: true, consent: consent, errors: errors, notice: nil,
                              status: .unprocessableContent)
        }
        return desk.pages.redirect(to: FranceServicesPaths.resident(id) + "?fait=mandat", context)
    }

    /// `POST /guichet/mandats/{id}/revocation`: ends a mandate of the adviser's site at once.
    func revoke(_ context: RequestContext, mandateId: Int64) throws -> HTTPResponse {
        let adviser = try desk.adviser(context)
        let mandate: Mandate
        mandate = try desk.franceServices.revoke(mandateId, actor: adviser, now: desk.now())
        return desk.pages.redirect(to: FranceServicesPaths.resident(mandate.residentAccountId) + "?fait=revocation", context)
    }

    private func render(_ context: RequestContext, id: Int64, scope: MandateScope, scopeSubmitted: Bool,
                        consent: ResidentPageView.ConsentInput, errors: [FieldErrorLink], notice: String?,
                        status: HTTPStatus) throws -> HTTPResponse {
        let adviser = try desk.adviser(context)
        let resident = try residentMatch(id, adviser: adviser)
        let view = ResidentPageView(
            resident: resident, mandates: try desk.activeMandates(of: id, context), scope: scope, scopeSubmitted: scopeSubmitted,
            consent: consent, errors: errors, notice: notice,
            layout: desk.pages.layout(resident.displayName + " – Guichet France Services", context, hasErrors: !errors.isEmpty),
            csrfToken: context.csrfToken)
        return desk.pages.page("guichet/resident", view, context, status: status)
    }

    private func residentMatch(_ id: Int64, adviser: Account) throws -> FranceServices.ResidentMatch {
        return try desk.franceServices.resident(id, adviser: adviser, now: desk.now())
    }
}
