/// How a payment reached the régie.
public enum PaymentChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// By card on the portal, through PayFiP.
    case online = "payfip"
    case cash = "especes"
    case cheque = "cheque"
    /// By card at the régie's counter.
    case counterCard = "carte_guichet"
    case transfer = "virement"

    public var label: String {
        switch self {
        case .online: "Carte bancaire en ligne (PayFiP)"
        case .cash: "Espèces"
        case .cheque: "Chèque"
        case .counterCard: "Carte bancaire au guichet"
        case .transfer: "Virement"
        }
    }

    /// The channels an agent records at the counter.
    public static let counterChannels: [PaymentChannel] = [.cash, .cheque, .counterCard, .transfer]
}
