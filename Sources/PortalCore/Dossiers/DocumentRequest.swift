import Foundation
import GRDB

/// A document an agent asked the resident for (pièce manquante).
public struct DocumentRequest: Sendable, Hashable, Identifiable {
    public enum Status: String, Sendable, Hashable {
        /// Waiting for the resident (asked, or refused and asked again).
        case requested
        /// Sent, waiting for the agent's review.
        case supplied
        case accepted
    }

    public var id: Int64
    public var dossierId: Int64
    /// What is asked ("Justificatif de domicile de moins de 3 mois").
    public var label: String
    /// Why, and what fits.
    public var explanation: String
    /// By when.
    public var dueOn: CalendarDay
    public var status: Status
    /// The document sent, once supplied.
    public var fileId: Int64?
    /// Why the last document sent was refused (shown to the resident, who sends another).
    public var refusalReason: String?

    init(row: Row) throws {
        id = row["id"]
        dossierId = row["dossierId"]
        label = row["label"]
        explanation = row["explanation"]
        dueOn = CalendarDay(iso: row["dueOn"]) ?? CalendarDay(year: 2000, month: 1, day: 1)!
        status = try Status(stored: row["status"], column: "document_request.status")
        fileId = row["fileId"]
        refusalReason = row["refusalReason"]
    }
}

/// What an agent writes to ask for a document.
public struct DocumentRequestDraft: Sendable, Hashable {
    /// The draft's text fields, named as in ``ValidationErrors`` (also the names of their inputs).
    public enum Field: String, Sendable, CaseIterable {
        /// The document asked for, on one line.
        case label = "libelle"
        /// Why, and what fits; several lines allowed.
        case explanation = "explication"
    }

    public var label: String
    public var explanation: String
    public var dueOn: CalendarDay

    public init(label: String, explanation: String, dueOn: CalendarDay) {
        self.label = label
        self.explanation = explanation
        self.dueOn = dueOn
    }
}
