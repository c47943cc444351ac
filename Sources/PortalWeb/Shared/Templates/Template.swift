/// A parsed template: a tree of nodes, rendered by ``TemplateRendering``.
///
/// The portal's templates are Mustache: `{{name}}` (HTML-escaped), `{{a.b}}`, `{{.}}`, sections
/// `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`, partials `{{> name}}`, parents `{{< name}}` with
/// blocks `{{$name}}…{{/name}}`, and comments. There is deliberately no unescaped output (`{{{ }}}`,
/// `{{& }}`), no delimiter change and no lambda. Whitespace follows the Mustache specification as
/// swift-mustache implements it (standalone tag lines disappear, partials keep their indentation):
/// the tests compare every page with swift-mustache's rendering.
struct Template: Sendable {
    /// A name looked up in the context stack: `title`, `account.displayName`, `.` (the current value).
    struct Path: Sendable, Hashable {
        /// The names, in order; empty for `.`.
        let names: [String]
        /// Whether the lookup starts at the current value only (`.` and `.name`) rather than
        /// climbing the stack.
        let isAnchored: Bool

        init(_ text: String) {
            names = text.split(separator: ".").map(String.init)
            isAnchored = text.hasPrefix(".")
        }
    }

    indirect enum Node: Sendable {
        case text(String)
        case variable(Path)
        case section(Path, Template)
        case invertedSection(Path, Template)
        /// A partial or, with `overrides`, a parent whose blocks are replaced.
        case partial(String, indentation: String?, overrides: [String: Template]?)
        /// A block of a parent: its default content, unless the child template overrides it.
        case block(String, defaultContent: Template, indentation: String)
        /// Only inside a parent's tag: the content replacing the parent's block of that name.
        case blockDefinition(String, Template)
    }

    let nodes: [Node]

    /// The names of the partials and parents this template uses, at any depth.
    var partialNames: Set<String> {
        var names: Set<String> = []
        for node in nodes {
            switch node {
            case .text, .variable: break
            case .section(_, let template), .invertedSection(_, let template), .block(_, let template, _),
                 .blockDefinition(_, let template):
                names.formUnion(template.partialNames)
            case .partial(let name, _, let overrides):
                names.insert(name)
                for template in (overrides ?? [:]).values { names.formUnion(template.partialNames) }
            }
        }
        return names
    }
}
