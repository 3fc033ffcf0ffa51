/// What one gate check is asked to do.
public struct CheckOptions: Sendable {
    /// The commit, already resolved (and its tree read) by the caller.
    public var commit: ResolvedCommit
    public var tiers: TierSelection
    /// Reuse `pass`/`fail` verdicts from the notes (on by default).
    public var useCache: Bool
    /// Keep temporary checkouts for debugging.
    public var keep: Bool

    public init(commit: ResolvedCommit, tiers: TierSelection = .all, useCache: Bool = true, keep: Bool = false) {
        self.commit = commit
        self.tiers = tiers
        self.useCache = useCache
        self.keep = keep
    }
}
