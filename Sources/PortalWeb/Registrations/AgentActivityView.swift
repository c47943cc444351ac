import PortalCore

/// One activity's registrations for its agents: the confirmed ones (the printable attendance
/// list), those waiting in rank order, then the refused and cancelled; a refusal form per active one.
struct AgentActivityView {
    struct Entry {
        let name: String
        let age: String
        let birthDate: String
        let school: String?
        let adultName: String
        let adultEmail: String
        let rank: Int?
        let status: String
        let refusalReason: String?
        let requestedOn: String
        let decidedOn: String?
        /// The refusal form, for a confirmed or waiting registration.
        let refusePath: String?
        let reasonId: String
        let reasonError: String?
        let typedReason: String
    }

    /// What the agent typed in a refusal form, and why it was refused.
    struct RefusalAttempt {
        let registrationId: Int64
        let reason: String
        let error: String
    }

    let layout: LayoutContext
    let csrfToken: String
    let notice: String?
    let hasErrors: Bool
    let errors: [FieldErrorLink]
    let title: String
    let period: String
    let runningDates: String
    let registrationDates: String
    let placesText: String
    let waitingText: String
    let confirmed: [Entry]
    let hasConfirmed: Bool
    let waiting: [Entry]
    let hasWaiting: Bool
    let closed: [Entry]
    let hasClosed: Bool
    let exportPath: String
    let printedOn: String

    init(activity: Activity, entries: [RosterEntry], today: CalendarDay, layout: LayoutContext, csrfToken: String, notice: String?,
         attempt: RefusalAttempt?) {
        self.layout = layout
        self.csrfToken = csrfToken
        self.notice = notice
        title = activity.title
        period = activity.period
        runningDates = RegistrationWording.runningDates(activity)
        registrationDates = RegistrationWording.registrationDates(activity)
        func entry(_ roster: RosterEntry) -> Entry {
            let registration = roster.registration
            let attempted = attempt?.registrationId == registration.id ? attempt : nil
            return Entry(
                name: registration.memberName, age: HouseholdWording.age(of: roster.member, on: today) ?? "",
                birthDate: roster.member.birthDate?.french ?? "", school: roster.member.school,
                adultName: roster.adultName, adultEmail: roster.adultEmail, rank: registration.rank,
                status: registration.status.label, refusalReason: registration.refusalReason,
                requestedOn: CalendarDay(registration.createdAt).french, decidedOn: registration.decidedAt.map { CalendarDay($0).french },
                refusePath: registration.status.isActive ? RegistrationPaths.refusal(activity.id, registration.id) : nil,
                reasonId: "motif-\(registration.id)", reasonError: attempted?.error, typedReason: attempted?.reason ?? "")
        }
        confirmed = entries.filter { $0.registration.status == .confirmed }.map(entry)
        waiting = entries.filter { $0.registration.status == .waiting }.map(entry)
        closed = entries.filter { !$0.registration.status.isActive }.map(entry)
        hasConfirmed = !confirmed.isEmpty
        hasWaiting = !waiting.isEmpty
        hasClosed = !closed.isEmpty
        // The summary links to the refusal form; one no longer active has none, so to the list.
        let stillActive = entries.contains { $0.registration.id == attempt?.registrationId && $0.registration.status.isActive }
        errors = attempt.map { [FieldErrorLink(field: stillActive ? "motif-\($0.registrationId)" : "inscrits", message: $0.error)] } ?? []
        hasErrors = !errors.isEmpty
        placesText = "\(confirmed.count) inscrit\(confirmed.count > 1 ? "s" : "") sur \(activity.capacity) place\(activity.capacity > 1 ? "s" : "")"
        waitingText = waiting.isEmpty ? "Personne sur liste d'attente" : "\(waiting.count) sur liste d'attente"
        exportPath = RegistrationPaths.export(activity.id)
        printedOn = today.french
    }
}
