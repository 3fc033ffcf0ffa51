import Foundation

/// Where the gate looks up and records verdicts. `SignedVerdictCache` (`Attestation/`) reads and
/// writes the local notes; `RemoteRefreshingCache` decorates a cache with the remote's notes.
public protocol VerdictCache: Sendable {
    /// The record that counts (see `VerdictRule`) for this commit, tier and digest, with
    /// warnings about lines that could not be read.
    /// - Throws: `GitError` when the notes cannot be read.
    func lookup(commit: ObjectID, tier: Tier, digest: String) async throws -> VerdictLookup

    /// Every record on `commit` this cache lets count (`lookup` decides among them), for the fast
    /// path's files. - Throws: `GitError` when the notes cannot be read.
    func countingRecords(for commit: ObjectID) throws -> [VerdictRecord]

    /// Records a new verdict, with attestation lines made elsewhere (the attestor's envelope)
    /// written in the same notes commit. - Throws: `GitError`; nothing is half-written.
    func record(_ record: VerdictRecord, attestations: [String]) throws -> VerdictReceipt

    /// Checks now that every record written is still there and leaves the check after the settle
    /// time to the next command (see `VerdictStore.handOver`). - Throws: `GitError` when one went
    /// missing for good.
    func confirm(_ receipts: [VerdictReceipt]) async throws

    /// Confirms what earlier commands left to confirm (see `VerdictStore.confirmPending`).
    /// - Throws: `GitError` when the notes cannot be read or written.
    func confirmPending() throws
}

/// What a lookup found.
public struct VerdictLookup: Sendable {
    /// The counting record, `nil` for a miss.
    public var record: VerdictRecord?
    public var warnings: [String]

    public init(record: VerdictRecord?, warnings: [String]) {
        self.record = record
        self.warnings = warnings
    }
}
