/// Where the information pages live.
enum CataloguePaths {
    /// The catalogue of procedures, `/demarches`.
    static let catalogue = "/demarches"
    /// The list of the communes, `/communes`.
    static let communes = "/communes"
    /// « Qui fait quoi ? »: who handles each procedure in each commune.
    static let whoDoesWhat = "/qui-fait-quoi"
    /// The legal pages.
    static let accessibility = "/accessibilite"
    static let legalNotice = "/mentions-legales"
    static let personalData = "/donnees-personnelles"
    /// A category of the catalogue, as an anchor on its page.
    static func category(_ id: String) -> String { catalogue + "#" + id }
    /// The page of the procedure `slug`.
    static func procedure(_ slug: String) -> String { catalogue + "/" + slug }
    /// Where the online request for the procedure `slug` is started (POST).
    static func startRequest(_ slug: String) -> String { procedure(slug) + "/demande" }
    /// The page of the commune with INSEE code `insee`.
    static func commune(_ insee: String) -> String { communes + "/" + insee }
}
