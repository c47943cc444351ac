/// The portal's address as people reach it (`--public-url`), for links in e-mails and return URLs.
public enum PortalAddress {
    /// `address` without its trailing slash, so that paths can be appended to it.
    public static func base(_ address: String) -> String {
        address.hasSuffix("/") ? String(address.dropLast()) : address
    }
}
