/// A decoded `multipart/form-data` body (RFC 7578 over RFC 2046 §5.1.1): text fields and files,
/// in the order sent.
///
/// Decoding is strict; see ``decode(_:contentType:limits:)``. A file input left empty, which browsers
/// send as a part with `filename=""` and no content, is not listed: ``files`` holds only files with a
/// name or some content.
public struct MultipartForm: Sendable {
    /// The text fields (parts without a `filename` parameter) in order.
    public var fields: [(name: String, value: String)]
    /// The files (parts with a `filename` parameter) in order, empty file inputs left out.
    public var files: [MultipartFile]

    /// Creates a form from decoded fields and files.
    public init(fields: [(name: String, value: String)] = [], files: [MultipartFile] = []) {
        self.fields = fields
        self.files = files
    }

    /// The first value of the text field `name`, or nil.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of the text field `name`, in order (e.g. checkboxes).
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The first file sent by the input `name`, or nil (also when the input was left empty).
    public func file(named name: String) -> MultipartFile? {
        files.first { $0.name == name }
    }

    /// Every file sent by the input `name`, in order (`<input type="file" multiple>`).
    public func files(named name: String) -> [MultipartFile] {
        files.filter { $0.name == name }
    }
}
