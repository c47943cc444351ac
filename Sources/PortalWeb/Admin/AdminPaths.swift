/// Where the administration's pages live.
enum AdminPaths {
    /// The administration's home, `/admin`.
    static let home = "/admin"
    /// The staff accounts.
    static let staff = "/admin/comptes"
    /// The invitation form (GET) and where it is posted.
    static let invitation = staff + "/invitation"
    /// The staff accounts, saying an invitation was just sent to the account `id`.
    static func invited(_ id: Int64) -> String { staff + "?invitation=\(id)" }
    /// The page (GET) of the staff account `id`, where its name, role and organisation change (POST).
    static func member(_ id: Int64) -> String { staff + "/\(id)" }
    /// The staff accounts, saying the account `id` was just changed.
    static func changed(_ id: Int64) -> String { staff + "?modifie=\(id)" }
    /// Where a new link is sent to the invited account `id` (POST).
    static func resend(_ id: Int64) -> String { staff + "/\(id)/relance" }
    /// The confirmation page (GET) and the deactivation (POST) of the staff account `id`.
    static func deactivation(_ id: Int64) -> String { staff + "/\(id)/desactivation" }
    /// Where the staff account `id` is reactivated (POST).
    static func reactivation(_ id: Int64) -> String { staff + "/\(id)/reactivation" }
    /// The staff accounts, saying the account `id` was just deactivated or reactivated.
    static func deactivated(_ id: Int64) -> String { staff + "?desactive=\(id)" }
    static func reactivated(_ id: Int64) -> String { staff + "?reactive=\(id)" }
    /// The organisations and their details.
    static let organisations = "/admin/organisations"
    /// The edit page (GET) of organisation `id` and where it is posted.
    static func organisation(_ id: String) -> String { organisations + "/\(id)" }
    /// The organisations, saying organisation `id` was just saved.
    static func organisationSaved(_ id: String) -> String { organisations + "?enregistree=\(id)" }
    /// The administration journal, filtered by its query.
    static let journal = "/admin/journal"
    /// The journal as a CSV file, with the same query.
    static let journalExport = "/admin/journal.csv"
    /// The activities.
    static let activities = "/admin/activites"
    /// The form creating an activity (GET), and where it is posted.
    static let newActivity = activities + "/nouvelle"
    /// The edit page (GET) of activity `id` and where it is posted.
    static func activity(_ id: String) -> String { activities + "/\(id)" }
    /// Where activity `id`'s registrations open or close from today (POST).
    static func activityRegistrations(_ id: String) -> String { activity(id) + "/inscriptions" }
    /// The activities, saying activity `id` was just saved.
    static func activitySaved(_ id: String) -> String { activities + "?enregistree=\(id)" }
    /// The régies.
    static let regies = "/admin/regies"
    /// The form creating a régie (GET), and where it is posted.
    static let newRegie = regies + "/nouvelle"
    /// The edit page (GET) of régie `id` and where it is posted.
    static func regie(_ id: String) -> String { regies + "/\(id)" }
    /// The régies, saying régie `id` was just saved.
    static func regieSaved(_ id: String) -> String { regies + "?enregistree=\(id)" }
    /// The catalogue's procedures.
    static let procedures = "/admin/demarches"
    /// The page (GET) where a procedure is created, and where it is posted.
    static let newProcedure = procedures + "/nouvelle"
    /// The edit page (GET) of procedure `slug` and where it is posted.
    static func procedure(_ slug: String) -> String { procedures + "/\(slug)" }
    /// Where procedure `slug` is published or taken off the public pages (POST).
    static func procedurePublication(_ slug: String) -> String { procedure(slug) + "/publication" }
    /// Where the edit form of procedure `slug` is posted to preview it unsaved, or to go back to it.
    static func procedurePreview(_ slug: String) -> String { procedure(slug) + "/apercu" }
    /// The confirmation (GET) of deleting procedure `slug`, and where it is posted.
    static func procedureDeletion(_ slug: String) -> String { procedure(slug) + "/suppression" }
    /// The procedures, saying one was deleted.
    static let procedureDeleted = procedures + "?supprimee=1"
    /// Where a new address for procedure `slug` is posted.
    static func procedureAddress(_ slug: String) -> String { procedure(slug) + "/adresse" }
    /// The procedures, saying procedure `slug` was just saved.
    static func procedureSaved(_ slug: String) -> String { procedures + "?enregistree=\(slug)" }
}
