import Foundation
import Mustache

/// Renders the portal's Mustache templates.
///
/// Every `.mustache` file under the templates folder is read and parsed once, at start-up;
/// a template is named by its path relative to that folder, without the extension
/// (`catalogue/home`, `partials/search-form`). Values are HTML-escaped unless a template
/// asks otherwise, so text from the database or the request is safe to show.
public struct TemplateRenderer: Sendable {
    /// A template folder could not be read or one of its templates could not be parsed.
    public struct LoadError: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "template \(file): \(reason)" }
    }

    private let library: MustacheLibrary

    /// Reads and parses every template under `directory`, each escaping with ``FastHTMLContentType``.
    public init(directory: URL) throws {
        // swift-mustache keeps content types in a registry of its own; registering the same
        // value again (another renderer, a test) changes nothing.
        MustacheContentTypes.register(FastHTMLContentType(), named: FastHTMLContentType.name)
        let pragma = "{{% CONTENT_TYPE: \(FastHTMLContentType.name) }}"
        var library = MustacheLibrary()
        let root = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw LoadError(file: root, reason: "folder not found")
        }
        var count = 0
        for case let relative as String in walker where relative.hasSuffix(".mustache") {
            let path = root + "/" + relative
            guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw LoadError(file: relative, reason: "unreadable or not UTF-8")
            }
            do {
                try library.register(pragma + text, named: String(relative.dropLast(".mustache".count)))
            } catch {
                throw LoadError(file: relative, reason: "\(error)")
            }
            count += 1
        }
        guard count > 0 else { throw LoadError(file: root, reason: "no templates found") }
        self.library = library
    }

    /// Renders the template `name` with `context`.
    ///
    /// A missing template is a programming error caught by the tests that visit every page,
    /// so it is reported loudly rather than rendered as an empty page.
    public func render(_ name: String, _ context: Any) -> String {
        guard let html = library.render(context, withTemplate: name) else {
            preconditionFailure("unknown template \(name)")
        }
        return html
    }
}
