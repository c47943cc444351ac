/// What PayFiP says of a finished operation: the answer of `recupererDetailPaiementSecurise`.
public struct PayFiPTransaction: Sendable, Hashable {
    public var idOp: String
    public var numcli: String
    public var exer: String
    public var refdet: String
    /// In cents.
    public var montant: Int
    public var mel: String
    public var objet: String
    public var saisie: String
    /// The result code: `P` or `V` paid, `R` or `Z` refused, `A` abandoned.
    public var resultrans: String
    /// The bank's authorisation number, for a paid operation.
    public var numauto: String?
    /// The day of the transaction, `DDMMYYYY`.
    public var dattrans: String
    /// The time of the transaction, `HHMM`.
    public var heurtrans: String

    public init(idOp: String, numcli: String, exer: String, refdet: String, montant: Int, mel: String, objet: String,
                saisie: String, resultrans: String, numauto: String?, dattrans: String, heurtrans: String) {
        self.idOp = idOp
        self.numcli = numcli
        self.exer = exer
        self.refdet = refdet
        self.montant = montant
        self.mel = mel
        self.objet = objet
        self.saisie = saisie
        self.resultrans = resultrans
        self.numauto = numauto
        self.dattrans = dattrans
        self.heurtrans = heurtrans
    }

    /// What the result code means for the payment, or nil for a code PayFiP does not define.
    public var outcome: PaymentStatus? {
        switch resultrans {
        case "P", "V": .paid
        case "R", "Z": .refused
        case "A": .cancelled
        default: nil
        }
    }
}
