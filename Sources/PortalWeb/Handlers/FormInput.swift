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

/// A form was posted with a content type the portal does not read.
struct UnsupportedFormEncoding: HTTPResponseError {
    var status: HTTPStatus { .unsupportedMediaType }
}
