/// The `saisie` mode of a régie's PayFiP contract.
public enum PayFiPMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Test: no money moves.
    case test = "T"
    /// Activation: the first real payments that validate the contract.
    case activation = "X"
    /// Production.
    case production = "W"
}
