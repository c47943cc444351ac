// libFuzzer target for `CSVTable` (the invoice import's CSV reader).
// Built by `scripts/fuzz` with the reader's two source files into a `PortalCore` module of its own.
//
// Invariants checked, beyond "no crash":
// - the only error is a `CSVTable.Problem`, and the row limit holds;
// - the table written back as CSV (every field quoted, CRLF, UTF-8) reads back to the same header
//   and rows, byte for byte, with the same separator when the header has several fields.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    CSVFuzzCheck.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum CSVFuzzCheck {
    static let limits = CSVTable.Limits(maxBytes: 1 << 16, maxRows: 64)

    static func run(_ bytes: [UInt8]) {
        let table: CSVTable
        do {
            table = try CSVTable(bytes, limits: limits)
        } catch {
            return
        }
        require(table.rows.count <= limits.maxRows, "\(table.rows.count) rows accepted")
        require(table.rows.enumerated().allSatisfy { $0.element.number == $0.offset + 2 }, "row numbers are not consecutive from 2")
        let written = write(table)
        let again: CSVTable
        do {
            again = try CSVTable(written, limits: CSVTable.Limits(maxBytes: 1 << 20, maxRows: limits.maxRows))
        } catch {
            fatalError("the table written back is refused: \(error)")
        }
        require(same(again.header, table.header), "header differs after writing back")
        require(again.rows.count == table.rows.count, "row count differs after writing back")
        for (a, b) in zip(again.rows, table.rows) {
            require(same(a.fields, b.fields), "row \(b.number) differs after writing back")
        }
        if table.header.count > 1 { require(again.separator == table.separator, "separator differs after writing back") }
    }

    /// The table as CSV: every field quoted (quotes doubled), records ended by CRLF, UTF-8.
    static func write(_ table: CSVTable) -> [UInt8] {
        let separator = String(table.separator)
        let records = [table.header] + table.rows.map(\.fields)
        let text = records.map { fields in
            fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: separator)
        }.joined(separator: "\r\n") + "\r\n"
        return Array(text.utf8)
    }

    static func same(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
    }
}

private func require(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
    if !condition { fatalError(message(), line: line) }
}
