/// The e-mails of the France Services counter.
public struct FranceServicesNotifications: Sendable {
    /// Where the e-mails link to.
    public let links: any PortalLinks

    public init(links: any PortalLinks) {
        self.links = links
    }

    /// To a resident whose account an adviser created: how to choose their own password.
    func activation(to account: Account, code: String, site: String) -> MailMessage {
        .portal(to: account.email, subject: "Votre compte sur le portail citoyen de la CCTOVAL", paragraphs: [
            "Bonjour \(account.displayName),",
            "Votre compte a été créé avec vous au guichet \(site). Personne d'autre que vous ne connaîtra votre mot de passe : choisissez-le vous-même.",
            "Ouvrez \(links.activation()), saisissez votre adresse e-mail et ce code : \(code). Il est valable 30 jours et ne sert qu'une fois.",
        ])
    }

    /// To a resident: the code that says they agree to the mandate an adviser is recording.
    func consentCode(to account: Account, code: String, adviser: String, site: String) -> MailMessage {
        .portal(to: account.email, subject: "Code pour autoriser France Services à agir pour vous", paragraphs: [
            "Bonjour \(account.displayName),",
            "\(adviser), conseiller du guichet \(site), vous demande l'autorisation d'effectuer des démarches pour vous. Si vous êtes d'accord, donnez-lui ce code : \(code).",
            "Il est valable 15 minutes. Si vous n'êtes pas au guichet en ce moment, ne le donnez à personne et ne tenez pas compte de ce message.",
        ])
    }
}
