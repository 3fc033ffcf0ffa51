import Foundation

/// Somewhere the clean-room tier can run: a fresh checkout of exactly one commit,
/// isolated from the workspace. Backends know nothing about hooks or the CLI.
protocol CleanRoomBackend: Sendable {
    /// Runs the tier for `commit` and returns its outcome; an outcome of `error`
    /// means the backend could not decide. `digest` is `definition.digest()`, computed once by the gate.
    func run(_ commit: ResolvedCommit, definition: TierDefinition, digest: String, keep: Bool) async -> TierOutcome
}
