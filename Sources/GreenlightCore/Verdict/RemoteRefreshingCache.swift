import Foundation
import NIOConcurrencyHelpers

/// A cache that, on a miss for an expensive tier, merges the remote's notes in once
/// (another workspace may have run that clean room already) and looks again. Used while
/// pushing; the remote is fetched at most once however many commits miss.
public struct RemoteRefreshingCache: VerdictCache {
    public let base: VerdictCache
    public let sync: NotesSync
    /// Tiers worth a network round trip on a miss.
    public let refreshedTiers: Set<Tier>
    private let fetched = NIOLockedValueBox(false)

    public init(base: VerdictCache, sync: NotesSync, refreshedTiers: Set<Tier> = [.cleanRoom]) {
        self.base = base
        self.sync = sync
        self.refreshedTiers = refreshedTiers
    }

    public func lookup(commit: ObjectID, tier: Tier, digest: String) async throws -> VerdictLookup {
        let found = try await base.lookup(commit: commit, tier: tier, digest: digest)
        guard found.record == nil, refreshedTiers.contains(tier) else { return found }
        let first = fetched.withLockedValue { done in
            defer { done = true }
            return !done
        }
        guard first else { return found }
        let refreshWarnings = try await sync.fetchAndMerge()
        var again = try await base.lookup(commit: commit, tier: tier, digest: digest)
        again.warnings = refreshWarnings + again.warnings
        return again
    }

    public func countingRecords(for commit: ObjectID) throws -> [VerdictRecord] {
        try base.countingRecords(for: commit)
    }

    public func record(_ record: VerdictRecord, attestations: [String]) throws -> VerdictReceipt {
        try base.record(record, attestations: attestations)
    }

    public func confirm(_ receipts: [VerdictReceipt]) async throws {
        try await base.confirm(receipts)
    }

    public func confirmPending() throws {
        try base.confirmPending()
    }
}
