/// What `greenlight check` found for one commit: each tier's `TierResult`, and the verdict.
public struct GateResult: Sendable, Codable {
    public var commit: ResolvedCommit
    public var tiers: [TierResult]
    /// Problems that did not stop the gate (unreadable note lines, leftovers not removed).
    public var warnings: [String]

    /// The worst verdict of the tiers that gave one.
    public var verdict: Verdict {
        tiers.compactMap(\.verdict).max() ?? .error
    }

    /// True when every tier that gave a verdict came from the notes.
    public var isCached: Bool {
        let contributing = tiers.filter { $0.verdict != nil }
        return !contributing.isEmpty && contributing.allSatisfy(\.isCached)
    }
}
