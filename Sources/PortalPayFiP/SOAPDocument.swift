import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The parts of a SOAP envelope PayFiP's messages use: the name of the body's first element
/// and the text of every leaf element under it, by local name. The XML parser does not resolve
/// external entities.
final class SOAPDocument: NSObject, XMLParserDelegate {
    private(set) var operation: String?
    private(set) var fields: [String: String] = [:]
    private(set) var error: String?
    private var path: [String] = []
    private var text = ""

    init(data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        if !parser.parse() {
            error = parser.parserError.map { "malformed XML: \($0.localizedDescription)" } ?? "malformed XML"
            operation = nil
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if operation == nil, path.last == "Body" { operation = elementName }
        path.append(elementName)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if operation != nil, path.count > 3, fields[elementName] == nil {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty { fields[elementName] = value }
        }
        path.removeLast()
        text = ""
    }
}
