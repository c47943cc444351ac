import PortalCore
import PortalHTTP

/// What a mandate being prepared covers — its families and duration — as typed in the first step
/// of the resident's page and carried through the next (query or hidden fields). Field names:
/// `familles` (repeated), `duree`.
struct MandateScope {
    let families: [String]
    let duration: String

    /// From the query of a GET.
    init(query request: HTTPRequest) {
        families = request.queryItems.filter { $0.name == "familles" }.map(\.value)
        duration = request.queryValue("duree") ?? ""
    }

    /// From a posted form.
    init(form: PostedForm) {
        families = form.values("familles")
        duration = form["duree"] ?? ""
    }

    var validFamilies: [ProcedureFamily] {
        let known = families.compactMap(ProcedureFamily.init(rawValue:))
        return known.count == families.count ? ProcedureFamily.allCases.filter(known.contains) : []
    }

    var validDuration: MandateDuration? { MandateDuration(rawValue: duration) }

    /// The same messages as ``FranceServices/recordMandate(_:for:adviser:now:)``, field by field.
    var errors: [FieldErrorLink] {
        (validFamilies.isEmpty ? [FieldErrorLink(field: "familles", message: "Cochez au moins un type de démarches.")] : [])
            + (validDuration == nil ? [FieldErrorLink(field: "duree", message: "Choisissez la durée du mandat.")] : [])
    }

    /// `familles=…&familles=…&duree=…`, to put after a `?`.
    var query: String {
        (families.map { "familles=\(URLEncodedForm.encode($0))" } + ["duree=\(URLEncodedForm.encode(duration))"]).joined(separator: "&")
    }
}
