import Foundation

/// `greenlight check --detach`, `push --wait/--detach`, the bounded pre-push hook and the
/// post-commit rehearsal: the gate of a commit, run by a process of its own (`gate-run`) that
/// outlives the caller, or the verdict when the notes already decide.
public struct DetachedGate: Sendable {
    public let gate: Gate
    /// The greenlight binary that runs the gate (this one).
    public let executable: String
    public let store: GateRunStore

    public init(gate: Gate, executable: String) {
        self.gate = gate
        self.executable = executable
        store = GateRunStore(repository: gate.context.tiers.repository)
    }

    public enum Outcome: Sendable {
        /// The notes decide: every tier has a counting verdict (or an earlier fail decides).
        case decided(GateResult)
        /// A run of this commit and gate is going on (just started, or found running); its output
        /// file's size before it started (where to follow it from), when this call started it.
        case running(GateRunStatus, started: Bool, outputOffset: UInt64?)
    }

    /// Variables with which git points a hook at a repository (git(1), "ENVIRONMENT VARIABLES").
    static let repositoryVariables: Set<String> = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_QUARANTINE_PATH",
    ]

    /// How long to wait for a new run's process to take its lock and say so.
    static let startTimeout: TimeInterval = 10

    /// - Parameters:
    ///   - definition: which `.greenlight.yml` the run uses (`trusted` for pushes).
    ///   - remote: the remote being pushed to, whose notes the run merges in before a clean room.
    ///   - rehearsal: started by the post-commit hook: a newer rehearsal in this worktree cancels it.
    /// - Throws: `GitError`, `InternalError`; `FileError` when the run did not start (its output file is named).
    public func start(_ commit: ResolvedCommit, definition: DefinitionSource = .trusted, remote: String? = nil,
                      rehearsal: Bool = false) async throws -> Outcome {
        if let decided = try await gate.cachedResult(commit) { return .decided(decided) }
        let key = try GateRunKey(commit: commit.commit, config: gate.config)
        if store.isRunning(key) { return .running(store.status(key) ?? GateRunWaiter(gate: gate).placeholder(key), started: false, outputOffset: nil) }
        let tiers = gate.context.tiers
        let worktree = tiers.repository.workingDirectory ?? tiers.repository.gitDirectory
        let id = GateRunStatus.newID()
        var arguments = ["gate-run", commit.commit.hex, "--run-id", id, "--config", definition.rawValue]
        // `--remote=<name>`: a remote named like an option (`-h`) stays a value.
        if let remote { arguments.append("--remote=\(remote)") }
        if rehearsal { arguments.append("--rehearsal") }
        let output = store.outputFile(key)
        let offset = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? UInt64) ?? 0
        // The run finds its repository from its directory: none of the variables git sets for a hook
        // (a relative GIT_INDEX_FILE, GIT_DIR) follows it.
        let environment = tiers.environment.filter { !Self.repositoryVariables.contains($0.key) }
        _ = try SessionLauncher.start(ProcessSpec(executable: executable, arguments: arguments, directory: worktree,
                                                  environment: environment), output: output)
        let deadline = Date().addingTimeInterval(Self.startTimeout)
        var lockSeen: Date?
        while Date() < deadline {
            let status = store.status(key)
            if let status, status.id == id {
                // Even when it already ended: a waiter then passes on what it printed (its warnings
                // too) and takes its result where the notes agree (`GateRunWaiter.wait`).
                return .running(status, started: true, outputOffset: offset)
            }
            if store.isRunning(key) {
                // Another request's run took the lock first (ours then exits): attach to it.
                lockSeen = lockSeen ?? Date()
                if let seen = lockSeen, Date().timeIntervalSince(seen) > 1 {
                    return .running(status ?? GateRunWaiter(gate: gate).placeholder(key), started: false, outputOffset: nil)
                }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw FileError(path: output.path, reason: "the detached gate run did not start within \(Int(Self.startTimeout))s; its output is here")
    }
}
