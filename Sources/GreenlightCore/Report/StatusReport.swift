import Foundation

/// What `greenlight status` shows: every verdict recorded for a commit, newest first,
/// marked `current` when recorded under the tier definition now in `.greenlight.yml`.
public struct StatusReport: Sendable {
    public struct Entry: Encodable, Sendable {
        public let record: VerdictRecord
        /// `nil` when the configuration could not be read.
        public let current: Bool?
    }

    public let commit: ResolvedCommit
    public let entries: [Entry]
    public let warnings: [String]

    public init(commit: ResolvedCommit, records: [VerdictRecord], warnings: [String], config: GateConfig?) {
        self.commit = commit
        self.warnings = warnings
        entries = records.sorted { $0.finishedAt > $1.finishedAt }.map { record in
            Entry(record: record, current: config.map { $0.definition(of: record.tier).digest == record.digest })
        }
    }

    public func text() -> String {
        var out = ["commit \(commit.commit.hex) (tree \(commit.tree.short()))"]
        if entries.isEmpty {
            out.append("  no verdicts recorded; run `greenlight check \(commit.commit.short())`")
        }
        for entry in entries {
            let record = entry.record
            let freshness: String
            switch entry.current {
            case true?: freshness = "current"
            case false?: freshness = "stale: gate definition changed"
            case nil: freshness = "digest \(record.digest.prefix(8))"
            }
            let reuse = record.verdict.isCacheable ? "" : ", not cached"
            out.append("  \(record.verdict.rawValue.uppercased().padding(toLength: 5, withPad: " ", startingAt: 0)) \(record.tier.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(NoteCodec.formatDate(record.finishedAt))  \(String(format: "%.1fs", record.durationSeconds))  \(record.backend)  [\(freshness)\(reuse)]")
            if !record.summary.isEmpty { out.append("        \(record.summary)") }
            if let tests = record.failingTests, !tests.isEmpty { out.append("        failing tests: \(tests.joined(separator: ", "))") }
        }
        out += warnings.map { "warning: \($0)" }
        return out.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        struct Document: Encodable {
            let commit: String
            let tree: String
            let records: [Row]
            let warnings: [String]
        }
        struct Row: Encodable {
            let record: VerdictRecord
            let current: Bool?
            func encode(to encoder: Encoder) throws {
                try record.encode(to: encoder)
                enum Keys: String, CodingKey { case current }
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(current, forKey: .current)
            }
        }
        let document = Document(commit: commit.commit.hex, tree: commit.tree.hex,
                                records: entries.map { Row(record: $0.record, current: $0.current) }, warnings: warnings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(NoteCodec.formatDate(date))
        }
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self)
    }
}
