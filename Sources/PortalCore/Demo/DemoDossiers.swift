import Foundation

/// Sample dossiers for the demo: each demo resident has requests in several states, so the
/// resident's dashboard, the mairie's and the CCTOVAL's queues show something real. They are
/// filed through the same use cases as real ones (forms, routing, timeline, e-mails).
public enum DemoDossiers {
    /// Adds the sample dossiers unless the demo residents already have some; returns how many were added.
    @discardableResult
    public static func install(into dossiers: Dossiers, now: Date = Date()) throws -> Int {
        func account(_ login: String) throws -> Account? {
            try dossiers.database.pool.read { db in
                try Account.fetch(email: login, db)
            }
        }
        guard let langeais = try account("habitant@demo.cctoval.fr"),
              let bourgueil = try account("habitante.bourgueil@demo.cctoval.fr"),
              let mairieAgent = try account("agent.langeais@demo.cctoval.fr"),
              let dechetsAgent = try account("agent.dechets@demo.cctoval.fr"),
              try dossiers.dossiers(of: langeais, now: now).isEmpty else { return 0 }
        let day: TimeInterval = 24 * 3600
        let validator = FormValidator(communeCodes: Set(dossiers.catalogue.communes().map(\.insee)), today: CalendarDay(now))

        func file(_ slug: String, for resident: Account, at date: Date, pages: [(String, [String: [String]])], submit: Bool = true) throws -> Dossier {
            let draft = try dossiers.startDraft(procedureSlug: slug, actor: resident, now: date)
            for (page, values) in pages {
                let result = try dossiers.answer(page: page, of: draft.id, input: FormInput(values), validator: validator, actor: resident, now: date)
                precondition(result.errors.isEmpty, "demo answers for \(slug)/\(page) are invalid: \(result.errors.errors)")
            }
            return submit ? try dossiers.submit(draft.id, actor: resident, now: date) : draft
        }
        func pothole(_ resident: Account, commune: String, place: String, at date: Date) throws -> [(String, [String: [String]])] {
            let noticed = CalendarDay(date).adding(days: -2)
            return [
                ("urgence", ["danger": ["non"]]),
                ("probleme", ["type-probleme": ["nid-de-poule"]]),
                ("lieu", ["commune": [commune], "emplacement": [place]]),
                ("description", ["date-constat-day": [String(noticed.day)], "date-constat-month": [String(noticed.month)],
                                 "date-constat-year": [String(noticed.year)],
                                 "details": ["Un nid-de-poule d'une trentaine de centimètres, dangereux pour les vélos."]]),
            ]
        }

        let road = try file("signalement-voirie", for: langeais, at: now - 3 * day,
                            pages: try pothole(langeais, commune: "37123", place: "Rue Anne de Bretagne, devant le numéro 12", at: now - 3 * day))
        _ = try dossiers.perform(.takeInCharge, on: road.id, actor: mairieAgent, now: now - 2 * day)
        try dossiers.sendMessage("Merci pour votre signalement : les services techniques passeront cette semaine.",
                                 on: road.id, actor: mairieAgent, now: now - 2 * day)

        let composter = try file("composteur", for: langeais, at: now - 10 * day, pages: [
            ("jardin", ["type-logement": ["jardin"]]),
            ("logement", ["commune": ["37123"], "adresse-street": ["3 rue de la Loire"], "adresse-postal-code": ["37130"],
                          "adresse-city": ["Langeais"]]),
            ("composteur", ["nombre-personnes": ["4"], "modele": ["bois"]]),
            ("retrait", [:]),
        ])
        _ = try dossiers.requestDocument(
            DocumentRequestDraft(label: "Justificatif de domicile de moins de 3 mois",
                                 explanation: "Facture d'électricité, d'eau ou de téléphone à votre nom.",
                                 dueOn: CalendarDay(now).adding(days: 12)),
            on: composter.id, actor: dechetsAgent, now: now - 8 * day)

        _ = try file("signalement-voirie", for: langeais, at: now - 1 * day, pages: [("urgence", ["danger": ["non"]])], submit: false)
        _ = try file("signalement-voirie", for: bourgueil, at: now - 5 * day,
                     pages: try pothole(bourgueil, commune: "37031", place: "Place de l'Église, près de l'arrêt de car", at: now - 5 * day))
        return 4
    }
}
