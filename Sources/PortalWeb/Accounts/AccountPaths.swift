/// Where log-in and its outcomes live.
enum AccountPaths {
    /// The log-in page.
    static let logIn = "/connexion"
    /// The log-in page, after a log-out.
    static let loggedOut = logIn + "?deconnecte=1"
    /// The log-in page, once an account is activated.
    static let activated = logIn + "?active=1"
}
