import Foundation

/// Parses durations as written in `.greenlight.yml`: `90s`, `10m`, `1h30m`, `500ms`,
/// or a bare number of seconds.
public enum DurationParser {
    /// Seconds, or `nil` when the text is not a positive duration.
    public static func seconds(from text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Double(trimmed) { return plain > 0 ? plain : nil }
        var total: TimeInterval = 0
        var number = ""
        var index = trimmed.startIndex
        var sawUnit = false
        while index < trimmed.endIndex {
            let character = trimmed[index]
            if character.isNumber || character == "." {
                number.append(character)
                index = trimmed.index(after: index)
                continue
            }
            guard let value = Double(number) else { return nil }
            let rest = trimmed[index...]
            let unit: (String, TimeInterval)
            if rest.hasPrefix("ms") { unit = ("ms", 0.001) }
            else if rest.hasPrefix("h") { unit = ("h", 3600) }
            else if rest.hasPrefix("m") { unit = ("m", 60) }
            else if rest.hasPrefix("s") { unit = ("s", 1) }
            else { return nil }
            total += value * unit.1
            number = ""
            sawUnit = true
            index = trimmed.index(index, offsetBy: unit.0.count)
        }
        guard sawUnit, number.isEmpty, total > 0 else { return nil }
        return total
    }

    /// The shortest exact rendering (`1h30m`, `45s`, `1.5s`), used in messages.
    public static func format(_ seconds: TimeInterval) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds != seconds.rounded() { return String(format: "%.1fs", seconds) }
        var rest = Int(seconds)
        var text = ""
        if rest >= 3600 { text += "\(rest / 3600)h"; rest %= 3600 }
        if rest >= 60 { text += "\(rest / 60)m"; rest %= 60 }
        if rest > 0 || text.isEmpty { text += "\(rest)s" }
        return text
    }
}
