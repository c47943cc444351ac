/// What became of an imported file: every invoice issued, or nothing and why.
public struct ImportReport: Sendable, Hashable {
    /// A line of the file that cannot be imported, with every reason.
    public struct RejectedLine: Sendable, Hashable {
        /// Its row number in the spreadsheet (the header is row 1).
        public var line: Int
        /// The invoice reference it gives, if any.
        public var reference: String
        public var reasons: [String]
    }

    /// The invoices issued, in the file's order, numbered one after the other. Empty when
    /// anything was rejected.
    public var created: [Invoice]
    /// The lines rejected, in the file's order.
    public var rejectedLines: [RejectedLine]
    /// What makes the whole file unreadable (format, encoding, missing columns, no invoice).
    public var fileProblems: [String]

    /// Nothing went wrong and the invoices are issued.
    public var isImported: Bool { fileProblems.isEmpty && rejectedLines.isEmpty }

    static func unreadable(_ problems: [String]) -> ImportReport {
        ImportReport(created: [], rejectedLines: [], fileProblems: problems)
    }
}
