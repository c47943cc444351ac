/// A value that answers a template's lookups by name.
///
/// A view model conforming to it is read without reflection: `{{title}}` calls
/// `child(named: "title")`. Other values are read through `Mirror`, which costs several times more
/// and was most of a logged-in page's rendering time. `TemplateObjectTests` checks that each
/// conformance answers exactly what `Mirror` would, so a property added without its lookup cannot
/// silently vanish from a page.
protocol TemplateObject {
    /// The value named `name`, or nil when there is none (the lookup then goes on down the stack).
    func child(named name: String) -> Any?
}

extension Dictionary: TemplateObject where Key == String {
    func child(named name: String) -> Any? { self[name] }
}

/// A list a section repeats over: arrays and sets.
protocol TemplateList {
    var isEmptyList: Bool { get }
    func forEachItem(_ body: (Any) -> Void)
}

extension Array: TemplateList {
    var isEmptyList: Bool { isEmpty }
    func forEachItem(_ body: (Any) -> Void) { for item in self { body(item) } }
}

extension Set: TemplateList {
    var isEmptyList: Bool { isEmpty }
    func forEachItem(_ body: (Any) -> Void) { for item in self { body(item) } }
}

/// Lets an optional held in an `Any` be unwrapped.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self }
}
