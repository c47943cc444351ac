import PortalCore

/// The household page: adults and invitations, children, documents, and the invitation form.
struct HouseholdView {
    struct Adult {
        let name: String
        let isYou: Bool
        let hasAccount: Bool
    }

    struct Child {
        let name: String
        let birthDate: String
        let age: String
        let school: String?
        let editPath: String
    }

    struct Document {
        let label: String
        let child: String?
        let issuedOn: String
        let validity: String
        let expired: Bool
        let quotient: Int?
        let fileName: String
        let path: String
    }

    let layout: LayoutContext
    let csrfToken: String
    let notice: String?
    let hasErrors: Bool
    let errors: [FieldErrorLink]
    let adults: [Adult]
    let pendingInvitations: [String]
    let hasPendingInvitations: Bool
    let children: [Child]
    let hasChildren: Bool
    let documents: [Document]
    let hasDocuments: Bool
    let invitePath = HouseholdPaths.invite
    let newChildPath = HouseholdPaths.newChild
    let newDocumentPath = HouseholdPaths.newDocument
    /// The invitation's e-mail field, with what was typed and its error.
    let email: FormField

    init(_ household: Household, actor: Account, today: CalendarDay, layout: LayoutContext, csrfToken: String, notice: String?,
         errors: [FieldErrorLink], typedEmail: String) {
        self.layout = layout
        self.csrfToken = csrfToken
        self.notice = notice
        hasErrors = !errors.isEmpty
        self.errors = errors
        adults = household.adults.map { Adult(name: $0.fullName, isYou: $0.accountId == actor.id, hasAccount: $0.accountId != nil) }
        pendingInvitations = household.pendingInvitations
        hasPendingInvitations = !household.pendingInvitations.isEmpty
        children = household.children.map { child in
            Child(name: child.fullName, birthDate: child.birthDate?.french ?? "", age: HouseholdWording.age(of: child, on: today) ?? "",
                  school: child.school, editPath: HouseholdPaths.child(child.id))
        }
        hasChildren = !children.isEmpty
        documents = household.documents.map { document in
            let validity = HouseholdWording.validity(of: document, on: today)
            return Document(label: document.kind.label, child: document.memberId.flatMap { household.member($0)?.fullName },
                            issuedOn: document.issuedOn.french, validity: validity.text.prefix(1).uppercased() + validity.text.dropFirst(),
                            expired: validity.expired,
                            quotient: document.familyQuotient, fileName: document.fileName, path: HouseholdPaths.document(document.id))
        }
        hasDocuments = !documents.isEmpty
        email = FormField(id: "email", value: typedEmail, error: errors.first { $0.field == "email" }?.message)
    }
}
