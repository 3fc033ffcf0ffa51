import Foundation

/// greenlight's own canonical JSON text, used wherever bytes must not depend on how an
/// encoder happens to print: the gate-definition digest hashes exactly this.
///
/// The rules (versioned with the digest, see `TierDefinition.digestVersion`):
/// - objects: keys sorted by their UTF-8 bytes, no whitespace anywhere;
/// - strings: UTF-8, with `"` and `\` escaped, control characters below U+0020 written as
///   `\u00XX` (lowercase hex), everything else as it is (no `\/`, no other escapes);
/// - numbers: integral values with magnitude below 2^53 as decimal integers (`-12`), any
///   other finite value in Swift's shortest round-trip form (`0.5`, `1e+300`);
///   a non-finite number cannot be written and is an `InternalError`;
/// - `true`, `false`, `null` as in RFC 8259.
public enum CanonicalJSON {
    /// The canonical bytes of `value`.
    /// - Throws: `InternalError` when `value` holds a non-finite number.
    public static func bytes(_ value: JSONValue) throws(InternalError) -> [UInt8] {
        var out: [UInt8] = []
        try write(value, to: &out)
        return out
    }

    private static func write(_ value: JSONValue, to out: inout [UInt8]) throws(InternalError) {
        switch value {
        case .null: out += Array("null".utf8)
        case let .bool(flag): out += Array((flag ? "true" : "false").utf8)
        case let .number(number): out += Array(try render(number).utf8)
        case let .string(text): writeString(text, to: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(fields):
            out.append(UInt8(ascii: "{"))
            let keys = fields.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                try write(fields[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The canonical text of a number.
    /// - Throws: `InternalError` for infinities and NaN, which JSON cannot hold.
    static func render(_ number: Double) throws(InternalError) -> String {
        guard number.isFinite else {
            throw InternalError("a non-finite number (\(number)) reached the canonical form; configuration loading should have refused it")
        }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return number.description
    }

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
