/// The e-mails of registrations.
public struct RegistrationNotifications: Sendable {
    /// Where the e-mails link to.
    public let links: any PortalLinks

    public init(links: any PortalLinks) {
        self.links = links
    }

    private var link: String { links.residentRegistrations() }

    /// To the adult who registered: where the registration stands now. The child's name, which the
    /// household's other adult may have typed, is in the body only, not in the subject.
    func decided(_ registration: Registration, activity: Activity, to adult: DossierNotifications.Recipient, promoted: Bool) -> MailMessage {
        let what = "l'inscription de \(registration.memberName) à « \(activity.title) » (\(activity.period))"
        let news: String = switch registration.status {
        case .confirmed where promoted: "Une place s'est libérée : \(what) est maintenant confirmée."
        case .confirmed: "\(what.prefix(1).uppercased() + what.dropFirst()) est confirmée."
        case .waiting: "Toutes les places sont prises : \(what) est sur liste d'attente, au rang \(registration.rank ?? 0). Nous vous écrirons dès qu'une place se libère."
        case .refused: "\(what.prefix(1).uppercased() + what.dropFirst()) est refusée. Motif : \(registration.refusalReason ?? "")"
        case .cancelled: "\(what.prefix(1).uppercased() + what.dropFirst()) est annulée."
        }
        return .portal(to: adult.email, subject: "Inscription à « \(activity.title) » : \(registration.status.label.lowercased())", paragraphs: [
            "Bonjour \(adult.name),", news, "Retrouvez les inscriptions de votre foyer dans votre espace : \(link)",
        ])
    }
}
