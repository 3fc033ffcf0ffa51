import Foundation

/// What `greenlight status` shows: every verdict recorded for a commit, newest first,
/// marked `current` when recorded under the tier definition now in `.greenlight.yml`, and
/// `superseded` when `VerdictRule` picks another record of the same tier and digest; with
/// trusted keys, who signed each one (only records a trusted key vouches for count).
public struct StatusReport: Sendable {
    public struct Entry: Sendable {
        public let record: VerdictRecord
        /// `nil` when the configuration could not be read.
        public let current: Bool?
        /// Whether this is the record that counts for its commit, tier and digest (`VerdictRule`).
        public let counts: Bool
        /// Who vouches for it (with no trusted keys at all: `unsigned` or `untrustedKey`, and it counts anyway).
        public let signature: SignatureStatus
    }

    public let commit: ResolvedCommit
    public let entries: [Entry]
    public let warnings: [String]
    /// Whether any key was trusted (else every record counts, signed or not, as `verify` without keys).
    public let isTrusting: Bool
    /// Detached gate runs going on in this repository (any commit), newest first.
    public var running: [GateRunStatus] = []
    /// The time `running` is measured against.
    public var now = Date()

    /// - Parameter trusting: whether keys were trusted (then only `trusted` records may count).
    /// - Throws: `InternalError` when a tier's digest cannot be computed.
    public init(commit: ResolvedCommit, records signed: [SignedRecord], trusting: Bool, warnings: [String], config: GateConfig?,
                rule: VerdictRule = VerdictRule()) throws {
        self.commit = commit
        isTrusting = trusting
        let records = signed.map(\.record)
        let counting = trusting ? signed.filter { $0.signature.isTrusted }.map(\.record) : records
        var warnings = warnings
        var digests: [Tier: String] = [:]
        if let config {
            for tier in Tier.allCases { digests[tier] = try config.definition(of: tier).digest() }
        }
        // The winner of every (tier, digest) present, by the one rule.
        var winners: [String: VerdictRecord] = [:]
        for key in Set(records.map { "\($0.tier.rawValue) \($0.digest)" }) {
            guard let sample = records.first(where: { "\($0.tier.rawValue) \($0.digest)" == key }) else { continue }
            let decision = rule.decide(counting, commit: commit.commit, tier: sample.tier, digest: sample.digest)
            warnings += decision.warnings
            if let winner = decision.winner { winners[key] = winner }
        }
        self.warnings = warnings
        entries = signed.sorted { $0.record.finishedAt > $1.record.finishedAt }.map { entry in
            let record = entry.record
            return Entry(record: record, current: config.map { _ in digests[record.tier] == record.digest },
                         counts: winners["\(record.tier.rawValue) \(record.digest)"] == record, signature: entry.signature)
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
            let reuse: String
            if !record.verdict.isCacheable { reuse = ", not cached" }
            else if entry.counts { reuse = "" }
            else if isTrusting, !entry.signature.isTrusted { reuse = ", does not count: no trusted key vouches for it" }
            else { reuse = ", superseded by a newer verdict" }
            out.append("  \(record.verdict.rawValue.uppercased().padding(toLength: 5, withPad: " ", startingAt: 0)) \(record.tier.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(NoteCodec.formatDate(record.finishedAt))  \(String(format: "%.1fs", record.durationSeconds))  \(record.backend)  [\(freshness)\(reuse)]")
            if record.verdict.isCacheable { out.append("        \(entry.signature.text)") }
            if !record.summary.isEmpty { out.append("        \(record.summary)") }
            if let tests = record.failingTests, !tests.isEmpty { out.append("        failing tests: \(tests.joined(separator: ", "))") }
            if let caches = record.caches, !caches.isEmpty { out.append("        caches mounted: \(caches.joined(separator: ", ")) (shared state the run could read and write)") }
            out += (record.warnings ?? []).map { "        warning: \($0)" }
        }
        for run in running {
            let elapsed = Int(now.timeIntervalSince(run.startedAt).rounded())
            let time = elapsed >= 60 ? "\(elapsed / 60)m\(elapsed % 60)s" : "\(elapsed)s"
            out.append("running: gate run \(run.id) of \(run.commit.prefix(12))\(run.rehearsal ? " (rehearsal)" : ""), for \(time)"
                + (run.current.map { ": \($0)" } ?? ""))
        }
        out += warnings.map { "warning: \($0)" }
        return out.joined(separator: "\n") + "\n"
    }

    public func json() throws(InternalError) -> String {
        struct Document: Encodable {
            let commit: String
            let tree: String
            let records: [Row]
            let running: [Running]
            let warnings: [String]
        }
        /// A gate running in the background (`GateRunStatus`), as the text's `running:` lines.
        struct Running: Encodable {
            let id: String
            let commit: String
            let rehearsal: Bool
            let startedAt: Date
            let current: String?
            enum CodingKeys: String, CodingKey {
                case id, commit, rehearsal, current
                case startedAt = "started_at"
            }
        }
        struct Row: Encodable {
            let record: VerdictRecord
            let current: Bool?
            let counts: Bool
            let signature: SignatureStatus
            func encode(to encoder: Encoder) throws {
                try record.encode(to: encoder)
                enum Keys: String, CodingKey { case current, counts, signature, signer }
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(current, forKey: .current)
                try container.encode(counts, forKey: .counts)
                try container.encode(signature.text, forKey: .signature)
                if case let .trusted(key) = signature {
                    try container.encode(["role": key.role.rawValue, "keyid": key.key.keyID, "comment": key.comment], forKey: .signer)
                }
            }
        }
        let document = Document(commit: commit.commit.hex, tree: commit.tree.hex,
                                records: entries.map { Row(record: $0.record, current: $0.current, counts: $0.counts, signature: $0.signature) },
                                running: running.map { Running(id: $0.id, commit: $0.commit, rehearsal: $0.rehearsal, startedAt: $0.startedAt, current: $0.current) },
                                warnings: warnings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(NoteCodec.formatDate(date))
        }
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self)
        } catch {
            throw InternalError("cannot encode the JSON document: \(error)")
        }
    }
}
