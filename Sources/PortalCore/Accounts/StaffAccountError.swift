/// Why a staff account could not be created, invited or activated.
public enum StaffAccountError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was typed is not acceptable (French messages under `email`, `name`, `role`,
    /// `organisation` or `password`).
    case invalid(ValidationErrors)
    /// The address belongs to an account of another role, or to an active account: an account never
    /// silently changes role.
    case addressTaken(Role)
    /// The portal would be left without an active administrator.
    case lastAdministrator
    /// A manager would deactivate an account that serves other organisations too.
    case sharedAccount

    public var description: String {
        switch self {
        case .invalid(let errors): errors.errors.map(\.message).joined(separator: " ")
        case .addressTaken(let role):
            "Un compte existe déjà avec cette adresse (\(role.label.lowercased())) : un compte ne change pas de rôle ainsi. Choisissez une autre adresse."
        case .lastAdministrator:
            "C'est le dernier compte administrateur actif : invitez ou réactivez d'abord un autre administrateur."
        case .sharedAccount:
            "Ce compte sert aussi d'autres organisations : retirez-lui plutôt les vôtres (Modifier le compte), ou demandez à un administrateur."
        }
    }
}

extension StaffAccountError: DomainError {
    public var kind: ErrorKind {
        switch self {
        case .invalid: .invalid
        case .addressTaken, .lastAdministrator, .sharedAccount: .conflict
        }
    }
}
