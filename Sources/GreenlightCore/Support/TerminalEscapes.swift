/// Removes terminal control sequences from one line of bytes, as a terminal would not print
/// them: CSI (`ESC [ … final`, colours and cursor moves), OSC (`ESC ] … BEL` or `ESC ] … ESC \`,
/// titles and hyperlinks), DCS/SOS/PM/APC strings (`ESC P|X|^|_ … ESC \`), character-set
/// designations (`ESC ( B`, which `tput sgr0` prints and ECMA-48 regexes often miss) and other
/// two-byte escapes (`ESC =`, `ESC 7`). A lone ESC at the end is dropped. Everything else,
/// invalid UTF-8 included, is kept as it is. Reference: ECMA-48, sections 5.3 to 5.6.
enum TerminalEscapes {
    private static let escape: UInt8 = 0x1B

    /// Whether `bytes` hold an ESC at all (most lines do not, and are used as they are).
    static func present(in bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.contains(escape)
    }

    /// `bytes` without their control sequences.
    static func strip(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard byte == escape else {
                out.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < count else { break }
            let kind = bytes[index]
            // A lone ESC before a line break: the break stays (two lines must not merge).
            if kind == 0x0A || kind == 0x0D { continue }
            index += 1
            switch kind {
            case UInt8(ascii: "["):
                // Parameters 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
                while index < count, (0x20...0x3F).contains(bytes[index]) { index += 1 }
                if index < count, (0x40...0x7E).contains(bytes[index]) { index += 1 }
            case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                // A string ended by BEL (OSC only) or by ST, ESC "\".
                while index < count {
                    if bytes[index] == 0x07, kind == UInt8(ascii: "]") { index += 1; break }
                    if bytes[index] == escape, index + 1 < count, bytes[index + 1] == UInt8(ascii: "\\") { index += 2; break }
                    index += 1
                }
            case 0x20...0x2F:
                // Character-set designation and other intermediates, then one final byte.
                while index < count, (0x20...0x2F).contains(bytes[index]) { index += 1 }
                if index < count { index += 1 }
            default:
                // Two-byte sequences: ESC 7, ESC 8, ESC =, ESC >, ESC M, …
                break
            }
        }
        return out
    }
}
