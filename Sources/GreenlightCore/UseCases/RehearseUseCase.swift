import Foundation

/// `greenlight rehearse` (what the post-commit hook runs): starts the gate of a new commit in the
/// background, and cancels this worktree's older rehearsal when it is still running (latest wins).
public struct RehearseUseCase: Sendable {
    public let gate: Gate
    public let executable: String

    public init(gate: Gate, executable: String) {
        self.gate = gate
        self.executable = executable
    }

    /// - Returns: what `DetachedGate.start` found or started, and the run it cancelled, if any.
    /// - Throws: `GitError`, `InternalError`, `FileError` (the run did not start).
    public func run(_ commit: ResolvedCommit) async throws -> (outcome: DetachedGate.Outcome, cancelled: GateRunStatus?) {
        let repository = gate.context.tiers.repository
        let store = GateRunStore(repository: repository)
        let key = try GateRunKey(commit: commit.commit, config: gate.config)
        let worktree = (repository.workingDirectory ?? repository.gitDirectory).path
        var cancelled: GateRunStatus?
        if let previous = store.replaceRehearsal(worktree: worktree, with: key), previous != key,
           store.isRunning(previous), let status = store.status(previous), status.state == .running, status.rehearsal {
            // The pid comes from a file: signal it only when it is that commit's gate run.
            let command = (try? String(contentsOfFile: "/proc/\(status.pid)/cmdline", encoding: .utf8)) ?? ""
            if command.contains("gate-run\u{0}\(previous.commit.hex)") {
                store.markSuperseded(previous, by: commit.commit)
                // The run's session leader stops its steps, records nothing for the tier it was in, and says `cancelled`.
                if kill(status.pid, SIGTERM) == 0 { cancelled = status }
            }
        }
        let outcome = try await DetachedGate(gate: gate, executable: executable).start(commit, rehearsal: true)
        return (outcome, cancelled)
    }
}
