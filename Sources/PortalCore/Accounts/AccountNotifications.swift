import Foundation

/// The e-mails about an account itself.
enum AccountNotifications {
    /// To a new administrator: the link to choose a password, and until when it works.
    static func administratorActivation(_ issued: AccountLink.Issued) -> MailMessage {
        .portal(to: issued.account.email, subject: "Activez votre compte d'administrateur du portail citoyen de la CCTOVAL", paragraphs: [
            "Bonjour \(issued.account.displayName),",
            "Un compte d'administrateur du portail citoyen a été créé pour vous. Pour l'activer, choisissez votre mot de passe sur cette page : \(issued.url)",
            "Ce lien est valable 24 heures, jusqu'au \(CalendarDay(issued.expiresAt).french) à \(FrenchDateTime.time(issued.expiresAt)), et ne sert qu'une fois. Si vous n'attendiez pas ce message, ignorez-le.",
        ])
    }
}
