import Foundation

/// Reads and writes verdict notes: one JSON object per line, so notes written on several
/// machines merge by line union (`git notes merge -s cat_sort_uniq`) without losing any.
public struct NoteCodec: Sendable {
    public init() {}

    /// The records in a note, and a warning for every line that is not one.
    /// Unreadable lines are skipped, never fatal; they stay in the note untouched.
    public func decode(_ note: String) -> (records: [VerdictRecord], warnings: [String]) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Self.parseDate(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: \(text)")
            }
            return date
        }
        var records: [VerdictRecord] = []
        var warnings: [String] = []
        for (index, line) in note.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            do {
                records.append(try decoder.decode(VerdictRecord.self, from: Data(trimmed.utf8)))
            } catch {
                warnings.append(Self.foreignLineWarning(line: index + 1, text: Substring(trimmed)))
            }
        }
        return (records, warnings)
    }

    /// One line of JSON, keys sorted so identical records are identical lines.
    public func encode(_ record: VerdictRecord) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.formatDate(date))
        }
        // A record holds strings, numbers and dates only; encoding cannot fail.
        let data = (try? encoder.encode(record)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func foreignLineWarning(line: Int, text: Substring) -> String {
        let preview = text.count > 60 ? text.prefix(60) + "…" : text
        return "note line \(line) is not a greenlight verdict record, skipped: \(preview)"
    }

    static func formatDate(_ date: Date) -> String {
        Timestamp.format(date)
    }

    static func parseDate(_ text: String) -> Date? {
        Timestamp.parse(text)
    }
}
