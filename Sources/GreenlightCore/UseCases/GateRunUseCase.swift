import Foundation

/// The detached gate run itself (`greenlight gate-run`, started by `DetachedGate`): takes the run
/// lock of the commit and gate, runs the gate with its progress in the status file, and writes the
/// verdict, the exit status and the report there. Exactly one process runs a key at a time.
public struct GateRunUseCase: Sendable {
    public let gate: Gate
    public let store: GateRunStore

    public init(gate: Gate) {
        self.gate = gate
        store = GateRunStore(repository: gate.context.tiers.repository)
    }

    /// The run `greenlight gate-run` is: loads the gate definition once (it decides the run key),
    /// reports progress into the run's status file, keeps a rehearsal's fast tier out of the
    /// workspace, and runs (see `run(_:status:key:remote:)`), the report as `check` prints it.
    /// - Throws: what loading the definition and `run` throw.
    public static func start(tiers: TierContext, revision: String, runID: String, choice: DefinitionSource,
                             remote: String?, rehearsal: Bool) async throws -> Outcome {
        let repository = tiers.repository
        let commit = try repository.resolve(revision)
        let definition = try GateDefinition.load(repository: repository, choice: choice, remote: remote)
        let key = try GateRunKey(commit: commit.commit, config: definition.config)
        let status = GateRunStatus(id: runID, key: key, pid: getpid(), worktree: (repository.workingDirectory ?? repository.gitDirectory).path,
                                   startedAt: Date(), rehearsal: rehearsal)
        var runTiers = tiers
        runTiers.progress = StatusFileProgress(base: tiers.progress, store: GateRunStore(repository: repository), key: key, status: status)
        // A rehearsal runs while the coder keeps working: its fast tier stays out of the workspace.
        if rehearsal { runTiers.awayFromWorkspace = "a rehearsal runs while the workspace keeps changing" }
        let gate = try Gate.make(tiers: runTiers, definition: definition)
        return try await GateRunUseCase(gate: gate).run(commit, status: status, key: key, remote: remote) { CheckReport(lines: 40).render($0) }
    }

    /// What happened.
    public enum Outcome: Sendable {
        /// The gate ran (or read its verdicts); the status file holds the exit status.
        case finished(GateResult, exitCode: Int32)
        /// Another process already runs this key (of this commit).
        case alreadyRunning(ObjectID)
    }

    /// - Parameters:
    ///   - status: the run's status as it starts (id, key, pid, worktree); written at once.
    ///   - remote: when the run gates a push, the remote whose notes are merged in before a clean room.
    ///   - render: the report text for the finished result (as `greenlight check` prints it).
    /// - Throws: `GateError.interrupted` after a signal (the status then says `cancelled`), and
    ///   whatever `Gate.check` throws (the status then says finished with exit status 2).
    public func run(_ commit: ResolvedCommit, status initial: GateRunStatus, key: GateRunKey, remote: String?,
                    render: (GateResult) -> String) async throws -> Outcome {
        guard let lock = try store.lock(key) else { return .alreadyRunning(commit.commit) }
        defer { close(lock) }
        try? FileManager.default.removeItem(at: store.supersededFile(key))
        var status = initial
        try store.write(status, key: key)
        var runGate = gate
        if let remote, gate.config.notesSync {
            runGate = gate.with(cache: RemoteRefreshingCache(base: gate.context.cache, sync: NotesSync(git: gate.context.tiers.git, remote: remote)))
        }
        do {
            let result = try await runGate.check(CheckOptions(commit: commit))
            status = store.status(key) ?? status
            status.state = .finished
            status.finishedAt = Date()
            status.exitCode = result.verdict.exitCode
            status.report = render(result)
            status.result = result
            try store.write(status, key: key)
            return .finished(result, exitCode: result.verdict.exitCode)
        } catch let error as GateError where error.kind == .interrupted {
            status = store.status(key) ?? status
            status.state = .cancelled
            status.finishedAt = Date()
            status.exitCode = 2
            status.supersededBy = try? String(contentsOf: store.supersededFile(key), encoding: .utf8)
            try? store.write(status, key: key)
            throw error
        } catch {
            status = store.status(key) ?? status
            status.state = .finished
            status.finishedAt = Date()
            status.exitCode = 2
            status.report = "greenlight: error: \(error)\n"
            try? store.write(status, key: key)
            throw error
        }
    }
}
