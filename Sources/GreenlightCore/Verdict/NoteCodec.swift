import Crypto
import Foundation

/// Reads and writes verdict notes: one JSON object per line, so notes written on several
/// machines merge by line union (`git notes merge -s cat_sort_uniq`) without losing any.
public struct NoteCodec: Sendable {
    public init() {}

    /// What one line of a note holds.
    enum Line {
        /// Empty, or only spaces, tabs and carriage returns.
        case blank
        case record(VerdictRecord)
        /// An attestation of a record (a DSSE envelope, `Attestation/`): kept as its bytes, decoded there.
        case attestation
        /// Not a greenlight record (another tool's text, or a damaged record): the warning says which line.
        case foreign(warning: String)
    }

    /// The records in a note, and a warning for every line that is not one.
    /// Lines end at a newline byte (0x0A) only: a CRLF line ending, NUL, invalid UTF-8 or
    /// a Unicode separator stays inside its line and cannot hide the next one. Only a line
    /// that starts with `{` is decoded (as UTF-8 JSON). Unreadable lines are skipped, never
    /// fatal; they stay in the note untouched.
    public func decode(_ note: Data) -> (records: [VerdictRecord], warnings: [String]) {
        decode(bytes: [UInt8](note))
    }

    /// The records in a note given as text (its UTF-8 bytes), as `decode(_:)` for bytes.
    public func decode(_ note: String) -> (records: [VerdictRecord], warnings: [String]) {
        decode(bytes: Array(note.utf8))
    }

    func decode(bytes note: [UInt8]) -> (records: [VerdictRecord], warnings: [String]) {
        var records: [VerdictRecord] = []
        var warnings: [String] = []
        let decoder = Self.makeDecoder()
        for (index, line) in NoteLines.split(note).enumerated() {
            switch decodeLine(line, number: index + 1, decoder: decoder) {
            case .blank, .attestation: continue
            case let .record(record): records.append(record)
            case let .foreign(warning): warnings.append(warning)
            }
        }
        return (records, warnings)
    }

    /// Everything in a note: each record with the SHA-256 of its line (what an attestation names),
    /// each attestation line's bytes, and a warning for every other line.
    func entries(bytes note: [UInt8]) -> NoteEntries {
        var entries = NoteEntries()
        let decoder = Self.makeDecoder()
        for (index, line) in NoteLines.split(note).enumerated() {
            switch decodeLine(line, number: index + 1, decoder: decoder) {
            case .blank: continue
            case let .record(record):
                entries.records.append(.init(record: record, lineSHA256: Self.lineSHA256(NoteLines.trimmed(line))))
            case .attestation: entries.attestations.append(Array(NoteLines.trimmed(line)))
            case let .foreign(warning): entries.warnings.append(warning)
            }
        }
        return entries
    }

    /// The hex SHA-256 of a record's line as written (without its newline): how an attestation names it.
    public static func lineSHA256<Bytes: Sequence<UInt8>>(_ line: Bytes) -> String {
        SHA256.hash(data: Array(line)).map { String(format: "%02x", $0) }.joined()
    }

    /// What marks a line as an attestation rather than a record: a JSON object with a DSSE
    /// `payloadType` (https://github.com/secure-systems-lab/dsse/blob/v1.0.0/envelope.md).
    static let attestationMarker = Array(#""payloadType":"#.utf8)

    /// One line of a note (without its newline); `number` counts from 1, for the warning.
    func decodeLine(_ line: ArraySlice<UInt8>, number: Int, decoder: JSONDecoder = NoteCodec.makeDecoder()) -> Line {
        let trimmed = NoteLines.trimmed(line)
        if trimmed.isEmpty { return .blank }
        if trimmed.first == UInt8(ascii: "{"), NoteLines.line(trimmed, contains: Self.attestationMarker) { return .attestation }
        if trimmed.first == UInt8(ascii: "{"), let record = try? decoder.decode(VerdictRecord.self, from: Data(trimmed)) {
            return .record(record)
        }
        return .foreign(warning: Self.foreignLineWarning(line: number, bytes: trimmed))
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Self.parseDate(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: \(text)")
            }
            return date
        }
        return decoder
    }

    /// One line of JSON, keys sorted so identical records are identical lines.
    /// - Throws: `InternalError` when the record cannot be encoded (a non-finite number; records
    ///   hold strings, finite numbers and dates, so this is a bug). Never a placeholder line.
    public func encode(_ record: VerdictRecord) throws(InternalError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.formatDate(date))
        }
        do {
            return String(decoding: try encoder.encode(record), as: UTF8.self)
        } catch {
            throw InternalError("cannot encode the verdict record for \(record.commit.hex): \(error)")
        }
    }

    /// The warning for a skipped line; the preview is printable whatever the bytes
    /// (control bytes and invalid UTF-8 escaped, at most 60 characters).
    static func foreignLineWarning<Bytes: Collection<UInt8>>(line: Int, bytes: Bytes) -> String {
        "note line \(line) is not a greenlight verdict record, skipped: \(NoteLines.printable(bytes, limit: 60))"
    }

    static func formatDate(_ date: Date) -> String {
        Timestamp.format(date)
    }

    static func parseDate(_ text: String) -> Date? {
        Timestamp.parse(text)
    }
}

/// What a note holds for one commit, line by line (see `NoteCodec`).
public struct NoteEntries: Sendable {
    /// A record and the SHA-256 (hex) of its line: an attestation names the record by it.
    public struct Entry: Sendable, Equatable {
        public let record: VerdictRecord
        public let lineSHA256: String
    }

    public var records: [Entry] = []
    /// Records on this note that name another commit (a line copied from another commit's note):
    /// never counted, listed so a reader sees them.
    public var misplaced: [VerdictRecord] = []
    /// The attestation lines' bytes (DSSE envelopes), undecoded.
    public var attestations: [[UInt8]] = []
    /// One per line that is neither.
    public var warnings: [String] = []
}
