import Foundation

/// Small, allocation-free helpers the test-output recognisers share to read one line. They
/// work on `Substring` and compare characters literally, without regular expressions.
enum OutputText {
    /// How many spaces and tabs `line` starts with.
    static func indentation(_ line: Substring) -> Int {
        var count = 0
        for byte in line.utf8 {
            guard byte == 0x20 || byte == 0x09 else { break }
            count += 1
        }
        return count
    }

    /// `line` without leading and trailing spaces and tabs.
    static func trimmed(_ line: Substring) -> Substring {
        var result = line
        while let first = result.utf8.first, first == 0x20 || first == 0x09 { result = result.dropFirst() }
        while let last = result.utf8.last, last == 0x20 || last == 0x09 || last == 0x0D { result = result.dropLast() }
        return result
    }

    /// `line` without trailing spaces and tabs.
    static func trimmedEnd(_ line: Substring) -> Substring {
        var result = line
        while let last = result.utf8.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        return result
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// What follows `prefix`, when `line` starts with it.
    static func after(_ prefix: String, in line: Substring) -> Substring? {
        line.hasPrefix(prefix) ? line.dropFirst(prefix.count) : nil
    }

    /// The first whitespace-separated word of `text`.
    static func firstWord(_ text: Substring) -> Substring {
        let start = text.drop { $0 == " " || $0 == "\t" }
        return start.prefix { $0 != " " && $0 != "\t" }
    }

    /// The words of `text`, split at runs of spaces and tabs.
    static func words(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    /// A non-negative decimal integer, all of `text`.
    static func integer(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    /// Whether `text` is a duration as Go and pytest print them: "0.002s", "12s", "1.5s".
    static func isSeconds(_ text: Substring) -> Bool {
        guard text.hasSuffix("s") else { return false }
        let number = text.dropLast()
        return !number.isEmpty && number.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    /// `path:line` or `path:line:column` at the start of `text` and ending where `text` ends:
    /// the path (no spaces) and the line.
    static func fileAndLine(_ text: Substring) -> (path: Substring, line: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let path = parts.first, !path.isEmpty,
              !path.contains(" "), let line = integer(parts[1]) else { return nil }
        if parts.count == 3, integer(parts[2]) == nil { return nil }
        return (path, line)
    }

    /// At most `limit` characters of `text`; a longer text is cut and ends with "…".
    static func capped(_ text: some StringProtocol, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : String(text)
    }

    /// `line` without the runs of `character` at either end: "== FAILURES ==" without "=".
    static func stripping(_ character: Character, from line: Substring) -> Substring {
        var result = line
        while result.first == character { result = result.dropFirst() }
        while result.last == character { result = result.dropLast() }
        return result
    }
}
