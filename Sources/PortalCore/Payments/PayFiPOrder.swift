import Foundation

/// A payment request in PayFiP's terms: the arguments of its `creerPaiementSecurise` operation.
public struct PayFiPOrder: Sendable, Hashable {
    /// The régie's client number: six digits.
    public var numcli: String
    /// The year the debt was raised: four digits.
    public var exer: String
    /// The debt's reference: 1 to 30 letters or digits.
    public var refdet: String
    /// The amount in cents.
    public var montant: Int
    /// The payer's e-mail, to which PayFiP sends its own receipt.
    public var mel: String
    /// What is paid, in at most 100 ASCII characters.
    public var objet: String
    /// Where the provider notifies the result, server to server.
    public var urlnotif: String
    /// Where the provider sends the payer back.
    public var urlredirect: String
    /// Test, activation or production.
    public var saisie: PayFiPMode

    public init(numcli: String, exer: String, refdet: String, montant: Int, mel: String, objet: String,
                urlnotif: String, urlredirect: String, saisie: PayFiPMode) {
        self.numcli = numcli
        self.exer = exer
        self.refdet = refdet
        self.montant = montant
        self.mel = mel
        self.objet = objet
        self.urlnotif = urlnotif
        self.urlredirect = urlredirect
        self.saisie = saisie
    }

    /// PayFiP takes amounts from 1 € to 99,999.99 €.
    public static let amountRange = 100...9_999_999

    /// What breaks PayFiP's rules, in English for logs; empty when the order is well formed.
    public var problems: [String] {
        var problems: [String] = []
        func digits(_ text: String, _ count: Int) -> Bool { text.count == count && text.allSatisfy { $0.isASCII && $0.isNumber } }
        if !digits(numcli, 6) { problems.append("numcli must be 6 digits") }
        if !digits(exer, 4) { problems.append("exer must be 4 digits") }
        if !(1...30).contains(refdet.count) || !refdet.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            problems.append("refdet must be 1 to 30 letters or digits")
        }
        if !Self.amountRange.contains(montant) { problems.append("montant out of range") }
        if objet.count > 100 || !objet.allSatisfy(\.isASCII) { problems.append("objet must be at most 100 ASCII characters") }
        if !mel.contains("@") { problems.append("mel must be an e-mail address") }
        for url in [urlnotif, urlredirect] where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            problems.append("urlnotif and urlredirect must be absolute http(s) URLs")
        }
        return problems
    }

    /// `text` as PayFiP's `objet` takes it: accents removed, other characters outside printable
    /// ASCII replaced by spaces, at most 100 characters.
    public static func asciiObject(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Œ", with: "OE")
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "Æ", with: "AE")
        let ascii = String(folded.map { $0.isASCII && !$0.isNewline && ($0.asciiValue ?? 0) >= 32 ? $0 : " " })
        return String(ascii.prefix(100))
    }
}
