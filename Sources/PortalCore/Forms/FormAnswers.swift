import Foundation

/// The answer to one field, normalised (a phone number with its spaces, a date as `YYYY-MM-DD`).
public enum FormAnswer: Codable, Sendable, Hashable {
    /// Text-like answers, single choices (their value), yes/no (`oui`/`non`), communes (INSEE code),
    /// dates (`YYYY-MM-DD`) and numbers (decimal digits).
    case text(String)
    /// The values ticked in a multiple choice.
    case choices([String])
    case address(PostalAddress)
    /// A document sent with the answer.
    case file(FileReference)

    /// The values a ``ShowCondition`` compares with.
    public var comparableValues: [String] {
        switch self {
        case .text(let value): [value]
        case .choices(let values): values
        case .address(let address): [address.postalCode]
        case .file: []
        }
    }
}

/// A document attached to an answer, as the dossier records it.
public struct FileReference: Codable, Sendable, Hashable {
    public var fileId: Int64
    public var name: String
    public var byteCount: Int
    public var kind: FileKind

    public init(_ file: StoredFile) {
        self.init(fileId: file.id, name: file.originalName, byteCount: file.byteCount, kind: file.kind)
    }

    public init(fileId: Int64, name: String, byteCount: Int, kind: FileKind) {
        self.fileId = fileId
        self.name = name
        self.byteCount = byteCount
        self.kind = kind
    }
}

/// A French postal address.
public struct PostalAddress: Codable, Sendable, Hashable {
    public var street: String
    public var postalCode: String
    public var city: String

    public init(street: String, postalCode: String, city: String) {
        self.street = street
        self.postalCode = postalCode
        self.city = city
    }
}

/// The answers of a dossier or draft, by field id.
public struct FormAnswers: Codable, Sendable, Hashable {
    public private(set) var values: [String: FormAnswer]

    public init(_ values: [String: FormAnswer] = [:]) {
        self.values = values
    }

    public subscript(field: String) -> FormAnswer? {
        get { values[field] }
        set { values[field] = newValue }
    }
}

/// What a browser posted for one page: every value of every name, as typed.
///
/// Composite fields use suffixed names: a date `<id>-day`, `<id>-month`, `<id>-year`; an
/// address `<id>-street`, `<id>-postal-code`, `<id>-city`.
public struct FormInput: Sendable, Hashable {
    public var values: [String: [String]]

    public init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    /// The first value posted under `name`, trimmed; empty when absent.
    public func text(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every non-empty value posted under `name`.
    public func all(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
