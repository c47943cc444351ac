import Foundation
import Mustache
@testable import PortalWeb
import Testing

/// View models that answer template lookups by name must answer exactly what `Mirror` would,
/// for every stored property: a property added without its lookup would vanish from the page.
@Suite struct MustacheLookupTests {
    /// `value` as Mirror shows it, optionals unwrapped, for comparison.
    static func describe(_ value: Any?) -> String {
        guard let value else { return "nil" }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return describe(mirror.children.first?.value) }
        return String(describing: value)
    }

    static func expectLookupsMatchMirror(_ value: some MustacheParent) {
        let children = Mirror(reflecting: value).children
        #expect(!children.isEmpty)
        for child in children {
            guard let label = child.label else { continue }
            #expect(describe(value.child(named: label)) == describe(child.value), "\(type(of: value)).\(label)")
        }
        #expect(value.child(named: "nothing-by-that-name") == nil)
    }

    static let layout = LayoutContext(
        title: "Mon espace", hasErrors: false, stylesheetURL: "/static/portal.css?v=1", scriptURL: "/static/portal.js?v=1",
        csrfToken: "jeton", account: .init(displayName: "Camille Martin", spacePath: "/mon-espace", spaceLabel: "Mon espace"),
        navigation: [.init(label: "Accueil", path: "/", current: true)])

    @Test func layoutLookupsMatchMirror() throws {
        Self.expectLookupsMatchMirror(Self.layout)
        Self.expectLookupsMatchMirror(try #require(Self.layout.account))
        Self.expectLookupsMatchMirror(Self.layout.navigation[0])
        let anonymous = LayoutContext(title: "Accueil", hasErrors: true, stylesheetURL: "", scriptURL: "", csrfToken: nil,
                                      account: nil, navigation: [])
        Self.expectLookupsMatchMirror(anonymous)
        #expect(anonymous.child(named: "account") == nil)
    }

    @Test func spaceLookupsMatchMirror() {
        Self.expectLookupsMatchMirror(SpaceHandlers.SpaceView(
            layout: Self.layout, heading: "Mon espace", displayName: "Camille Martin", organisationName: nil,
            communeName: "Langeais", notice: nil, intro: "Bientôt", upcoming: ["Vos demandes"]))
    }
}
