import Foundation

/// `greenlight verify`: does this exact commit have a `pass` under the trusted gate
/// definition for every configured tier? Reads notes only; never runs a check.
public struct Verification: Sendable {
    public enum Finding: Equatable, Sendable {
        case passed(VerdictRecord)
        case missing
        case failed(VerdictRecord)
        /// Only `error` verdicts: the gate never decided.
        case undecided(VerdictRecord)
        /// Verdicts exist, but under another tier definition.
        case stale(recordedDigest: String)
        /// Verdicts exist only under the definition in the commit's own `.greenlight.yml`, which
        /// differs from the trusted one: the commit changed its own gate.
        case weakened(recordedDigest: String)
    }

    public let commit: ResolvedCommit
    public let findings: [(tier: Tier, digest: String, finding: Finding)]
    public let warnings: [String]

    /// Applies `VerdictRule` to the commit's records for every tier `config` (the trusted
    /// definition) configures. `own` is the commit's own definition when the commit builds on
    /// the trusted one (the trusted commit is its ancestor, so a difference is the commit's own
    /// change): records made under it, where it differs, are reported as `weakened`. An older
    /// commit's records under an older definition are `stale`.
    /// - Throws: `GitError` when the notes cannot be read; `InternalError` when a digest cannot be computed.
    public init(commit: ResolvedCommit, config: GateConfig, own: GateConfig? = nil, store: VerdictStore,
                rule: VerdictRule = VerdictRule()) throws {
        self.commit = commit
        let found = try store.records(for: commit.commit)
        var warnings = found.warnings
        var findings: [(tier: Tier, digest: String, finding: Finding)] = []
        for tier in Tier.allCases where config.definition(of: tier).isConfigured {
            let digest = try config.definition(of: tier).digest()
            let decision = rule.decide(found.records, commit: commit.commit, tier: tier, digest: digest)
            warnings += decision.warnings
            let records = found.records.filter { $0.tier == tier }.sorted { $0.finishedAt > $1.finishedAt }
            let finding: Finding
            if let winner = decision.winner {
                finding = winner.verdict == .pass ? .passed(winner) : .failed(winner)
            } else if let error = records.first(where: { $0.digest == digest }) {
                finding = .undecided(error)
            } else if let ownDigest = try own.map({ try $0.definition(of: tier).digest() }), ownDigest != digest,
                      records.contains(where: { $0.digest == ownDigest }) {
                finding = .weakened(recordedDigest: ownDigest)
            } else if let old = records.first {
                finding = .stale(recordedDigest: old.digest)
            } else {
                finding = .missing
            }
            findings.append((tier, digest, finding))
        }
        self.findings = findings
        self.warnings = warnings
    }

    public var isVerified: Bool {
        findings.allSatisfy { if case .passed = $0.finding { true } else { false } }
    }

    public func text() -> String {
        var out = ["greenlight verify \(commit.commit.hex): \(isVerified ? "verified" : "NOT verified")"]
        for entry in findings {
            let line: String
            switch entry.finding {
            case let .passed(record): line = "pass (\(record.backend), \(NoteCodec.formatDate(record.finishedAt)))"
            case .missing: line = "missing: no verdict recorded for this commit (run `greenlight check \(commit.commit.short())` and push the notes)"
            case let .failed(record): line = "failed: \(record.summary)"
            case let .undecided(record): line = "no decision: only error verdicts (\(record.summary))"
            case let .stale(recorded): line = "stale: verdicts were recorded under another gate definition (digest \(recorded.prefix(12)), now \(entry.digest.prefix(12)))"
            case let .weakened(recorded): line = "gate weakened: verdicts are for digest \(recorded.prefix(12)) (this commit's own \(GateConfig.fileName)), the trusted gate is \(entry.digest.prefix(12))"
            }
            out.append("  \(entry.tier.rawValue): \(line)")
        }
        out += warnings.map { "warning: \($0)" }
        return out.joined(separator: "\n") + "\n"
    }

    public func json() throws(InternalError) -> String {
        struct Row: Encodable {
            let tier: String
            let status: String
            let digest: String
            let detail: String?
        }
        struct Document: Encodable {
            let commit: String
            let verified: Bool
            let tiers: [Row]
            let warnings: [String]
        }
        let rows = findings.map { entry -> Row in
            switch entry.finding {
            case let .passed(record): Row(tier: entry.tier.rawValue, status: "pass", digest: entry.digest, detail: record.backend)
            case .missing: Row(tier: entry.tier.rawValue, status: "missing", digest: entry.digest, detail: nil)
            case let .failed(record): Row(tier: entry.tier.rawValue, status: "fail", digest: entry.digest, detail: record.summary)
            case let .undecided(record): Row(tier: entry.tier.rawValue, status: "error", digest: entry.digest, detail: record.summary)
            case let .stale(recorded): Row(tier: entry.tier.rawValue, status: "stale", digest: entry.digest, detail: "recorded under \(recorded)")
            case let .weakened(recorded): Row(tier: entry.tier.rawValue, status: "weakened", digest: entry.digest,
                                               detail: "recorded under \(recorded), this commit's own definition")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(commit: commit.commit.hex, verified: isVerified, tiers: rows, warnings: warnings)
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self)
        } catch {
            throw InternalError("cannot encode the JSON document: \(error)")
        }
    }
}
