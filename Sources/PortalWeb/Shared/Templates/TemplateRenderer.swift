import Foundation

/// Renders the portal's templates.
///
/// Every `.mustache` file under the templates folder is read and parsed once, at start-up
/// (``TemplateParser``); a template is named by its path relative to that folder, without the
/// extension (`catalogue/home`, `partials/search-form`). Every value is HTML-escaped, so text from
/// the database or the request is safe to show. Under each view, a rendering finds the site's fixed
/// addresses as `paths` (``SitePaths``).
struct TemplateRenderer: Sendable {
    /// A template folder could not be read, one of its templates could not be parsed, or one names
    /// a partial or parent that does not exist.
    struct LoadError: Error, CustomStringConvertible {
        let file: String
        let reason: String
        var description: String { "template \(file): \(reason)" }
    }

    private let library: [String: Template]
    private let observer: (@Sendable (_ name: String, _ value: Any, _ html: String) -> Void)?

    /// Reads and parses every template under `directory`.
    ///
    /// - Parameter observer: told of each rendering; the tests compare it with swift-mustache's.
    init(directory: URL, observer: (@Sendable (_ name: String, _ value: Any, _ html: String) -> Void)? = nil) throws {
        let root = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw LoadError(file: root, reason: "folder not found")
        }
        var library: [String: Template] = [:]
        for case let relative as String in walker where relative.hasSuffix(".mustache") {
            guard let text = FileManager.default.contents(atPath: root + "/" + relative).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw LoadError(file: relative, reason: "unreadable or not UTF-8")
            }
            do {
                library[String(relative.dropLast(".mustache".count))] = try TemplateParser.parse(text)
            } catch {
                throw LoadError(file: relative, reason: error.description)
            }
        }
        guard !library.isEmpty else { throw LoadError(file: root, reason: "no templates found") }
        for (name, template) in library.sorted(by: { $0.key < $1.key }) {
            if let missing = template.partialNames.subtracting(library.keys).sorted().first {
                throw LoadError(file: name + ".mustache", reason: "no template named \(missing)")
            }
        }
        self.library = library
        self.observer = observer
    }

    /// Renders the template `name` with `value`.
    ///
    /// A missing template is a programming error caught by the tests that visit every page,
    /// so it is reported loudly rather than rendered as an empty page.
    func render(_ name: String, _ value: Any) -> String {
        guard let template = library[name] else { preconditionFailure("unknown template \(name)") }
        var rendering = TemplateRendering(value, globals: SitePaths.templateGlobals, library: library)
        rendering.render(template)
        observer?(name, value, rendering.output)
        return rendering.output
    }
}
