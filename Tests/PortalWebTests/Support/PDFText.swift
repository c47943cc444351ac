import Foundation
import PortalTestSupport
import Testing

/// The text of a PDF file as poppler's `pdftotext -layout` reads it (CI installs poppler-utils).
enum PDFText {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "pdftotext is not installed: apt-get install -y poppler-utils (.ci/run installs it)" }
    }

    static func extract(_ file: URL) throws -> String {
        guard let tool = ExternalTool("pdftotext") else { throw Missing() }
        let output = try tool.run(["-layout", file.path, "-"])
        #expect(output.status == 0, "\(output.standardError)")
        return output.standardOutput
    }
}
