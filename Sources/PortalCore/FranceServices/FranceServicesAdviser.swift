/// The France Services adviser acting for a resident under a mandate: carried by the resident's
/// ``Account`` as the use cases receive it (``FranceServices/actingAccount(for:family:adviser:now:)``
/// sets it), so that what they record says "by adviser X of site S".
public struct FranceServicesAdviser: Sendable, Hashable {
    public var accountId: Int64
    public var name: String
    public var siteName: String
    public var mandateId: Int64
}
