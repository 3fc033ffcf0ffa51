import Foundation

/// The last lines of a step's output that a reader needs: terminal escapes removed,
/// trailing blank lines dropped, bounded in count and width.
public enum LogExcerpt {
    /// The last `count` non-blank lines of `output`, each cut to `width` characters.
    public static func lastLines(of output: String, count: Int, width: Int = 240) -> [String] {
        guard count > 0 else { return [] }
        let lines = stripANSI(output)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                var text = String(line)
                if let carriage = text.lastIndex(of: "\r"), text.index(after: carriage) != text.endIndex {
                    text = String(text[text.index(after: carriage)...])
                }
                text = text.replacingOccurrences(of: "\r", with: "")
                text = printable(text)
                return text.count > width ? String(text.prefix(width)) + "…" : text
            }
        var kept = lines
        while let last = kept.last, last.trimmingCharacters(in: .whitespaces).isEmpty { kept.removeLast() }
        return Array(kept.suffix(count))
    }

    /// `text` with control characters a terminal would act on (C0 but tab, DEL, C1 such as
    /// U+009B, a one-character CSI) replaced by U+FFFD, so a quoted line cannot drive the
    /// reader's terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// The text without terminal colour and cursor sequences (`TerminalEscapes`).
    public static func stripANSI(_ text: String) -> String {
        guard text.utf8.contains(0x1B) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            String(decoding: TerminalEscapes.strip(UnsafeRawBufferPointer(bytes)), as: UTF8.self)
        }
    }
}
