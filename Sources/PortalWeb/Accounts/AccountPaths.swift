/// Where signing up, activating, logging in and out live.
enum AccountPaths {
    /// The sign-up page.
    static let signUp = "/inscription"
    /// Where an account created at a France Services desk chooses its password.
    static let activation = "/activation"
    /// The one-time link with which an account created without a password chooses one.
    static func activationLink(token: String) -> String { activation + "/" + token }
    /// The log-in page.
    static let logIn = "/connexion"
    /// Where the log-out form posts.
    static let logOut = "/deconnexion"
    /// The log-in page, after a log-out.
    static let loggedOut = logIn + "?deconnecte=1"
    /// The log-in page, once an account is activated.
    static let activated = logIn + "?active=1"
}
