import PortalHTTP

/// Reading a posted HTML form.
extension HTTPRequest {
    /// The request's `application/x-www-form-urlencoded` body.
    ///
    /// Anything else is refused with 415, a malformed body with 400: the error page tells
    /// the person to go back, where the browser still holds their answers.
    func urlEncodedForm() throws -> URLEncodedForm {
        let contentType = headers["Content-Type"]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard contentType == "application/x-www-form-urlencoded" else {
            throw UnsupportedFormEncoding()
        }
        return try URLEncodedForm.decode(body)
    }
}

/// A posted form in either encoding browsers use: urlencoded, or multipart when it sends files.
struct PostedForm: Sendable {
    var fields: [(name: String, value: String)]
    var files: [MultipartFile]

    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value posted under `name`, in order (checkboxes).
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }
}

extension HTTPRequest {
    /// The posted form, urlencoded or `multipart/form-data` (files are kept apart); anything
    /// else is 415, malformed is 400, too large is 413.
    func postedForm() throws -> PostedForm {
        let contentType = headers["Content-Type"] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            let form = try MultipartForm.decode(body, contentType: contentType)
            return PostedForm(fields: form.fields, files: form.files)
        }
        return PostedForm(fields: try urlEncodedForm().fields, files: [])
    }
}

/// A form was posted with a content type the portal does not read.
struct UnsupportedFormEncoding: HTTPResponseError {
    var status: HTTPStatus { .unsupportedMediaType }
}
