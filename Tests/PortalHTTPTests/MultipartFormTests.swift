import Foundation
import Testing
@testable import PortalHTTP

@Suite("Multipart form-data")
struct MultipartFormTests {
    static let boundary = "---------------------------9051914041544843365972754266"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    /// The status `decode` throws with, or nil when it succeeds.
    static func status(_ body: [UInt8], contentType: String = contentType, limits: MultipartLimits = .init()) -> Int? {
        do {
            _ = try MultipartForm.decode(body, contentType: contentType, limits: limits)
            return nil
        } catch let error as HTTPError {
            return error.status.code
        } catch {
            Issue.record("untyped error \(error)")
            return -1
        }
    }

    static func status(_ body: String, contentType: String = contentType, limits: MultipartLimits = .init()) -> Int? {
        status(Array(body.utf8), contentType: contentType, limits: limits)
    }

    /// One text part with the given header lines and content, ended by the close delimiter.
    static func single(headers: String, content: String = "x", boundary: String = boundary) -> String {
        "--\(boundary)\r\n\(headers)\r\n\r\n\(content)\r\n--\(boundary)--\r\n"
    }

    // MARK: - Valid bodies

    /// What Firefox sends for a form with accented text fields, a PDF holding CRLF and binary bytes,
    /// and a file input left empty.
    @Test func decodesBrowserBody() throws {
        let pdf: [UInt8] = Array("%PDF-1.4\r\n".utf8) + [0x00, 0xFF, 0xFE, 0x0D, 0x0A, 0x0D, 0x0A] + Array("\r\n--not-the-boundary\r\n".utf8) + [0x2D, 0x2D, 0x0D]
        var body = Array("""
        --\(Self.boundary)\r
        Content-Disposition: form-data; name="nom"\r
        \r
        Dupont\r
        --\(Self.boundary)\r
        Content-Disposition: form-data; name="prénom"\r
        \r
        Renée Zoé\r
        --\(Self.boundary)\r
        Content-Disposition: form-data; name="commentaire"\r
        \r
        Première ligne\r
        seconde ligne\r
        --\(Self.boundary)\r
        Content-Disposition: form-data; name="justificatif"; filename="facture électricité.pdf"\r
        Content-Type: application/pdf\r
        \r\n
        """.utf8)
        body += pdf
        body += Array("""
        \r
        --\(Self.boundary)\r
        Content-Disposition: form-data; name="photo"; filename=""\r
        Content-Type: application/octet-stream\r
        \r
        \r
        --\(Self.boundary)\r
        Content-Disposition: form-data; name="vide"\r
        \r
        \r
        --\(Self.boundary)--\r\n
        """.utf8)

        let form = try MultipartForm.decode(body, contentType: Self.contentType)
        #expect(form.fields.map(\.name) == ["nom", "prénom", "commentaire", "vide"])
        #expect(form["nom"] == "Dupont")
        #expect(form["prénom"] == "Renée Zoé")
        #expect(form["commentaire"] == "Première ligne\r\nseconde ligne")
        #expect(form["vide"] == "")
        #expect(form["absent"] == nil)
        #expect(form.files.count == 1)
        let file = try #require(form.file(named: "justificatif"))
        #expect(file.filename == "facture électricité.pdf")
        #expect(file.contentType == "application/pdf")
        #expect(file.data == pdf)
        // The empty file input is not a file.
        #expect(form.file(named: "photo") == nil)
    }

    @Test func repeatedFieldsAndFilesKeepTheirOrder() throws {
        let body = """
        --b\r
        Content-Disposition: form-data; name="enfant"\r
        \r
        Léo\r
        --b\r
        Content-Disposition: form-data; name="enfant"\r
        \r
        Zoé\r
        --b\r
        Content-Disposition: form-data; name="pieces"; filename="a.txt"\r
        \r
        A\r
        --b\r
        Content-Disposition: form-data; name="pieces"; filename="b.txt"\r
        \r
        B\r
        --b--
        """
        let form = try MultipartForm.decode(Array(body.utf8), contentType: "multipart/form-data; boundary=b")
        #expect(form.values("enfant") == ["Léo", "Zoé"])
        #expect(form["enfant"] == "Léo")
        #expect(form.files(named: "pieces").map(\.filename) == ["a.txt", "b.txt"])
        #expect(form.file(named: "pieces")?.data == Array("A".utf8))
        #expect(form.file(named: "pieces")?.contentType == nil)
    }

    @Test func quotedBoundaryWithPunctuationAndOtherParameters() throws {
        let boundary = "'()+_,-./:=? end"
        let body = Self.single(headers: "Content-Disposition: form-data; name=\"a\"", content: "1", boundary: boundary)
        let form = try MultipartForm.decode(Array(body.utf8), contentType: "Multipart/Form-Data ; charset=utf-8; BOUNDARY=\"\(boundary)\"")
        #expect(form["a"] == "1")

        let token = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
        let webKit = Self.single(headers: "Content-Disposition: form-data; name=\"a\"", content: "2", boundary: token)
        #expect(try MultipartForm.decode(Array(webKit.utf8), contentType: "multipart/form-data; boundary=\(token)")["a"] == "2")
        #expect(try MultipartForm.boundary(fromContentType: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(throws: HTTPError(.badRequest, message: "invalid multipart boundary")) {
            try MultipartForm.boundary(fromContentType: #"multipart/form-data; boundary="a\\b""#)
        }
    }

    @Test func preambleEpilogueAndTransportPaddingAreIgnored() throws {
        let body = """
        This is a preamble.\r
        --b\r
        Content-Disposition: form-data; name="a"\r
        \r
        1\r
        --b \t\r
        Content-Disposition: form-data; name="b"\r
        \r
        2\r
        --b-- \r
        This is the epilogue, with --b\r
        --b-- even.
        """
        let form = try MultipartForm.decode(Array(body.utf8), contentType: "multipart/form-data; boundary=b")
        #expect(form.fields.map(\.value) == ["1", "2"])
    }

    @Test func closeDelimiterAloneIsAnEmptyForm() throws {
        let form = try MultipartForm.decode(Array("--b--\r\n".utf8), contentType: "multipart/form-data; boundary=b")
        #expect(form.fields.isEmpty && form.files.isEmpty)
    }

    @Test func partHeadersAreCaseInsensitiveAndUnknownOnesIgnored() throws {
        let body = Self.single(headers: """
        content-disposition:Form-Data;NAME="a";  filename="rapport.txt"; filename*=UTF-8''rapport%20final.txt\r
        X-Unknown: whatever\r
        CONTENT-TYPE:  text/plain; charset=utf-8 \r
        Content-Transfer-Encoding: BINARY
        """, content: "texte")
        let file = try #require(try MultipartForm.decode(Array(body.utf8), contentType: Self.contentType).file(named: "a"))
        #expect(file.filename == "rapport.txt")
        #expect(file.contentType == "text/plain; charset=utf-8")
        #expect(file.data == Array("texte".utf8))
    }

    /// A part whose headers end right before the delimiter has no content (RFC 2046's optional body).
    @Test func partWithoutContent() throws {
        let form = try MultipartForm.decode(Array("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--b--".utf8),
                                            contentType: "multipart/form-data; boundary=b")
        #expect(form["a"] == "")
    }

    @Test func filenamesAreSanitised() throws {
        func filename(_ raw: String) throws -> String? {
            let body = Self.single(headers: "Content-Disposition: form-data; name=\"f\"; filename=\"\(raw)\"", content: "data")
            return try MultipartForm.decode(Array(body.utf8), contentType: Self.contentType).file(named: "f")?.filename
        }
        #expect(try filename("C:\\Users\\Renée\\Documents\\photo.jpg") == "photo.jpg")
        #expect(try filename("../../etc/passwd") == "passwd")
        #expect(try filename("..") == "")
        #expect(try filename("dossier/") == "")
        #expect(try filename("a\tb.txt") == "ab.txt")
        #expect(try filename("\u{85}x\u{9F}.txt") == "x.txt")
        #expect(MultipartFile.sanitizedFilename("a\u{0}b\u{7F}\r\n.txt") == "ab.txt")
        #expect(try filename("avis%22impot%22.pdf") == "avis%22impot%22.pdf")

        let long = String(repeating: "é", count: 200) + ".pdf"
        let cut = MultipartFile.sanitizedFilename(long)
        #expect(cut.utf8.count <= 255 && cut.utf8.count >= 250)
        #expect(cut.hasSuffix(".pdf") && cut.hasPrefix("éé"))
        #expect(MultipartFile.sanitizedFilename(cut) == cut)
        #expect(MultipartFile.sanitizedFilename(String(repeating: "x", count: 300)).utf8.count == 255)
        #expect(MultipartFile.sanitizedFilename("a/\u{0}/..") == "")
    }

    /// A file part with content but no usable name is kept, with an empty file name.
    @Test func fileWithoutNameButWithContentIsKept() throws {
        let body = Self.single(headers: "Content-Disposition: form-data; name=\"f\"; filename=\"\"", content: "data")
        let file = try MultipartForm.decode(Array(body.utf8), contentType: Self.contentType).file(named: "f")
        #expect(file?.filename == "")
        #expect(file?.data == Array("data".utf8))
    }

    /// Python `requests` 2.34 (urllib3 2.7) for `data={"commune": …, "motif": …}` and two files, as it
    /// encoded them (`requests.Request(...).prepare().body`).
    @Test func decodesBodyFromPythonRequests() throws {
        let body: [UInt8] = Array(#"--e32a1f8ad1d64c0ef51cf961917b2b02\#r\#nContent-Disposition: form-data; name="commune"\#r\#n\#r\#nLangeais\#r\#n--e32a1f8ad1d64c0ef51cf961917b2b02\#r\#nContent-Disposition: form-data; name="motif"\#r\#n\#r\#n"#.utf8)
            + [0x43, 0x72, 0xC3, 0xA8, 0x63, 0x68, 0x65, 0x20, 0xC3, 0xA0, 0x20] + Array("Cinq-Mars".utf8)
            + Array(#"\#r\#n--e32a1f8ad1d64c0ef51cf961917b2b02\#r\#nContent-Disposition: form-data; name="justificatif"; filename="avis d"#.utf8)
            + [0xE2, 0x80, 0x99] + Array(#"imposition.csv"\#r\#nContent-Type: text/csv\#r\#n\#r\#nannee;montant\#r\#n2025;1234\#r\#n\#r\#n--e32a1f8ad1d64c0ef51cf961917b2b02\#r\#nContent-Disposition: form-data; name="brut"; filename="x.bin"\#r\#n\#r\#n"#.utf8)
            + [0x00, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D] + Array("\r\n--e32a1f8ad1d64c0ef51cf961917b2b02--\r\n".utf8)
        let form = try MultipartForm.decode(body, contentType: "multipart/form-data; boundary=e32a1f8ad1d64c0ef51cf961917b2b02")
        #expect(form["commune"] == "Langeais")
        #expect(form["motif"] == "Crèche à Cinq-Mars")
        #expect(form.file(named: "justificatif")?.filename == "avis d’imposition.csv")
        #expect(form.file(named: "justificatif")?.contentType == "text/csv")
        #expect(form.file(named: "justificatif")?.data == Array("annee;montant\r\n2025;1234\r\n".utf8))
        #expect(form.file(named: "brut")?.data == [0x00, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D])
        #expect(form.file(named: "brut")?.contentType == nil)
    }

    /// Python's `email` package (`EmailMessage`, `policy.HTTP`, parts set with `cte="8bit"` and
    /// `cte="7bit"`): quoted boundary, `Content-Transfer-Encoding` headers, backslash-escaped quotes.
    @Test func decodesBodyFromPythonEmail() throws {
        let body: [UInt8] = Array(#"--===============3824215213530942018==\#r\#nContent-Type: text/plain; charset="utf-8"\#r\#nContent-Transfer-Encoding: 8bit\#r\#nContent-Disposition: form-data; name="enfant"\#r\#n\#r\#nL"#.utf8)
            + [0xC3, 0xA9] + Array(#"o Martin\#r\#n\#r\#n--===============3824215213530942018==\#r\#nContent-Type: application/pdf\#r\#nContent-Transfer-Encoding: 7bit\#r\#nContent-Disposition: form-data; name="piece"; filename="attestation \"2026\".pdf"\#r\#n\#r\#n%PDF-1.4\#r\#n"#.utf8)
            + [0x01, 0x02] + Array("\r\n--===============3824215213530942018==--\r\n".utf8)
        let form = try MultipartForm.decode(body, contentType: #"multipart/form-data; boundary="===============3824215213530942018==""#)
        #expect(form["enfant"] == "Léo Martin\r\n")
        let file = try #require(form.file(named: "piece"))
        #expect(file.filename == "attestation \"2026\".pdf")
        #expect(file.contentType == "application/pdf")
        #expect(file.data == Array("%PDF-1.4\r\n".utf8) + [0x01, 0x02])
    }

    /// The same encoder's default for text (`MIMEText(..., "utf-8")`) is base64, which RFC 7578
    /// deprecates: refused.
    @Test func pythonEmailBase64IsRefused() {
        let body = #"--===============3247443344173960305==\#r\#nContent-Type: text/plain; charset="utf-8"\#r\#nContent-Transfer-Encoding: base64\#r\#nContent-Disposition: form-data; name="enfant"\#r\#n\#r\#nTMOpbyBNYXJ0aW4=\#r\#n\#r\#n--===============3247443344173960305==--\#r\#n"#
        #expect(Self.status(body, contentType: #"multipart/form-data; boundary="===============3247443344173960305==""#) == 400)
    }

    @Test func largeFileIsFoundQuickly() throws {
        var content = [UInt8](repeating: 0x0D, count: 4 * 1024 * 1024)
        for index in stride(from: 0, to: content.count, by: 97) { content[index] = 0x0A }
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n\r\n".utf8) + content + Array("\r\n--b--".utf8)
        let clock = ContinuousClock()
        var form = MultipartForm()
        let elapsed = try clock.measure { form = try MultipartForm.decode(body, contentType: "multipart/form-data; boundary=b") }
        #expect(form.file(named: "f")?.data.count == content.count)
        #expect(elapsed < .seconds(5))
    }

    // MARK: - Malformed bodies and limits

    @Test(arguments: [
        ("multipart/form-data", 400),
        ("multipart/form-data; boundary=", 400),
        ("multipart/form-data; boundary=\"\"", 400),
        ("multipart/form-data; charset=utf-8", 400),
        ("multipart/form-data; boundary=a; boundary=b", 400),
        ("multipart/form-data; boundary=\"unterminated", 400),
        ("multipart/form-data; boundary = b", 400),
        ("multipart/form-data boundary=b", 400),
        ("", 400),
        ("multipart/mixed; boundary=b", 415),
        ("application/x-www-form-urlencoded", 415),
    ])
    func contentTypeWithoutUsableBoundary(contentType: String, expected: Int) {
        #expect(Self.status(Self.single(headers: "Content-Disposition: form-data; name=\"a\"", boundary: "b"), contentType: contentType) == expected)
    }

    @Test(arguments: ["a!b", "a#b", "a@b", "trailing ", "é", "a\"b", String(repeating: "x", count: 71)])
    func invalidBoundaryCharactersAre400(boundary: String) {
        let quoted = "multipart/form-data; boundary=\"\(boundary.replacingOccurrences(of: "\"", with: "\\\""))\""
        #expect(Self.status(Self.single(headers: "Content-Disposition: form-data; name=\"a\"", boundary: boundary), contentType: quoted) == 400)
    }

    @Test func seventyCharacterBoundaryIsAccepted() {
        let boundary = String(repeating: "x", count: 70)
        #expect(Self.status(Self.single(headers: "Content-Disposition: form-data; name=\"a\"", boundary: boundary),
                            contentType: "multipart/form-data; boundary=\(boundary)") == nil)
    }

    @Test(arguments: [
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n",
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--\(boundary)",
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--\(boundary)\r\n",
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1",
        "--\(boundary)-- trailing garbage",
        "no boundary at all",
        "",
    ])
    func missingCloseDelimiterIs400(body: String) {
        #expect(Self.status(body) == 400)
    }

    @Test func boundaryInsideContentIs400() {
        let body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--bx\r\n--b--"
        #expect(Self.status(body, contentType: "multipart/form-data; boundary=b") == 400)
    }

    @Test(arguments: [
        // missing Content-Disposition
        "Content-Type: text/plain",
        // not form-data
        "Content-Disposition: attachment; name=\"a\"",
        "Content-Disposition: inline",
        // missing or empty name
        "Content-Disposition: form-data",
        "Content-Disposition: form-data; filename=\"a.txt\"",
        "Content-Disposition: form-data; name=\"\"",
        // malformed parameters
        "Content-Disposition: form-data; name=\"a",
        "Content-Disposition: form-data; name=\"a\"; name=\"b\"",
        "Content-Disposition: form-data; name = \"a\"",
        "Content-Disposition: form-data name=\"a\"",
        // repeated fields
        "Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"",
        "Content-Disposition: form-data; name=\"a\"\r\nContent-Type: text/plain\r\nContent-Type: text/html",
        // bad header syntax
        "Content-Disposition form-data; name=\"a\"",
        "Content-Disposition : form-data; name=\"a\"",
        ": form-data",
        "Bad Name: x\r\nContent-Disposition: form-data; name=\"a\"",
        "Content-Disposition: form-data; name=\"a\"\r\nX-Control: a\u{1}b",
        "Content-Disposition: form-data; name=\"a\"\nX-Bare-LF: 1",
        "Content-Disposition: form-data; name=\"a\"\rX-Bare-CR: 1",
        // obsolete folding
        "Content-Disposition: form-data;\r\n name=\"a\"",
        "Content-Disposition: form-data; name=\"a\"\r\nX-Long: one\r\n\ttwo",
        // transfer encodings other than identity
        "Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: base64",
        "Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: quoted-printable",
        "Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: 8bit\r\nContent-Transfer-Encoding: 8bit",
    ])
    func malformedPartHeadersAre400(headers: String) {
        #expect(Self.status(Self.single(headers: headers)) == 400)
    }

    @Test func partWithoutHeaderTerminatorIs400() {
        #expect(Self.status("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n--b--", contentType: "multipart/form-data; boundary=b") == 400)
        #expect(Self.status("--b\r\n\r\n--b--", contentType: "multipart/form-data; boundary=b") == 400)
    }

    @Test func invalidUTF8TextFieldIs400ButBinaryFileIsFine() {
        let head = Array("--b\r\nContent-Disposition: form-data; name=\"a\"".utf8)
        let tail = Array("\r\n\r\n".utf8) + [0xC3, 0x28, 0xFF] + Array("\r\n--b--".utf8)
        #expect(Self.status(head + tail, contentType: "multipart/form-data; boundary=b") == 400)
        #expect(Self.status(head + Array("; filename=\"x.bin\"".utf8) + tail, contentType: "multipart/form-data; boundary=b") == nil)
        // A name or file name that is not UTF-8 is refused as well.
        let badName = Array("--b\r\nContent-Disposition: form-data; name=\"".utf8) + [0xFF] + Array("\"\r\n\r\nx\r\n--b--".utf8)
        #expect(Self.status(badName, contentType: "multipart/form-data; boundary=b") == 400)
    }

    @Test func tooManyPartsIs413() {
        let part = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
        let limits = MultipartLimits(maxParts: 3)
        #expect(Self.status(String(repeating: part, count: 3) + "--b--", contentType: "multipart/form-data; boundary=b", limits: limits) == nil)
        #expect(Self.status(String(repeating: part, count: 4) + "--b--", contentType: "multipart/form-data; boundary=b", limits: limits) == 413)
        #expect(Self.status(String(repeating: part, count: 101) + "--b--", contentType: "multipart/form-data; boundary=b") == 413)
        // Empty file inputs count as parts.
        let empty = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n\r\n\r\n"
        #expect(Self.status(String(repeating: empty, count: 4) + "--b--", contentType: "multipart/form-data; boundary=b", limits: limits) == 413)
    }

    @Test func oversizeFileFieldAndBodyAre413() {
        let limits = MultipartLimits(maxFieldBytes: 10, maxFileBytes: 20, maxBodyBytes: 400)
        let file = { (size: Int) in Self.single(headers: "Content-Disposition: form-data; name=\"f\"; filename=\"a.bin\"", content: String(repeating: "z", count: size)) }
        let field = { (size: Int) in Self.single(headers: "Content-Disposition: form-data; name=\"t\"", content: String(repeating: "é", count: size / 2)) }
        #expect(Self.status(file(20), limits: limits) == nil)
        #expect(Self.status(file(21), limits: limits) == 413)
        #expect(Self.status(field(10), limits: limits) == nil)
        #expect(Self.status(field(12), limits: limits) == 413)
        #expect(Self.status(String(repeating: " ", count: 401), limits: limits) == 413)
    }

    @Test func oversizeHeaderIs413() {
        let limits = MultipartLimits(maxHeaderBytes: 100)
        let disposition = "Content-Disposition: form-data; name=\"a\""      // 40 bytes
        // Header section = line + CRLF + filler line + CRLF + empty line CRLF.
        let fits = disposition + "\r\nX: " + String(repeating: "y", count: 100 - 42 - 5 - 2)
        #expect(Self.status(Self.single(headers: fits), limits: limits) == nil)
        #expect(Self.status(Self.single(headers: fits + "y"), limits: limits) == 413)
        #expect(Self.status(Self.single(headers: disposition + "\r\nX: " + String(repeating: "y", count: 9000))) == 413)
        // A part with no empty line is refused without reading past the header limit.
        let unterminated = "--b\r\n" + String(repeating: "h", count: 200) + "\r\n--b--"
        #expect(Self.status(unterminated, contentType: "multipart/form-data; boundary=b", limits: limits) == 413)
    }

    @Test func errorsCarryTechnicalMessages() {
        do {
            _ = try MultipartForm.decode(Array("--b\r\n".utf8), contentType: "multipart/form-data; boundary=b")
            Issue.record("accepted a truncated body")
        } catch let error as HTTPError {
            #expect(error == HTTPError(.badRequest, message: "multipart close delimiter missing"))
        } catch {
            Issue.record("untyped error \(error)")
        }
    }
}
