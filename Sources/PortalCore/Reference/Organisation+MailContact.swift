extension Organisation {
    /// The organisation's name and how to reach it, on one line, for e-mails and receipts:
    /// "Mairie de Langeais, 1 place du 14 Juillet 37130 Langeais, téléphone 02 47 96 12 50, mairie@langeais.fr".
    public var mailContact: String {
        var parts = [name]
        if let address {
            parts.append([address, postalCode, city].compactMap { $0 }.joined(separator: " "))
        }
        if let phone { parts.append("téléphone \(phone)") }
        if let email { parts.append(email) }
        return parts.joined(separator: ", ")
    }
}
