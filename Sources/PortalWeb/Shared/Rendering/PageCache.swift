import Foundation
import PortalCore
import PortalHTTP

/// The information pages as an anonymous visitor sees them, rendered once and shared by every
/// such visitor.
///
/// A page seen without an account carries nothing specific to the visitor (no form token: see
/// ``RequestContextFactory``). So an anonymous page depends only on its path, its search text,
/// the commune it is shown for, the day ("Ouvert aujourd'hui") and the version of the reference
/// data, which make the key. Whether the client takes gzip is part of the key too, so hits
/// neither render nor compress. When an administrator changes the reference data, or the day
/// turns, the key changes and the older pages are dropped.
///
/// Safety rules: nothing is looked up or stored for a logged-in visitor; only `200` answers are
/// stored, never one whose body holds a form token; cookies are never stored, each answer gets
/// those of its own request (a new commune choice). The cache holds at most `byteBudget` bytes
/// of bodies; past that it starts afresh, so arbitrary search texts cannot grow it without bound.
final class PageCache: @unchecked Sendable {
    struct Key: Hashable {
        let path: String
        let search: String?
        let commune: String?
        let gzip: Bool
        let edition: Edition
    }

    /// What every page of one day and one state of the reference data shares.
    struct Edition: Hashable {
        let day: CalendarDay
        let version: Int
    }

    /// The most body bytes kept.
    let byteBudget: Int
    /// The current version of the reference data (``CatalogueSnapshot/version``).
    private let version: @Sendable () -> Int
    /// Guards `entries`, `edition` and `storedBytes`.
    private let lock = NSLock()
    private var entries: [Key: HTTPResponse] = [:]
    private var edition: Edition?
    private var storedBytes = 0

    init(byteBudget: Int = 16 << 20, version: @escaping @Sendable () -> Int) {
        self.byteBudget = byteBudget
        self.version = version
    }

    /// The page for `context`: shared when it can be, else whatever `render` returns.
    func response(for context: RequestContext, render: () throws -> HTTPResponse) rethrows -> HTTPResponse {
        guard context.account == nil else { return try render() }
        let request = context.request
        let key = Key(path: request.path, search: request.queryValue("q"), commune: context.communeInsee,
                      gzip: request.acceptsGzip, edition: Edition(day: context.today, version: version()))
        if let shared = lock.withLock({ entries[key] }) {
            return shared.adding(context.cookiesToSet)
        }
        let response = try render()
        guard response.status == .ok, !Self.holdsFormToken(response.body) else { return response }
        var shared = response
        shared.headers.remove("Set-Cookie")
        shared = shared.compressedIfAccepted(by: request)
        store(shared, for: key)
        return shared.adding(context.cookiesToSet)
    }

    /// The number of pages held.
    var count: Int { lock.withLock { entries.count } }

    private func store(_ response: HTTPResponse, for key: Key) {
        lock.withLock {
            if entries[key] != nil { return }
            if edition != key.edition || storedBytes + response.body.count > byteBudget {
                edition = key.edition
                entries.removeAll(keepingCapacity: true)
                storedBytes = 0
            }
            guard response.body.count <= byteBudget else { return }
            entries[key] = response
            storedBytes += response.body.count
        }
    }

    private static let formTokenField = Array("name=\"\(CSRFProtection.fieldName)\"".utf8)

    /// Whether `body` contains an anti-forgery field (a page specific to one browser).
    static func holdsFormToken(_ body: [UInt8]) -> Bool {
        let needle = formTokenField
        guard body.count >= needle.count else { return false }
        return body.withUnsafeBufferPointer { bytes in
            var index = 0
            while index <= bytes.count - needle.count {
                if bytes[index] == needle[0], needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return true }
                index += 1
            }
            return false
        }
    }
}

private extension HTTPResponse {
    /// This response with `cookies` set.
    func adding(_ cookies: [SetCookie]) -> HTTPResponse {
        guard !cookies.isEmpty else { return self }
        var response = self
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
