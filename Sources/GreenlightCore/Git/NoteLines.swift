import Foundation

/// Line arithmetic on note bytes.
///
/// A line ends at a newline byte (0x0A) and nowhere else: CR, NUL, invalid UTF-8 and the
/// Unicode line and paragraph separators are ordinary bytes of their line. Nothing here
/// decodes text, so every byte of a note survives every operation.
enum NoteLines {
    static let newline: UInt8 = 0x0A

    /// The lines of `note`, each without its newline. A last line without a newline
    /// counts; empty lines are kept, so the index of a line is its line number minus one.
    static func split<Bytes: BidirectionalCollection<UInt8>>(_ note: Bytes) -> [Bytes.SubSequence] {
        var lines = note.split(separator: newline, omittingEmptySubsequences: false)
        // `split` yields one empty piece after a final newline (and for an empty note).
        if note.isEmpty || note.last == newline { lines.removeLast() }
        return lines
    }

    /// `note` with `lines` appended, every byte of `note` kept in place: a newline is
    /// added first when `note` is not empty and does not end with one, and each new line
    /// gets one.
    static func appending(_ lines: [[UInt8]], to note: [UInt8]) -> [UInt8] {
        var text = note
        if let last = text.last, last != newline { text.append(newline) }
        for line in lines {
            text += line
            text.append(newline)
        }
        return text
    }

    /// Whether `line` (without a newline) is one whole line of `note`, byte for byte.
    static func contains(line: [UInt8], in note: [UInt8]) -> Bool {
        split(note).contains { $0.elementsEqual(line) }
    }

    /// The union of two notes by line: `ours` byte for byte (a final newline added when
    /// missing), then every non-empty line of `theirs` that is not already there, in
    /// their order, once each, each ending with a newline. With no note of ours (`nil`),
    /// `theirs` unchanged.
    static func union(_ ours: [UInt8]?, _ theirs: [UInt8]) -> [UInt8] {
        guard let ours else { return theirs }
        var seen = Set(split(ours).map(Array.init))
        var added: [[UInt8]] = []
        for line in split(theirs) where !line.isEmpty {
            let bytes = Array(line)
            if seen.insert(bytes).inserted { added.append(bytes) }
        }
        return added.isEmpty ? ours : appending(added, to: ours)
    }

    /// Whether `line` holds `needle` somewhere.
    static func line<Line: Collection<UInt8>>(_ line: Line, contains needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let bytes = Array(line)
        guard bytes.count >= needle.count else { return false }
        var start = 0
        while start <= bytes.count - needle.count {
            if bytes[start] == first && bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    /// `line` without leading and trailing spaces, tabs and carriage returns.
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) }) else {
            return line[line.startIndex..<line.startIndex]
        }
        return line[first...last]
    }

    /// `bytes` as text safe to print on a terminal, at most `limit` characters then "…":
    /// valid UTF-8 as itself, except tab, CR and LF as `\t`, `\r`, `\n`, other control
    /// bytes and every byte of an invalid UTF-8 sequence as `\xNN`, and control, format
    /// and separator scalars beyond ASCII (U+0085, U+2028, U+202E, ...) as `\u{XXXX}`.
    static func printable<Bytes: Collection<UInt8>>(_ bytes: Bytes, limit: Int = 60) -> String {
        let bytes = Array(bytes)
        var out = ""
        var shown = 0
        var index = 0
        while index < bytes.count {
            if shown >= limit { return out + "…" }
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xF0 && byte <= 0xF4 ? 4 : 0
            if length > 1, index + length <= bytes.count,
               let text = String(bytes: bytes[index..<(index + length)], encoding: .utf8),
               let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 {
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                default:
                    out.unicodeScalars.append(scalar)
                }
                index += length
            } else if length == 1 {
                switch byte {
                case 0x09: out += "\\t"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
                default: out += Self.hexEscape(byte)
                }
                index += 1
            } else {
                out += Self.hexEscape(byte)
                index += 1
            }
            shown += 1
        }
        return out
    }

    private static func hexEscape(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "\\x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
