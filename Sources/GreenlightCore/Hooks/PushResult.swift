import Foundation

/// What gating a push found: each gated commit's `GateResult`, and the verdict the push gets.
public struct PushResult: Sendable {
    public var plan: PushPlan
    public var results: [(commit: PushPlan.GatedCommit, result: GateResult)]
    public var warnings: [String]
    /// Seconds spent running tiers (0 when everything came from the notes).
    public var waited: TimeInterval

    /// Pass only when every gated commit passed (no gated commit: pass).
    public var verdict: Verdict {
        results.map(\.result.verdict).max() ?? .pass
    }

    /// Whether any tier ran (rather than being served from the notes).
    public var ranAnything: Bool {
        results.contains { $0.result.tiers.contains { if case .ran = $0.state { true } else { false } } }
    }
}
