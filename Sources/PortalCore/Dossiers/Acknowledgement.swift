import Foundation

/// The electronic acknowledgement of a filed request (accusé de réception, CRPA L112-11),
/// with the mentions R112-11-1 requires: the date of receipt, the service in charge and how
/// to reach it, what the administration's silence will mean and from when, and for a
/// rejection the routes and deadlines of appeal. The date on it is the legal date of filing.
public struct Acknowledgement: Sendable, Hashable {
    public var reference: String
    public var procedureTitle: String
    /// The legal date of filing.
    public var receivedAt: Date
    /// "le 1er mars 2026 à 11 h 01".
    public var receivedAtText: String
    /// The service in charge, with its postal address, e-mail and phone when known.
    public var service: Organisation
    public var silence: SilenceRule
    /// When silence becomes a decision.
    public var decisionDate: Date
    /// What silence means, in a sentence, with its date and the condition that the file is complete.
    public var silenceText: String
    /// For an implicit rejection: how to contest it, and by when.
    public var appealText: String?

    /// Builds the acknowledgement of a filed dossier handled by `service`.
    public init(dossier: Dossier, service: Organisation, silence: SilenceRule) {
        let filedAt = dossier.filedAt ?? dossier.updatedAt
        let decision = dossier.decisionDueAt ?? silence.decisionDate(filedAt: filedAt)
        let decisionDay = CalendarDay(decision).french
        reference = dossier.reference
        procedureTitle = dossier.procedureTitle
        receivedAt = filedAt
        receivedAtText = FrenchDateTime.text(filedAt)
        self.service = service
        self.silence = silence
        decisionDate = decision
        switch silence.outcome {
        case .acceptance:
            silenceText = """
                Si votre dossier est complet et que vous n'avez pas reçu de réponse le \(decisionDay), \
                votre demande sera considérée comme acceptée (décision implicite d'acceptation).
                """
            appealText = nil
        case .rejection:
            silenceText = """
                Si votre dossier est complet et que vous n'avez pas reçu de réponse le \(decisionDay), \
                votre demande sera considérée comme refusée (décision implicite de rejet).
                """
            appealText = """
                Vous pourrez contester ce refus dans un délai de deux mois à compter du \(decisionDay) : \
                par un recours gracieux adressé au service qui traite votre demande (\(service.name)), ou par un recours contentieux devant le \
                tribunal administratif d'Orléans (28 rue de la Bretonnerie, 45057 Orléans Cedex 1), \
                y compris par l'application Télérecours citoyens (www.telerecours.fr).
                """
        }
    }
}

extension Dossiers {
    /// The acknowledgement of a filed dossier, for its resident or the agents handling it.
    public func acknowledgement(of dossierId: Int64, actor: Account?, now: Date) throws -> Acknowledgement {
        let dossier = try dossier(id: dossierId, actor: actor, now: now)
        guard dossier.status != .draft, let organisationId = dossier.organisationId,
              let service = catalogue.organisation(id: organisationId) else { throw DossierError.notFound }
        let silence = catalogue.procedure(slug: dossier.procedureSlug)?.silence ?? .default
        return Acknowledgement(dossier: dossier, service: service, silence: silence)
    }
}
