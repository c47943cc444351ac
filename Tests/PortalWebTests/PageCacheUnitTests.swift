import PortalCore
import PortalHTTP
import PortalTestSupport
@testable import PortalWeb
import Testing

/// The rules of ``PageCache`` that a visitor cannot easily provoke through the server.
@Suite struct PageCacheUnitTests {
    static func anonymous(_ target: String, on today: CalendarDay = CalendarDay(year: 2026, month: 12, day: 3)!) -> RequestContext {
        RequestContext(
            request: HTTPRequest(method: .GET, target: target), account: nil, sessionToken: nil, csrfBinding: nil,
            csrf: CSRFProtection(secret: Array(repeating: 7, count: 32)), cookies: PortalCookies(secure: false), sessionFailure: nil, communeInsee: nil,
            today: today, cookiesToSet: [])
    }

    @Test func aPageCarryingAFormTokenIsRenderedForEachVisitor() {
        let cache = PageCache(version: { 0 })
        var renderings = 0
        for _ in 0..<2 {
            _ = cache.response(for: Self.anonymous("/avec-formulaire")) {
                renderings += 1
                return .html("<form><input type=\"hidden\" name=\"_csrf\" value=\"jeton-\(renderings)\"></form>")
            }
        }
        #expect(renderings == 2)
        #expect(cache.count == 0)
    }

    @Test func onlySuccessfulAnswersAreShared() {
        let cache = PageCache(version: { 0 })
        var renderings = 0
        for _ in 0..<2 {
            _ = cache.response(for: Self.anonymous("/demarches/inconnue")) {
                renderings += 1
                return .html("introuvable", status: .notFound)
            }
        }
        #expect(renderings == 2)
    }

    @Test func theByteBudgetBoundsWhatIsKept() {
        let cache = PageCache(byteBudget: 1000, version: { 0 })
        for index in 0..<50 {
            let page = cache.response(for: Self.anonymous("/demarches?q=recherche-\(index)")) {
                .html("résultats \(index) " + String(repeating: "x", count: 90))
            }
            #expect(String(decoding: page.body, as: UTF8.self).hasPrefix("résultats \(index) "))
        }
        #expect(cache.count <= 10)
        #expect(cache.count > 0)
    }

    @Test func aChangeOfTheReferenceDataOrOfTheDayRendersThePageAgain() {
        let version = Box(0)
        let cache = PageCache(version: { version.current })
        var renderings = 0
        func visit(on day: Int = 3) {
            _ = cache.response(for: Self.anonymous("/communes/37123", on: CalendarDay(year: 2026, month: 12, day: day)!)) {
                renderings += 1
                return .html("Mairie de Langeais, version \(version.current)")
            }
        }
        visit()
        visit()
        #expect(renderings == 1)
        version.update { $0 = 1 }
        visit()
        #expect(renderings == 2)
        visit(on: 4)
        #expect(renderings == 3)
        #expect(cache.count == 1)
    }
}
