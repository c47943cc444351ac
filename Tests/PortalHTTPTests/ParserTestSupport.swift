@testable import PortalHTTP

/// Feeds `text` to a fresh parser (optionally byte by byte) and collects the complete requests.
func parseRequests(
    _ text: String, limits: HTTPParserLimits = HTTPParserLimits(), byteByByte: Bool = false
) throws(HTTPParseError) -> [HTTPRequest] {
    var parser = HTTPRequestParser(limits: limits)
    var requests: [HTTPRequest] = []
    let chunks: [[UInt8]] = byteByByte ? text.utf8.map { [$0] } : [Array(text.utf8)]
    for chunk in chunks {
        parser.append(chunk)
        while let event = try parser.next() {
            if case .request(let request) = event { requests.append(request) }
        }
    }
    return requests
}

/// The error the parser reports for `text`, or nil when it parses (completely or not).
func parseError(_ text: String, limits: HTTPParserLimits = HTTPParserLimits()) -> HTTPParseError? {
    do {
        _ = try parseRequests(text, limits: limits)
        return nil
    } catch {
        return error
    }
}
