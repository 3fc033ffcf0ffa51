import Foundation

/// Somewhere a tier runs: the fast tier in the workspace (or a temporary checkout), the
/// clean room in a fresh checkout on this machine or in a Kubernetes Job. Runners know
/// nothing about the gate, hooks or the command line.
public protocol TierRunner: Sendable {
    /// Runs the tier for `commit` and returns what happened; a verdict of `error` means the
    /// runner could not decide. `digest` is `definition.digest()`, computed once by the gate.
    /// `keep` leaves temporary checkouts in place for debugging.
    func run(_ commit: ResolvedCommit, definition: TierDefinition, digest: String, keep: Bool) async -> TierRunResult
}
