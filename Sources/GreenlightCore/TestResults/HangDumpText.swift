/// Line handling shared by the hang dump parsers. Everything works on `Substring` and its
/// Unicode scalars, without regular expressions, so a very long line costs one pass and no copy.
enum HangDumpText {
    /// A line longer than this many UTF-8 bytes is cut to its first `maxLineBytes / 4` Unicode
    /// scalars (so to at most this many bytes); no line of a Go, Ginkgo, Python or JVM dump comes near it.
    static let maxLineBytes = 16_384

    /// The lines in what `HangDumpCollector.consume` was given: usually one, but a caller may
    /// hand over a chunk with "\n" inside. A trailing "\r" is dropped and long lines are cut.
    static func lines(in text: Substring) -> [Substring] {
        if text.utf8.count <= maxLineBytes, text.utf8.last != UInt8(ascii: "\r"), !OutputText.contains(text, "\n") {
            return [text]
        }
        let scalars = text.unicodeScalars
        var result: [Substring] = []
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            if scalars[index] == "\n" {
                result.append(clean(Substring(scalars[start..<index])))
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        if start < scalars.endIndex || result.isEmpty {
            result.append(clean(Substring(scalars[start..<scalars.endIndex])))
        }
        return result
    }

    private static func clean(_ line: Substring) -> Substring {
        var line = line
        if line.utf8.count > maxLineBytes {
            line = Substring(line.unicodeScalars.prefix(maxLineBytes / 4))
        }
        if line.unicodeScalars.last == "\r" {
            line = Substring(line.unicodeScalars.dropLast())
        }
        return line
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
    }

    /// `line` without leading and trailing spaces and tabs.
    static func trimmed(_ line: Substring) -> Substring {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return line[line.endIndex...] }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return Substring(scalars[first...last])
    }

    /// How many spaces (a tab counts as one) the line starts with.
    static func indentation(_ line: Substring) -> Int {
        var count = 0
        for scalar in line.unicodeScalars {
            guard isSpace(scalar) else { break }
            count += 1
        }
        return count
    }

    static func startsWithSpace(_ line: Substring) -> Bool {
        line.unicodeScalars.first.map(isSpace) ?? false
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy(isSpace)
    }

    /// Whether `text` holds `needle`, compared as UTF-8 bytes (`OutputText.contains`).
    static func contains(_ text: Substring, _ needle: String) -> Bool {
        OutputText.contains(text, needle)
    }

    /// The first occurrence of `needle` in `text`, compared as UTF-8 bytes (`OutputText.range`).
    static func range(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        OutputText.range(of: needle, in: text)
    }

    /// `file:line` split at the last colon, when what follows it is a line number.
    static func location(_ text: Substring) -> (path: Substring, line: Int)? {
        guard let colon = text.lastIndex(of: ":"), colon > text.startIndex,
              let line = Int(text[text.index(after: colon)...]), line >= 0 else { return nil }
        return (text[..<colon], line)
    }

    /// At most `limit` characters of `text`, so that no name kept from a dump grows without bound.
    static func capped(_ text: Substring, _ limit: Int = 1_000) -> String {
        text.unicodeScalars.count > limit ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))) : String(text)
    }
}
