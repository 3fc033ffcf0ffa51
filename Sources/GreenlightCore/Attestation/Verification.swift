import Foundation

/// `greenlight verify`: does this exact commit have a `pass` under the trusted gate definition
/// for every configured tier, vouched for by a trusted key? Reads notes only; never runs a check.
///
/// With trusted keys, a record counts only when `AttestationCheck` finds it `trusted` (signed by
/// one of them, naming this commit and its tree); `require` can demand a signature even with no
/// trusted keys (`signed`) and limit the clean-room tier to keys whose role is `cluster`. The newest-wins rule (`VerdictRule`) applies to those.
/// Every other decisive record under the trusted digest is listed as ignored, with the reason.
/// With no trusted keys at all, records count unsigned, and the text says, last, that nothing
/// cryptographic was verified.
public struct Verification: Sendable {
    public enum Finding: Equatable, Sendable {
        case passed(SignedRecord)
        case missing
        case failed(SignedRecord)
        /// Only `error` verdicts: the gate never decided.
        case undecided(VerdictRecord)
        /// Verdicts exist, but under another tier definition.
        case stale(recordedDigest: String)
        /// Verdicts exist only under the definition in the commit's own `.greenlight.yml`, which
        /// differs from the trusted one: the commit changed its own gate.
        case weakened(recordedDigest: String)
    }

    /// One tier's answer.
    public struct TierFinding: Sendable {
        public let tier: Tier
        public let digest: String
        public let finding: Finding
        /// Decisive records under `digest` that did not count, each with why.
        public let ignored: [(record: VerdictRecord, reason: String)]
    }

    public let commit: ResolvedCommit
    public let findings: [TierFinding]
    public let warnings: [String]
    public let keys: TrustedKeys
    public let requirement: SignatureRequirement?

    /// Applies the rule to the commit's records for every tier `config` (the trusted definition)
    /// configures. `own` is the commit's own definition when the commit builds on the trusted one
    /// (the trusted commit is its ancestor, so a difference is the commit's own change): records
    /// made under it, where it differs, are reported as `weakened`. An older commit's records
    /// under an older definition are `stale`.
    /// - Parameters:
    ///   - entries: the commit's note (`VerdictStore.entries(for:)`).
    ///   - keys: the trusted keys (`.greenlight/trusted-keys` at the trusted ref, plus `--trust` files).
    ///   - require: `signed` counts only signed records even with no trusted keys (so nothing
    ///     verifies then); `cluster` also accepts, for the clean-room tier, only `cluster` keys.
    ///   - podSpec: judges the pod an attestor's Statement says ran (see `AttestationCheck`).
    /// - Throws: `InternalError` when a digest cannot be computed.
    public init(commit: ResolvedCommit, config: GateConfig, own: GateConfig? = nil, entries: NoteEntries,
                keys: TrustedKeys, require: SignatureRequirement? = nil, podSpec: AttestationCheck.PodSpecCheck? = nil,
                rule: VerdictRule = VerdictRule()) throws {
        self.commit = commit
        self.keys = keys
        self.requirement = require
        let judged = AttestationCheck.judge(entries, keys: keys, commit: commit.commit, tree: commit.tree, podSpec: podSpec)
        var warnings = entries.warnings + (keys.isEmpty ? [] : judged.warnings)
        let signed = keys.isEmpty ? entries.records.map { SignedRecord(record: $0.record, signature: .unsigned) } : judged.records
        let all = signed.map(\.record)
        var findings: [TierFinding] = []
        for tier in Tier.allCases where config.definition(of: tier).isConfigured {
            let digest = try config.definition(of: tier).digest()
            let needsCluster = require == .cluster && tier == .cleanRoom
            func rejection(_ entry: SignedRecord) -> String? {
                if keys.isEmpty { return require.map { "no trusted keys, and --require \($0.rawValue) needs a signature" } }
                guard case let .trusted(key) = entry.signature else { return entry.signature.text }
                if needsCluster, key.role != .cluster { return "\(entry.signature.text): --require cluster accepts only cluster keys" }
                return nil
            }
            let tierRecords = signed.filter { $0.record.tier == tier }
            let counting = tierRecords.filter { rejection($0) == nil }
            let decision = rule.decide(counting.map(\.record), commit: commit.commit, tier: tier, digest: digest)
            warnings += decision.warnings
            let misplaced = entries.misplaced
                .filter { $0.tier == tier && $0.digest == digest && $0.verdict.isCacheable }
                .map { (record: $0, reason: "it names commit \($0.commit.short()), not this one") }
            let ignored = (tierRecords
                .filter { $0.record.digest == digest && $0.record.verdict.isCacheable }
                .compactMap { entry in rejection(entry).map { (record: entry.record, reason: $0) } } + misplaced)
                .sorted { $0.record.finishedAt > $1.record.finishedAt }
            let records = all.filter { $0.tier == tier }.sorted { $0.finishedAt > $1.finishedAt }
            let finding: Finding
            if let winner = decision.winner, let entry = counting.first(where: { $0.record == winner }) {
                finding = winner.verdict == .pass ? .passed(entry) : .failed(entry)
            } else if !ignored.isEmpty {
                finding = .missing
            } else if let error = records.first(where: { $0.digest == digest && !$0.verdict.isCacheable }) {
                finding = .undecided(error)
            } else if let ownDigest = try own.map({ try $0.definition(of: tier).digest() }), ownDigest != digest,
                      records.contains(where: { $0.digest == ownDigest }) {
                finding = .weakened(recordedDigest: ownDigest)
            } else if let old = records.first(where: { $0.digest != digest }) {
                finding = .stale(recordedDigest: old.digest)
            } else {
                finding = .missing
            }
            findings.append(TierFinding(tier: tier, digest: digest, finding: finding, ignored: ignored))
        }
        self.findings = findings
        self.warnings = warnings
    }

    public var isVerified: Bool {
        findings.allSatisfy { if case .passed = $0.finding { true } else { false } }
    }

    /// Whether signatures were checked (there were trusted keys).
    public var isCryptographic: Bool { !keys.isEmpty }

    /// The last line when no key was trusted.
    static let nothingCryptographic = "verified nothing cryptographic: no trusted keys (no \(TrustedKeys.path) at the trusted ref, no --trust), "
        + "so anyone who can write the notes can write a pass"

    private func signer(_ entry: SignedRecord) -> String {
        isCryptographic ? ", \(entry.signature.text)" : ""
    }

    public func text() -> String {
        var out = ["greenlight verify \(commit.commit.hex): \(isVerified ? "verified" : "NOT verified")"]
        for entry in findings {
            let line: String
            switch entry.finding {
            case let .passed(signed): line = "pass (\(signed.record.backend), \(NoteCodec.formatDate(signed.record.finishedAt))\(signer(signed)))"
            case .missing where !entry.ignored.isEmpty && (isCryptographic || requirement != nil):
                line = "missing: no verdict vouched for by a trusted key\(requirement == .cluster && entry.tier == .cleanRoom ? " with role cluster" : "")"
            case .missing: line = "missing: no verdict recorded for this commit (run `greenlight check \(commit.commit.short())` and push the notes)"
            case let .failed(signed): line = "failed: \(signed.record.summary)" + (isCryptographic ? " (\(signed.signature.text))" : "")
            case let .undecided(record): line = "no decision: only error verdicts (\(record.summary))"
            case let .stale(recorded): line = "stale: verdicts were recorded under another gate definition (digest \(recorded.prefix(12)), now \(entry.digest.prefix(12)))"
            case let .weakened(recorded): line = "gate weakened: verdicts are for digest \(recorded.prefix(12)) (this commit's own \(GateConfig.fileName)), the trusted gate is \(entry.digest.prefix(12))"
            }
            out.append("  \(entry.tier.rawValue): \(line)")
            for ignored in entry.ignored {
                out.append("    ignored: \(ignored.record.verdict.rawValue) (\(ignored.record.backend), \(NoteCodec.formatDate(ignored.record.finishedAt))): \(ignored.reason)")
            }
        }
        out += warnings.map { "warning: \($0)" }
        if !isCryptographic { out.append(Self.nothingCryptographic) }
        return out.joined(separator: "\n") + "\n"
    }

    public func json() throws(InternalError) -> String {
        struct Ignored: Encodable {
            let verdict: String
            let backend: String
            let finishedAt: String
            let reason: String
            enum CodingKeys: String, CodingKey {
                case verdict, backend, reason
                case finishedAt = "finished_at"
            }
        }
        struct Row: Encodable {
            let tier: String
            let status: String
            let digest: String
            let detail: String?
            let signer: String?
            let ignored: [Ignored]
        }
        struct Document: Encodable {
            let commit: String
            let verified: Bool
            let cryptographic: Bool
            let trustedKeys: [String]
            let tiers: [Row]
            let warnings: [String]
            enum CodingKeys: String, CodingKey {
                case commit, verified, cryptographic, tiers, warnings
                case trustedKeys = "trusted_keys"
            }
        }
        let rows = findings.map { entry -> Row in
            let tier = entry.tier.rawValue
            let ignored = entry.ignored.map {
                Ignored(verdict: $0.record.verdict.rawValue, backend: $0.record.backend, finishedAt: NoteCodec.formatDate($0.record.finishedAt), reason: $0.reason)
            }
            let signature = { (signed: SignedRecord) in self.isCryptographic ? signed.signature.text : nil }
            switch entry.finding {
            case let .passed(signed): return Row(tier: tier, status: "pass", digest: entry.digest, detail: signed.record.backend, signer: signature(signed), ignored: ignored)
            case .missing: return Row(tier: tier, status: "missing", digest: entry.digest, detail: nil, signer: nil, ignored: ignored)
            case let .failed(signed): return Row(tier: tier, status: "fail", digest: entry.digest, detail: signed.record.summary, signer: signature(signed), ignored: ignored)
            case let .undecided(record): return Row(tier: tier, status: "error", digest: entry.digest, detail: record.summary, signer: nil, ignored: ignored)
            case let .stale(recorded): return Row(tier: tier, status: "stale", digest: entry.digest, detail: "recorded under \(recorded)", signer: nil, ignored: ignored)
            case let .weakened(recorded): return Row(tier: tier, status: "weakened", digest: entry.digest,
                                                     detail: "recorded under \(recorded), this commit's own definition", signer: nil, ignored: ignored)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(commit: commit.commit.hex, verified: isVerified, cryptographic: isCryptographic, trustedKeys: keys.sources,
                                tiers: rows, warnings: warnings + (isCryptographic ? [] : [Self.nothingCryptographic]))
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self)
        } catch {
            throw InternalError("cannot encode the JSON document: \(error)")
        }
    }
}
