import Foundation
import Mustache
@testable import PortalWeb
import Testing

/// swift-mustache rendering the portal's templates: the reference against which every page these
/// tests render is compared, byte for byte (``PortalTestServer`` installs ``observer``).
enum ReferenceTemplates {
    /// swift-mustache's library of the templates in `directory`.
    static func library(_ directory: URL) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        let root = directory.standardizedFileURL.path
        for case let relative as String in FileManager.default.enumerator(atPath: root)! where relative.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            try library.register(text, named: String(relative.dropLast(".mustache".count)))
        }
        try library.register("{{#__referenceView}}{{>*__referenceTemplate}}{{/__referenceView}}", named: "__reference")
        return library
    }

    private static let portal = Result { try library(PortalTestServer.resources.appendingPathComponent("templates")) }

    /// Records an issue when a rendering differs from swift-mustache's.
    static let observer: @Sendable (String, Any, String) -> Void = { name, view, html in
        do {
            // The portal's renderings find the site's paths under the view (`SitePaths`): so does this one.
            let root: [String: Any] = SitePaths.templateGlobals.merging(["__referenceView": view, "__referenceTemplate": name]) { $1 }
            let reference = try portal.get().render(root, withTemplate: "__reference")
            if reference != html {
                Issue.record("template \(name) renders differently from swift-mustache:\n\(firstDifference(html, reference ?? "(nothing)"))")
            }
        } catch {
            Issue.record("swift-mustache could not load the templates: \(error)")
        }
    }

    /// The first differing line of two renderings, for the message.
    static func firstDifference(_ ours: String, _ reference: String) -> String {
        let a = ours.split(separator: "\n", omittingEmptySubsequences: false)
        let b = reference.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            return "line \(index + 1):\n  ours:      \(index < a.count ? String(a[index]) : "(end)")\n  reference: \(index < b.count ? String(b[index]) : "(end)")"
        }
        return "(same lines)"
    }
}
