/// Why a registration use case refused.
public enum RegistrationError: Error, Sendable, Hashable {
    /// The activity, member or registration does not exist or is not the account's (answered 404).
    case notFound
    /// Registrations are not open today.
    case closed(opensOn: CalendarDay, closesOn: CalendarDay)
    /// The member's age on the first day is outside the activity's range.
    case ageOutOfRange(String)
    /// The household lives outside the communes the activity takes.
    case communeNotServed
    /// The household lacks valid documents the activity asks for.
    case missingDocuments([SupportingDocument.Kind])
    /// The member is already registered (confirmed or waiting).
    case alreadyRegistered
    /// The action makes no sense in the registration's status.
    case invalidTransition(from: RegistrationStatus)
    /// A refusal without its reason.
    case reasonRequired

    /// What to tell the family, in French.
    public var message: String {
        switch self {
        case .notFound: "Cette inscription n'existe pas."
        case .closed(let opensOn, let closesOn):
            "Les inscriptions sont ouvertes du \(opensOn.french) au \(closesOn.french)."
        case .ageOutOfRange(let range): "Cette activité accueille les enfants \(range) au premier jour."
        case .communeNotServed: "Cette activité n'accueille que les habitants des communes qu'elle dessert."
        case .missingDocuments(let kinds):
            "Ajoutez d'abord à votre foyer, en cours de validité : " + kinds.map { $0.label.lowercased() }.joined(separator: ", ") + "."
        case .alreadyRegistered: "Cette personne est déjà inscrite ou sur liste d'attente pour cette activité."
        case .invalidTransition(let status): "Cette inscription est « \(status.label.lowercased()) » : ce n'est plus possible."
        case .reasonRequired: "Indiquez le motif du refus."
        }
    }
}

extension RegistrationError: DomainError {
    public var kind: ErrorKind {
        switch self {
        case .notFound: .notFound
        case .closed, .ageOutOfRange, .communeNotServed, .missingDocuments, .reasonRequired: .invalid
        case .alreadyRegistered, .invalidTransition: .conflict
        }
    }
}
