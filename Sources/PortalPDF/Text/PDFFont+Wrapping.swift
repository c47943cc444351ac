extension PDFFont {
    /// Splits `text` into lines that are each at most `width` points wide at `size` points, as
    /// ``PDFPage/drawParagraph(_:x:y:width:font:size:leading:color:alignment:)`` draws them.
    ///
    /// Lines break at ordinary spaces only: a no-break space (U+00A0, or U+202F) keeps `1 234,56 €`
    /// or `Total :` together. Runs of spaces count as one, and no line starts or ends with one. A line
    /// break in `text` starts a new line; an empty line stays as an empty string. A word wider than
    /// `width` on its own is cut between characters, keeping at least one character per line.
    public func wrap(_ text: String, size: Double, width: Double) -> [String] {
        // The width in thousandths of the font size, the unit of the AFM widths.
        let limit = size > 0 ? width * 1000 / size : .infinity
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .flatMap { wrap(paragraph: $0, limit: limit) }
    }

    /// The lines of one paragraph (text without line breaks), `limit` being in thousandths of the size.
    private func wrap(paragraph: Substring, limit: Double) -> [String] {
        let space = units(of: WinAnsiEncoding.code(for: " "))
        var lines: [String] = []
        var line = ""
        var lineUnits = 0
        for word in paragraph.split(separator: " ") {
            let wordUnits = units(of: WinAnsiEncoding.encode(String(word)))
            if !line.isEmpty {
                if Double(lineUnits + space + wordUnits) <= limit {
                    line += " "
                    line += word
                    lineUnits += space + wordUnits
                    continue
                }
                lines.append(line)
            }
            line = String(word)
            lineUnits = wordUnits
            while Double(lineUnits) > limit, line.count > 1 {
                let (head, rest) = cut(line, limit: limit)
                lines.append(head)
                line = rest
                lineUnits = units(of: WinAnsiEncoding.encode(rest))
            }
        }
        lines.append(line)
        return lines
    }

    /// Splits `word` after as many characters as fit in `limit` thousandths of the size, at least one.
    private func cut(_ word: String, limit: Double) -> (head: String, rest: String) {
        var used = 0
        var end = word.startIndex
        for index in word.indices {
            let next = used + units(of: WinAnsiEncoding.code(for: word[index]))
            if Double(next) > limit, index != word.startIndex { break }
            used = next
            end = word.index(after: index)
        }
        return (String(word[..<end]), String(word[end...]))
    }
}
