/// What `greenlight check` was asked to do.
public struct CheckOptions: Sendable {
    public var revision: String
    public var tiers: TierSelection
    /// Reuse `pass`/`fail` verdicts from the notes (on by default).
    public var useCache: Bool
    /// Keep temporary checkouts for debugging.
    public var keep: Bool

    public init(revision: String = "HEAD", tiers: TierSelection = .all, useCache: Bool = true, keep: Bool = false) {
        self.revision = revision
        self.tiers = tiers
        self.useCache = useCache
        self.keep = keep
    }
}
