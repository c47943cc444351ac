import Foundation
import Mustache
@testable import PortalWeb
import Testing

/// The portal's template engine renders exactly what swift-mustache renders, whitespace included,
/// and refuses what it does not support when the templates are loaded.
@Suite struct TemplateTests {
    struct Row: TemplateObject {
        let label: String
        let note: String?
        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "note": note
            default: nil
            }
        }
    }

    struct Plain {
        let title: String
        let count: Int
        let empty: [String]
        let rows: [Row]
        let flag: Bool
        let missing: String?
        let nested: Nested
    }

    struct Nested {
        let name: String
        let deeper: [String: Any]
    }

    static var value: Plain { Plain(
        title: "Tom & \"Jerry\" <l'été>", count: 3, empty: [],
        rows: [Row(label: "Crèche", note: "3 € l'heure"), Row(label: "Cantine", note: nil)], flag: true, missing: nil,
        nested: Nested(name: "Langeais", deeper: ["code": "37123", "list": ["a", "b"]])) }

    /// Renders `main` among `templates` with both engines and expects the same text.
    @discardableResult
    static func expectSame(_ templates: [String: String], main: String = "page", value: Any = value,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("partials"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in templates {
            try text.write(to: directory.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        let ours = try TemplateRenderer(directory: directory).render(main, value)
        let reference = try ReferenceTemplates.library(directory).render(value, withTemplate: main)
        #expect(ours == reference, "\(ReferenceTemplates.firstDifference(ours, reference ?? ""))", sourceLocation: sourceLocation)
        return ours
    }

    @Test func valuesAreEscaped() throws {
        let html = try Self.expectSame(["page": "<p title=\"{{title}}\">{{title}} {{count}} {{flag}} [{{missing}}] {{nested.name}} {{nested.deeper.code}}</p>"])
        #expect(html == "<p title=\"Tom &amp; &quot;Jerry&quot; &lt;l&#39;été&gt;\">Tom &amp; &quot;Jerry&quot; &lt;l&#39;été&gt; 3 true [] Langeais 37123</p>")
    }

    @Test func sectionsOverListsFlagsObjectsAndStrings() throws {
        try Self.expectSame(["page": """
            <ul>
              {{#rows}}
              <li>{{label}}{{#note}} ({{.}}){{/note}}{{^note}} — {{title}}{{/note}}</li>
              {{/rows}}
            </ul>
            {{#flag}}oui{{/flag}}{{^flag}}non{{/flag}}
            {{#empty}}jamais{{/empty}}{{^empty}}aucun{{/empty}}
            {{#missing}}jamais{{/missing}}{{^missing}}absent{{/missing}}
            {{#nested}}{{name}} {{#deeper}}{{code}} {{#list}}<{{.}}>{{/list}}{{/deeper}}{{/nested}}
            {{#title}}{{.}}{{/title}} {{^title}}vide{{/title}}
              {{! a comment on its own line }}
            fin
            """])
    }

    @Test func partialsKeepTheirIndentation() throws {
        try Self.expectSame([
            "page": "<main>\n  {{> partials/list}}\n  <p>{{>partials/inline}} après</p>\n</main>\n",
            "partials/list": "<ul>\n{{#rows}}\n  <li>{{label}}</li>\n{{/rows}}\n</ul>\n",
            "partials/inline": "<b>{{count}}</b>",
        ])
    }

    @Test func parentsAndBlocks() throws {
        try Self.expectSame([
            "layout": """
                <html>
                  <head><title>{{$title}}Portail{{/title}}</title></head>
                  <body>
                    {{$content}}
                    <p>vide</p>
                    {{/content}}
                    {{> partials/footer}}
                  </body>
                </html>

                """,
            "partials/footer": "<footer>{{$footer}}pied{{/footer}}</footer>\n",
            "page": """
                {{< layout}}
                {{$title}}{{title}}{{/title}}
                {{$content}}
                    <h1>{{nested.name}}</h1>
                    {{#rows}}
                      <p>{{label}}</p>
                    {{/rows}}
                {{/content}}
                {{/ layout}}

                """,
        ])
    }

    @Test func aParentInsideAParentKeepsTheOutermostBlocks() throws {
        try Self.expectSame([
            "base": "<div>{{$a}}base a{{/a}}|{{$b}}base b{{/b}}</div>",
            "middle": "{{<base}}{{$a}}middle a{{/a}}{{$b}}middle b{{/b}}{{/base}}",
            "page": "{{<middle}}{{$b}}page b {{title}}{{/b}}{{/middle}}",
        ])
    }

    @Test func everyRenderingFindsTheSitePathsUnderItsView() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<a href=\"{{paths.invoices}}\">{{#rows}}<a href=\"{{paths.household}}\">{{label}}</a>{{/rows}}"
            .write(to: directory.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        let html = try TemplateRenderer(directory: directory).render("page", Self.value)
        #expect(html == "<a href=\"/mon-espace/factures\"><a href=\"/mon-espace/foyer\">Crèche</a><a href=\"/mon-espace/foyer\">Cantine</a>")
        #expect(try TemplateRenderer(directory: directory).render("page", ["paths": ["invoices": "/ailleurs"]]).hasPrefix("<a href=\"/ailleurs\">"),
                "a view's own value comes first")
    }

    @Test(arguments: [
        ("{{#rows}}open", "never closed"),
        ("{{#rows}}{{/flag}}", "closes {{rows}}"),
        ("{{/rows}}", "closes nothing"),
        ("{{{title}}}", "unescaped"),
        ("{{&title}}", "unescaped"),
        ("{{=<% %>=}}", "delimiter"),
        ("{{title", "not followed by }}"),
        ("{{! never closed", "never closed"),
        ("{{> partials/none}}", "no template named partials/none"),
        ("{{<base}}<p>{{title}}</p>{{/base}}", "only blocks"),
    ])
    func refusesAtLoading(template: String, reason: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try template.write(to: directory.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        try "{{$x}}{{/x}}".write(to: directory.appendingPathComponent("base.mustache"), atomically: true, encoding: .utf8)
        let error = #expect(throws: TemplateRenderer.LoadError.self) { try TemplateRenderer(directory: directory) }
        #expect(error?.description.contains(reason) == true, "\(error.map(String.init(describing:)) ?? "")")
    }

    @Test(arguments: [
        "", "Langeais", "Crèche « Les Lutins » — 3 € l'heure", "<script>alert(\"x\")</script>", "a & b < c > d",
        "é&é", "&amp;", "'", "\"", "😀<😀>", "e\u{301}<", String(repeating: "x<", count: 500),
    ])
    func escapesAsSwiftMustache(text: String) throws {
        let reference = try MustacheTemplate(string: "{{value}}").render(["value": text])
        #expect(HTMLEscaping.escaped(text) == reference)
    }
}
