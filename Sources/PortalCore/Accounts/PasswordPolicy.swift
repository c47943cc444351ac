import Foundation

/// The rules a new password must follow, with their French messages.
public enum PasswordPolicy {
    /// The minimum number of characters.
    public static let minimumLength = 12
    /// The maximum number of characters.
    public static let maximumLength = 256

    /// The hint shown under the password field.
    public static let hint = """
        Au moins 12 caractères. Une phrase de plusieurs mots, facile à retenir pour vous, \
        fait un excellent mot de passe.
        """

    /// Very common passwords, refused whatever their length.
    static let common: Set<String> = [
        "123456789012", "1234567890123", "azertyuiop123", "azertyuiopqs", "qwertyuiop123",
        "motdepasse123", "motdepasse1234", "password1234", "password12345", "passwordpassword",
        "000000000000", "111111111111", "azertyazerty", "soleil123456", "bonjour12345",
        "iloveyou1234", "jetaime123456", "doudou123456", "marseille1313", "123456azerty",
    ]

    /// The French message saying why `password` is refused, or nil when it is acceptable.
    public static func problem(with password: String, email: String) -> String? {
        if password.isEmpty {
            return "Saisissez un mot de passe."
        }
        if password.count < minimumLength {
            return "Votre mot de passe doit contenir au moins \(minimumLength) caractères."
        }
        if password.count > maximumLength {
            return "Votre mot de passe doit contenir au plus \(maximumLength) caractères."
        }
        let folded = password.trimmingCharacters(in: .whitespaces).lowercased()
        if folded == email.lowercased() {
            return "Votre mot de passe ne doit pas être votre adresse e-mail."
        }
        if common.contains(folded) {
            return "Ce mot de passe est trop courant. Choisissez-en un autre, par exemple une phrase de plusieurs mots."
        }
        return nil
    }
}
