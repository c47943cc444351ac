import Foundation

/// The e-mails about an account itself.
enum AccountNotifications {
    /// To a new administrator: the link to choose a password, and until when it works.
    static func administratorActivation(_ issued: AccountLink.Issued) -> MailMessage {
        .portal(to: issued.account.email, subject: "Activez votre compte d'administrateur du portail citoyen de la CCTOVAL", paragraphs: [
            "Bonjour \(issued.account.displayName),",
            "Un compte d'administrateur du portail citoyen a été créé pour vous. Pour l'activer, choisissez votre mot de passe sur cette page : \(issued.url)",
            validity(issued, "24 heures"),
        ])
    }

    /// To an invited member of staff: who invited them, where, and the link to choose a password.
    static func invitation(_ issued: AccountLink.Issued, from inviter: Account, organisation: String?) -> MailMessage {
        let role = issued.account.role.label.lowercased()
        let place = organisation.map { " (\($0))" } ?? ""
        return .portal(to: issued.account.email, subject: "Invitation à rejoindre le portail citoyen de la CCTOVAL", paragraphs: [
            "Bonjour \(issued.account.displayName),",
            "\(inviter.displayName) vous invite à rejoindre le portail citoyen de la CCTOVAL avec un compte \(role)\(place). Pour l'activer, choisissez votre mot de passe sur cette page : \(issued.url)",
            validity(issued, "7 jours"),
        ])
    }

    private static func validity(_ issued: AccountLink.Issued, _ duration: String) -> String {
        "Ce lien est valable \(duration), jusqu'au \(CalendarDay(issued.expiresAt).french) à \(FrenchDateTime.time(issued.expiresAt)), et ne sert qu'une fois. Si vous n'attendiez pas ce message, ignorez-le."
    }
}
