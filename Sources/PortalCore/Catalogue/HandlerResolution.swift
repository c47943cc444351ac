/// Who handles a procedure for one commune.
public enum HandlerResolution: Sendable, Hashable {
    /// `organisation` handles it; residents go in person to `counters` (for
    /// example the mairies equipped for passports); `note` explains a commune exception.
    case organisation(Organisation, counters: [Organisation], note: String?)
    /// The procedure is not offered in that commune.
    case notOffered(note: String?)

    /// The organisation in charge, if the procedure is offered.
    public var organisation: Organisation? {
        if case .organisation(let organisation, _, _) = self { organisation } else { nil }
    }
}
