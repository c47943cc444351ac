import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A POST over HTTP or HTTPS that waits for its answer, for the request handlers, which run on
/// their own threads. Foundation's URLSession does the work (libcurl on Linux, with TLS).
struct BlockingHTTPClient: Sendable {
    /// How long to wait for the whole answer.
    var timeout: TimeInterval

    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    func post(_ url: URL, contentType: String, body: Data, headers: [String: String] = [:]) throws -> Response {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            outcome.set(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            finished.signal()
        }
        task.resume()
        if finished.wait(timeout: .now() + timeout + 1) == .timedOut {
            task.cancel()
            throw URLError(.timedOut)
        }
        return try outcome.response()
    }

    /// The completion handler's results, handed from URLSession's thread to the waiting one.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?
        private var status: Int?
        private var error: (any Error)?

        func set(data: Data?, status: Int?, error: (any Error)?) {
            lock.withLock { (self.data, self.status, self.error) = (data, status, error) }
        }

        func response() throws -> Response {
            try lock.withLock {
                if let error { throw error }
                guard let status else { throw URLError(.badServerResponse) }
                return Response(status: status, body: data ?? Data())
            }
        }
    }
}
