import Foundation

/// Parses durations as written in `.greenlight.yml`: `90s`, `10m`, `1h30m`, `500ms`, `1.5h`, `2d`,
/// or a bare number of seconds. Numbers are plain ASCII decimals (`12`, `0.5`): no sign,
/// exponent, hexadecimal, `inf` or `nan`, so every duration is finite, positive and at most
/// `maximum` seconds.
public enum DurationParser {
    /// The longest duration accepted, in seconds (7 days): longer is surely a mistake, and
    /// every duration must fit the integer fields it becomes (a Job's `activeDeadlineSeconds`).
    public static let maximum: TimeInterval = 7 * 24 * 3600

    /// The longest age accepted by `age(from:)`, in seconds (10 years of 365 days).
    public static let maximumAge: TimeInterval = 10 * 365 * 86400

    /// Seconds, or `nil` when the text is not a positive duration of at most `maximum` seconds.
    public static func seconds(from text: String) -> TimeInterval? {
        seconds(from: text, maximum: maximum)
    }

    /// An age such as `30d` or `12h` (`greenlight caches prune --older-than`): the same syntax, up
    /// to `maximumAge`; `nil` otherwise.
    public static func age(from text: String) -> TimeInterval? {
        seconds(from: text, maximum: maximumAge)
    }

    static func seconds(from text: String, maximum: TimeInterval) -> TimeInterval? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard !bytes.isEmpty else { return nil }
        var index = 0
        /// A plain decimal number at `index`: digits, optionally `.` and more digits.
        func number() -> Double? {
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            if index < bytes.count, bytes[index] == 46 {
                index += 1
                let fraction = index
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                guard index > fraction else { return nil }
            }
            guard index > start, bytes[start] != 46 else { return nil }
            return Double(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        var total: TimeInterval = 0
        var sawUnit = false
        while index < bytes.count {
            guard let value = number() else { return nil }
            if index == bytes.count {
                // A bare number is seconds, alone only.
                guard !sawUnit else { return nil }
                total = value
                break
            }
            let rest = bytes[index...]
            let unit: (length: Int, seconds: TimeInterval)
            if rest.starts(with: Array("ms".utf8)) { unit = (2, 0.001) }
            else if rest.first == UInt8(ascii: "d") { unit = (1, 86400) }
            else if rest.first == UInt8(ascii: "h") { unit = (1, 3600) }
            else if rest.first == UInt8(ascii: "m") { unit = (1, 60) }
            else if rest.first == UInt8(ascii: "s") { unit = (1, 1) }
            else { return nil }
            total += value * unit.seconds
            sawUnit = true
            index += unit.length
        }
        guard total.isFinite, total > 0, total <= maximum else { return nil }
        return total
    }

    /// The shortest exact rendering (`1h30m`, `45s`, `1.5s`), used in messages.
    public static func format(_ seconds: TimeInterval) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds != seconds.rounded() { return String(format: "%.1fs", seconds) }
        var rest = Int(seconds)
        var text = ""
        if rest >= 86400 { text += "\(rest / 86400)d"; rest %= 86400 }
        if rest >= 3600 { text += "\(rest / 3600)h"; rest %= 3600 }
        if rest >= 60 { text += "\(rest / 60)m"; rest %= 60 }
        if rest > 0 || text.isEmpty { text += "\(rest)s" }
        return text
    }
}
