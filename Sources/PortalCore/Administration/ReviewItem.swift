/// An entry of the reference data that the team must still check before relying on it: it carries a
/// staff note, or its contact details are demo data.
public struct ReviewItem: Sendable, Hashable {
    /// The entry concerned.
    public enum Subject: Sendable, Hashable {
        case organisation(Organisation)
        case procedure(Procedure)
    }

    /// The entry concerned.
    public var subject: Subject
    /// What is to check, in French, one sentence each.
    public var notes: [String]
}
