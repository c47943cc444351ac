/// The outcome of a log-in attempt.
public enum LogInResult: Sendable, Hashable {
    /// The account and the token of its new session (base64url, to put in a cookie).
    case success(Account, token: String)
    /// Wrong e-mail or password; the message never says which.
    case failure(message: String)
    /// Too many recent failures for this e-mail or address.
    case throttled(message: String)

    /// The message of every failure.
    public static let failureMessage = "Adresse e-mail ou mot de passe incorrect."
    /// The message when throttled.
    public static let throttledMessage =
        "Trop de tentatives de connexion. Pour votre sécurité, réessayez dans 15 minutes."
}
