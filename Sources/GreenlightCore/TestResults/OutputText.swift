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
        var words: [Substring] = []
        let bytes = text.utf8
        var index = bytes.startIndex
        var start: Substring.Index?
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                if let begun = start { words.append(text[begun..<index]); start = nil }
            } else if start == nil {
                start = index
            }
            index = bytes.index(after: index)
        }
        if let begun = start { words.append(text[begun..<text.endIndex]) }
        return words
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

    /// Whether `text` holds `needle`, compared as UTF-8 bytes (no Unicode normalisation, which
    /// is what a marker printed by a runtime needs, and fast on long lines).
    static func contains(_ text: Substring, _ needle: String) -> Bool {
        range(of: needle, in: text) != nil
    }

    /// As `contains(_:_:)`, for a whole string.
    static func contains(_ text: String, _ needle: String) -> Bool {
        range(of: needle, in: Substring(text)) != nil
    }

    /// As `range(of:in:)` for a whole string (a string's and its substring's indices are the same).
    static func range(of needle: String, in text: String) -> Range<String.Index>? {
        range(of: needle, in: Substring(text))
    }

    /// The first occurrence of `needle` in `text`, compared as UTF-8 bytes: no Unicode
    /// normalisation (what a marker printed by a runner needs) and no bridging to NSString, which
    /// made Foundation's `range(of:)` the analyzer's largest cost.
    static func range(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        let found: Int?? = text.utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in byteOffset(of: pattern, in: haystack) } ?? nil
        }
        let offset: Int?
        if let found {
            offset = found
        } else {
            let haystack = Array(text.utf8), pattern = Array(needle.utf8)
            offset = haystack.withUnsafeBufferPointer { haystack in
                pattern.withUnsafeBufferPointer { pattern in byteOffset(of: pattern, in: haystack) }
            }
        }
        guard let offset else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }

    private static func byteOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = haystack.count, length = pattern.count
        guard length > 0, count >= length else { return nil }
        let first = pattern[0]
        var index = 0
        while index <= count - length {
            if haystack[index] == first {
                var matched = 1
                while matched < length, haystack[index + matched] == pattern[matched] {
                    matched += 1
                }
                if matched == length { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether `text` starts with `prefix`, compared as UTF-8 bytes (the generic `hasPrefix` on a
    /// substring walks Characters, the analyzer's next largest cost once `range(of:)` was gone).
    static func hasPrefix(_ text: some StringProtocol, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    /// Whether `text` ends with `suffix`, compared as UTF-8 bytes.
    static func hasSuffix(_ text: some StringProtocol, _ suffix: String) -> Bool {
        let bytes = text.utf8, tail = suffix.utf8
        guard bytes.count >= tail.count else { return false }
        return bytes.suffix(tail.count).elementsEqual(tail)
    }

    /// The last occurrence of `needle` in `text`, compared as UTF-8 bytes.
    static func lastRange(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        let pattern = Array(needle.utf8)
        let search = { (haystack: UnsafeBufferPointer<UInt8>) -> Int? in
            let length = pattern.count
            guard length > 0, haystack.count >= length else { return nil }
            var index = haystack.count - length
            while index >= 0 {
                if haystack[index] == pattern[0] {
                    var matched = 1
                    while matched < length, haystack[index + matched] == pattern[matched] { matched += 1 }
                    if matched == length { return index }
                }
                index -= 1
            }
            return nil
        }
        let offset: Int? = text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
        guard let offset else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: pattern.count)
    }
}
