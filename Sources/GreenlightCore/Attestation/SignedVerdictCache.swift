import Foundation

/// The gate's verdict cache: the notes (`VerdictStore`), where every new decisive record is
/// written with its signed attestation in the same notes commit, and where a record counts only
/// when a trusted key vouches for it (`AttestationCheck`).
///
/// Why the same note and not a second notes ref: a record and its envelope are written
/// atomically, travel together through every fetch, merge (line union) and push that already
/// covers `refs/notes/greenlight`, and cannot be separated by a sync that moved one ref only.
///
/// The trusted keys are the trusted ref's `.greenlight/trusted-keys` plus this user's own key.
/// With no key at all (none could be made, and the repository lists none) records count
/// unsigned, as before greenlight signed them.
public struct SignedVerdictCache: VerdictCache {
    public let store: VerdictStore
    /// Who signs new records; `nil` records them unsigned.
    public let signer: VerdictSigner?
    public let keys: TrustedKeys
    /// Judges the pod an attestor's Statement says ran (see `AttestationCheck`).
    public let podSpec: AttestationCheck.PodSpecCheck?
    public let rule: VerdictRule

    public init(store: VerdictStore, signer: VerdictSigner?, keys: TrustedKeys, podSpec: AttestationCheck.PodSpecCheck? = nil,
                rule: VerdictRule = VerdictRule()) {
        self.store = store
        self.signer = signer
        self.keys = keys
        self.podSpec = podSpec
        self.rule = rule
    }

    /// Every record on `commit`, judged; the ones that may count; warnings about unreadable lines.
    func judged(_ commit: ObjectID) throws -> (all: [SignedRecord], counting: [VerdictRecord], warnings: [String]) {
        let entries = try store.entries(for: commit)
        guard !keys.isEmpty else {
            return (entries.records.map { SignedRecord(record: $0.record, signature: .unsigned) }, entries.records.map(\.record), entries.warnings)
        }
        let tree = try? store.repository.resolve(commit.hex).tree
        let judged = AttestationCheck.judge(entries, keys: keys, commit: commit, tree: tree, podSpec: podSpec)
        return (judged.records, judged.records.filter { $0.signature.isTrusted }.map(\.record), entries.warnings + judged.warnings)
    }

    public func lookup(commit: ObjectID, tier: Tier, digest: String) async throws -> VerdictLookup {
        let found = try judged(commit)
        let decision = rule.decide(found.counting, commit: commit, tier: tier, digest: digest)
        var warnings = found.warnings + decision.warnings
        if decision.winner == nil {
            let ignored = found.all.filter {
                !$0.signature.isTrusted && $0.record.tier == tier && $0.record.digest == digest && $0.record.verdict.isCacheable
            }
            if let newest = ignored.max(by: { $0.record.finishedAt < $1.record.finishedAt }) {
                warnings.append("\(ignored.count) recorded verdict(s) for \(commit.short()) (\(tier.rawValue)) are not vouched for by a trusted key "
                    + "(newest: \(newest.record.verdict.rawValue), \(newest.signature.text)); the tier runs again")
            }
        }
        return VerdictLookup(record: decision.winner, warnings: warnings)
    }

    public func countingRecords(for commit: ObjectID) throws -> [VerdictRecord] {
        try judged(commit).counting
    }

    public func record(_ record: VerdictRecord, attestations: [String]) throws -> VerdictReceipt {
        try store.append(record) { line in try (signer?.attestationLines(for: record, recordLine: line) ?? []) + attestations }
    }

    public func confirm(_ receipts: [VerdictReceipt]) async throws {
        _ = try await store.handOver(receipts)
    }

    public func confirmPending() throws {
        _ = try store.confirmPending()
    }

    /// The trusted keys for the gate and `status`: the repository's (`TrustedKeys.read`), plus this
    /// user's own key as `local` when there is one.
    public static func keys(repository: TrustedKeys, own: VerdictSigner?) -> TrustedKeys {
        guard let own else { return repository }
        return repository.adding(TrustedKey(role: .local, key: own.publicKey, comment: "(this user's key)"), source: "this user's signing key")
    }
}
