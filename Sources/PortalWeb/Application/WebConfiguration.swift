import Foundation

/// How the web application is set up, independent of the socket it listens on.
public struct WebConfiguration: Sendable {
    /// The folder holding `templates/` and `static/`.
    public var resourcesDirectory: URL
    /// Mark cookies `Secure` (set when the portal is served over HTTPS behind a proxy).
    public var secureCookies: Bool
    /// The portal's address as people reach it, for links in e-mails (`https://demarches.cctoval.fr`).
    public var publicURL: String
    /// The clock, injectable for tests.
    public var now: @Sendable () -> Date

    public init(
        resourcesDirectory: URL, secureCookies: Bool = false, publicURL: String = "http://127.0.0.1:8080",
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.resourcesDirectory = resourcesDirectory
        self.secureCookies = secureCookies
        self.publicURL = publicURL
        self.now = now
    }
}
