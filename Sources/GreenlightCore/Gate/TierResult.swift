/// One tier's part in a check: run now, served from the notes, skipped, or not configured.
public struct TierResult: Sendable, Codable {
    public enum State: Sendable, Codable {
        /// Ran in this check.
        case ran(TierRunResult)
        /// A `pass` or `fail` recorded earlier for this commit and digest.
        case cached(VerdictRecord)
        /// Not run because an earlier tier did not pass.
        case skipped(reason: String)
        /// The configuration has no steps for this tier.
        case notConfigured
    }

    public var tier: Tier
    public var digest: String
    public var state: State

    /// `nil` when the tier did not contribute a verdict (skipped, not configured).
    public var verdict: Verdict? {
        switch state {
        case let .ran(ran): ran.verdict
        case let .cached(record): record.verdict
        case .skipped, .notConfigured: nil
        }
    }

    public var isCached: Bool {
        if case .cached = state { return true }
        return false
    }

    /// The record as written (ran) or read (cached).
    public var record: VerdictRecord? {
        switch state {
        case let .cached(record): record
        default: nil
        }
    }
}
