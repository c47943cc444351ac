import Foundation
import Mustache
@testable import PortalWeb
import Testing

/// The templates' escaping must give exactly what swift-mustache's own HTML escaping gives.
@Suite struct FastHTMLContentTypeTests {
    @Test(arguments: [
        "", "Langeais", "Crèche « Les Lutins » — 3 € l'heure", "<script>alert(\"x\")</script>", "a & b < c > d",
        "é&é", "&amp;", "'", "\"", "😀<😀>", "e\u{301}<", String(repeating: "x<", count: 500),
    ])
    func escapesAsSwiftMustache(text: String) throws {
        let reference = try MustacheTemplate(string: "{{value}}").render(["value": text])
        #expect(FastHTMLContentType().escapeText(text) == reference)
    }

    @Test("Templates, their layout and partials still render with the pragma put before each of them")
    func templatesRender() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<main>{{$content}}{{/content}}{{>part}}</main>".write(to: directory.appendingPathComponent("layout.mustache"), atomically: true, encoding: .utf8)
        try "<i>{{value}}</i>".write(to: directory.appendingPathComponent("part.mustache"), atomically: true, encoding: .utf8)
        try "{{<layout}}{{$content}}<p title=\"{{value}}\">{{value}}</p>{{/content}}{{/layout}}"
            .write(to: directory.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        let html = try TemplateRenderer(directory: directory).render("page", ["value": "Tom & \"Jerry\""])
        #expect(html == "<main><p title=\"Tom &amp; &quot;Jerry&quot;\">Tom &amp; &quot;Jerry&quot;</p><i>Tom &amp; &quot;Jerry&quot;</i></main>")
    }
}
