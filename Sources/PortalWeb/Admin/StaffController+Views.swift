import Foundation

/// What the staff pages show: the list, and the invitation form with its choices.
extension StaffController {
    struct ListView {
        let layout: LayoutContext
        let notice: String?
        let members: [Member]
        let invitationPath = AdminPaths.invitation
        let csrfToken: String
    }

    struct Member {
        let name: String
        let email: String
        let editPath: String
        let role: String
        let organisation: String
        let status: String
        let lastLogIn: String
        let resendPath: String?
        let revocationPath: String?
        let deactivationPath: String?
        let reactivationPath: String?
    }

    struct FormView {
        let layout: LayoutContext
        let csrfToken: String
        let hasErrors: Bool
        let errors: [FieldErrorLink]
        let title: String
        let lead: String
        let button: String
        let name: FormField
        /// Asked for an invitation only: an account's address does not change here.
        let email: FormField?
        let role: ChoiceField
        let organisation: ChoiceField
        let action: String
        let cancelPath = AdminPaths.staff
    }

    /// A radio group or a select: its options, the one chosen, and its error.
    struct ChoiceField {
        let id: String
        let error: String?
        let groups: [Group]
    }

    struct Group {
        let label: String
        let options: [Choice]
    }
}
