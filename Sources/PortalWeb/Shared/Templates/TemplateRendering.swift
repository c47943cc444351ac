/// One rendering of a template: the stack of values being looked in, and the text written so far.
///
/// Lookups climb the stack from the innermost value, as Mustache says. A value conforming to
/// ``TemplateObject`` answers by name; strings, flags and numbers are recognised by their concrete
/// type, so that the common case takes no protocol-conformance lookup (what made swift-mustache's
/// rendering most of a logged-in page's time).
struct TemplateRendering {
    /// A value on the stack, with its way of answering lookups found once, when pushed.
    private enum Frame {
        case object(any TemplateObject)
        /// Answers nothing by name (a string, a flag, a number).
        case scalar(Any)
        /// Answers through `Mirror`.
        case reflected(Any)

        init(_ value: Any) {
            if value is String || value is Bool || value is Int {
                self = .scalar(value)
            } else if let object = value as? any TemplateObject {
                self = .object(object)
            } else {
                self = .reflected(value)
            }
        }

        var value: Any {
            switch self {
            case .object(let object): object
            case .scalar(let value), .reflected(let value): value
            }
        }

        func child(named name: String) -> Any? {
            switch self {
            case .object(let object):
                return object.child(named: name)
            case .scalar:
                return nil
            case .reflected(let value):
                guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name }) else { return nil }
                return (child.value as? any OptionalValue).map(\.wrapped) ?? child.value
            }
        }
    }

    private let library: [String: Template]
    private var stack: [Frame]
    /// The page so far.
    private(set) var output = ""

    /// Starts a rendering of `value` with the templates of `library` for partials and parents;
    /// lookups that `value` does not answer end in `globals`.
    init(_ value: Any, globals: Any, library: [String: Template]) {
        self.library = library
        stack = [Frame(globals), Frame(value)]
        output.reserveCapacity(16_384)
    }

    /// Writes `template` at the end of ``output``.
    ///
    /// - Parameters:
    ///   - indentation: written before each line the template starts, but the first (that of a
    ///     standalone partial, already written before it).
    ///   - inherited: the blocks a child template gives its parents, by name; the outermost wins.
    mutating func render(_ template: Template, indentation: String? = nil, inherited: [String: Template]? = nil) {
        let start = output.utf8.count
        let indentation = indentation.flatMap { $0.isEmpty ? nil : $0 }
        for node in template.nodes {
            guard let indentation, output.utf8.count > start, endsWithNewline else {
                render(node, indentation: indentation, inherited: inherited)
                continue
            }
            output += indentation
            let before = output.utf8.count
            render(node, indentation: indentation, inherited: inherited)
            if output.utf8.count == before { output.removeLast(indentation.count) }
        }
    }

    private var endsWithNewline: Bool { output.last == "\n" }

    private mutating func render(_ node: Template.Node, indentation: String?, inherited: [String: Template]?) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let path):
            guard let value = lookUp(path) else { return }
            if let text = value as? String {
                HTMLEscaping.append(text, to: &output)
            } else {
                let unwrapped = (value as? any OptionalValue).flatMap(\.wrapped) ?? value
                HTMLEscaping.append(String(describing: unwrapped), to: &output)
            }
        case .section(let path, let content):
            renderSection(lookUp(path), content, indentation: indentation, inherited: inherited)
        case .invertedSection(let path, let content):
            let value = lookUp(path)
            let shown: Bool = switch value {
            case nil: true
            case let flag as Bool: !flag
            case is String: false
            case let list as any TemplateList: list.isEmptyList
            default: false
            }
            if shown { render(content, indentation: indentation, inherited: inherited) }
        case .block(let name, let defaultContent, let blockIndentation):
            render(inherited?[name] ?? defaultContent, indentation: (indentation ?? "") + blockIndentation, inherited: inherited)
        case .partial(let name, let partialIndentation, let overrides):
            guard let partial = library[name] else { return }
            var blocks = inherited
            if let overrides {
                blocks = (inherited ?? [:]).merging(overrides) { outer, _ in outer }
            }
            render(partial, indentation: partialIndentation.map { (indentation ?? "") + $0 } ?? indentation, inherited: blocks)
        case .blockDefinition:
            break
        }
    }

    private mutating func renderSection(_ value: Any?, _ content: Template, indentation: String?, inherited: [String: Template]?) {
        switch value {
        case nil:
            return
        case let flag as Bool:
            if flag { render(content, indentation: indentation, inherited: inherited) }
        case is String:
            push(value!, content, indentation: indentation, inherited: inherited)
        case let list as any TemplateList:
            list.forEachItem { item in push(item, content, indentation: indentation, inherited: inherited) }
        case let value?:
            push(value, content, indentation: indentation, inherited: inherited)
        }
    }

    private mutating func push(_ value: Any, _ content: Template, indentation: String?, inherited: [String: Template]?) {
        stack.append(Frame(value))
        render(content, indentation: indentation, inherited: inherited)
        stack.removeLast()
    }

    private func lookUp(_ path: Template.Path) -> Any? {
        var names = path.names[...]
        guard let first = names.popFirst() else { return stack.last?.value }
        var found: Any?
        if path.isAnchored {
            found = stack.last?.child(named: first)
        } else {
            for frame in stack.reversed() {
                if let child = frame.child(named: first) {
                    found = child
                    break
                }
            }
        }
        for name in names {
            guard let object = found else { return nil }
            found = Frame(object).child(named: name)
        }
        return found
    }
}
