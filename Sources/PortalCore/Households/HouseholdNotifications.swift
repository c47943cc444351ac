/// The e-mails of households.
public struct HouseholdNotifications: Sendable {
    /// Where the e-mails link to.
    public let links: any PortalLinks

    public init(links: any PortalLinks) {
        self.links = links
    }

    /// To the invited adult: the link to join. The inviter's name, typed by them, is in the body
    /// only: the subject carries nothing one person typed to an address they chose.
    func invitation(from inviter: String, to email: String, token: String) -> MailMessage {
        .portal(to: email, subject: "Invitation à partager un foyer sur le portail de la CCTOVAL", paragraphs: [
            "Bonjour,",
            "\(inviter) vous invite à rejoindre son foyer sur le portail citoyen de la Communauté de communes Touraine Ouest Val de Loire : vous pourrez tous deux inscrire les enfants aux services et retrouver les documents du foyer.",
            "Pour accepter, connectez-vous ou créez votre compte avec cette adresse e-mail, puis ouvrez ce lien dans les 14 jours : \(links.householdInvitation(token: token))",
            "Si vous ne connaissez pas cette personne, ne tenez pas compte de ce message.",
        ])
    }
}
