import Foundation

/// What an agent asks of their régies' invoices (see ``Invoices/list(_:actor:now:)``).
public struct InvoiceFilter: Sendable, Hashable {
    /// Which statuses to list.
    public enum Statuses: Sendable, Hashable {
        /// To pay or partly paid: what the régie still expects (the default).
        case open
        case all
        case only(InvoiceStatus)

        /// The statuses this choice lists.
        public var statuses: [InvoiceStatus] {
            switch self {
            case .open: InvoiceStatus.open
            case .all: InvoiceStatus.allCases
            case .only(let status): [status]
            }
        }
    }

    public var statuses: Statuses
    /// One of the agent's régies; nil for all of them.
    public var regieId: String?
    /// Issued on or after this day.
    public var issuedFrom: CalendarDay?
    /// Issued on or before this day.
    public var issuedTo: CalendarDay?
    /// Only open invoices past their due date.
    public var overdueOnly: Bool
    /// Part of the payer's name or e-mail address (capitals or not; accents as typed).
    public var payer: String?
    /// From 1.
    public var page: Int
    /// At most ``maximumPageSize``.
    public var pageSize: Int

    /// The largest page a listing returns.
    public static let maximumPageSize = 500

    public init(statuses: Statuses = .open, regieId: String? = nil, issuedFrom: CalendarDay? = nil, issuedTo: CalendarDay? = nil,
                overdueOnly: Bool = false, payer: String? = nil, page: Int = 1, pageSize: Int = 50) {
        self.statuses = statuses
        self.regieId = regieId
        self.issuedFrom = issuedFrom
        self.issuedTo = issuedTo
        self.overdueOnly = overdueOnly
        let payer = payer?.trimmingCharacters(in: .whitespaces)
        self.payer = payer?.isEmpty == false ? payer : nil
        self.page = max(1, page)
        self.pageSize = min(max(1, pageSize), Self.maximumPageSize)
    }
}
