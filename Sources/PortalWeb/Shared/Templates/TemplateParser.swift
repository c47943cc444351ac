/// Parses a template's text into a ``Template``, once, at start-up.
///
/// Whitespace is handled as swift-mustache 2.1 does, so that a page renders to the same bytes: a
/// line holding only a section, closing, comment, partial, parent or block tag is a *standalone*
/// line and disappears with its end of line; the indentation of a standalone partial is repeated
/// before each of its lines.
struct TemplateParser {
    /// Why a template could not be parsed, with the line it was found on.
    struct Failure: Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "line \(line): \(reason)" }
    }

    private struct State {
        var sectionName: String?
        var newLine = true
        /// Inside a parent tag `{{< …}}`…
        var isPartialDefinition = false
        /// …and directly in it, not inside one of its blocks.
        var isPartialDefinitionTopLevel = false
        /// The indentation of the first line of a block inside a parent tag, removed from the others.
        var partialDefinitionIndent: Int?

        func inSection(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    private let characters: [Character]
    private var position = 0

    /// Parses `text`.
    static func parse(_ text: String) throws(Failure) -> Template {
        var parser = TemplateParser(characters: Array(text))
        return try parser.parse(State())
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    // MARK: Reading

    private var atEnd: Bool { position == characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func read(while belongs: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, belongs(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private mutating func read(_ text: String) -> Bool {
        let wanted = Array(text)
        guard position + wanted.count <= characters.count,
              Array(characters[position..<position + wanted.count]) == wanted else { return false }
        position += wanted.count
        return true
    }

    private func failure(_ reason: String) -> Failure {
        Failure(line: characters[..<min(position, characters.count)].filter(\.isNewline).count + 1, reason: reason)
    }

    /// Text up to the next `{{` (consumed) or end of line (not consumed).
    private mutating func readText() -> String {
        var text = ""
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if current.isNewline { break }
            if read("{{") { break }
            if !atEnd {
                text.append(current)
                position += 1
            }
        }
        return text
    }

    private mutating func readName() throws(Failure) -> String {
        _ = read(while: \.isWhitespace)
        let name = read { Self.nameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard read("}}") else { throw failure("a tag's name is not followed by }}") }
        return name
    }

    private mutating func readPartialName() throws(Failure) -> String {
        _ = read(while: \.isWhitespace)
        let name = read { Self.partialNameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard !name.isEmpty, read("}}") else { throw failure("a partial's name is not followed by }}") }
        return name
    }

    /// Whether the rest of the line is blank; if so, it is consumed with its end of line.
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var ahead = position
        while ahead < characters.count, characters[ahead] == " " || characters[ahead] == "\t" { ahead += 1 }
        guard ahead < characters.count, characters[ahead].isNewline else { return false }
        position = ahead + 1
        return true
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        state.newLine && lineFinished()
    }

    // MARK: Parsing

    private mutating func parse(_ initial: State) throws(Failure) -> Template {
        var nodes: [Template.Node] = []
        var state = initial
        var whiteSpaceBefore = ""

        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(whiteSpaceBefore))
                whiteSpaceBefore = ""
            }
        }

        while !atEnd {
            if state.newLine {
                let whiteSpace = read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readText()
            if current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }

            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName()
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let content = try parse(state.inSection(name, newLine: setNewLine))
                nodes.append(inverted ? .invertedSection(Template.Path(name), content) : .section(Template.Path(name), content))

            case "/":
                position += 1
                let name = try readName()
                guard name == state.sectionName else {
                    throw failure(state.sectionName.map { "{{/\(name)}} closes {{\($0)}}" } ?? "{{/\(name)}} closes nothing")
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return Template(nodes: nodes)

            case "!":
                position += 1
                while !read("}}") {
                    guard !atEnd else { throw failure("a comment {{!…}} is never closed") }
                    position += 1
                }
                setNewLine = isStandalone(state)

            case ">":
                position += 1
                let name = try readPartialName()
                let indentation = whiteSpaceBefore
                flushWhiteSpace()
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: indentation, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }

            case "<":
                position += 1
                let name = try readPartialName()
                let indentation = whiteSpaceBefore
                flushWhiteSpace()
                if isStandalone(state) { setNewLine = true }
                let content = try parse(state.inParent(name))
                var overrides: [String: Template] = [:]
                for node in content.nodes {
                    switch node {
                    case .blockDefinition(let block, let template): overrides[block] = template
                    case .text: break
                    default: throw failure("only blocks {{$…}} may be given to the parent {{<\(name)}}")
                    }
                }
                nodes.append(.partial(name, indentation: indentation, overrides: overrides))

            case "$":
                position += 1
                let name = try readName()
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    nodes.append(.blockDefinition(name, try parse(state.inSection(name, newLine: setNewLine))))
                } else {
                    let indentation = whiteSpaceBefore
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let content = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.block(name, defaultContent: content, indentation: indentation))
                    whiteSpaceBefore = ""
                }

            case "{", "&":
                throw failure("unescaped output ({{{…}}}, {{&…}}) is not supported: every value is HTML-escaped")

            case "=", "%":
                throw failure("delimiter changes and pragmas are not supported")

            default:
                flushWhiteSpace()
                nodes.append(.variable(Template.Path(try readName())))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw failure("{{\(open)}} is never closed") }
        return Template(nodes: nodes)
    }
}
