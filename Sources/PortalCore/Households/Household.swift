/// A foyer: the adults responsible for it, their children, and the documents services ask for.
public struct Household: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var adults: [HouseholdMember]
    public var children: [HouseholdMember]
    /// Latest first.
    public var documents: [SupportingDocument]
    /// E-mail addresses invited to join and not yet answered.
    public var pendingInvitations: [String]

    /// The documents of `kind` still valid on `day` (about `member` when it is about a child), latest first.
    public func validDocuments(_ kind: SupportingDocument.Kind, on day: CalendarDay, about member: Int64? = nil) -> [SupportingDocument] {
        documents.filter { $0.kind == kind && $0.isValid(on: day) && (!kind.isAboutAChild || $0.memberId == member) }
    }

    /// The family quotient of the latest valid CAF statement, if any.
    public func familyQuotient(on day: CalendarDay) -> Int? {
        validDocuments(.familyQuotient, on: day).first?.familyQuotient
    }

    public func member(_ id: Int64) -> HouseholdMember? {
        (adults + children).first { $0.id == id }
    }
}
