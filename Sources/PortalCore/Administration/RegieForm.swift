/// A régie's settings as an administrator types them in `/admin/regies/{id}`.
public struct RegieForm: Sendable, Hashable {
    public var name = ""
    /// The mairie or CCTOVAL service whose agents work for it.
    public var organisation = ""
    /// The six digits the DGFiP gives.
    public var payfipClientNumber = ""
    /// `T` (test), `X` (activation) or `W` (production).
    public var payfipMode = ""
    /// The régie's part of its invoice numbers: 2 to 6 capital letters or digits.
    public var numberingCode = ""
    /// The ids of the agents ticked to bill in it; none lets every agent of the organisation.
    public var billers: [String] = []

    /// An empty form.
    public init() {}

    /// The form filled with `regie` and the agents named to bill in it.
    public init(_ regie: Regie, billers: [Int64]) {
        name = regie.name
        organisation = regie.organisationId
        payfipClientNumber = regie.payfipClientNumber
        payfipMode = regie.payfipMode.rawValue
        numberingCode = regie.numberingCode
        self.billers = billers.map(String.init)
    }
}
