import Foundation

/// The fast tier: the workspace's own checks, run where the commit's content is.
///
/// When HEAD is the commit and no tracked file is modified, the steps run in the
/// working tree (build caches and all). Otherwise they run in a temporary detached
/// checkout of the commit, so the verdict describes that commit and nothing else.
///
/// In the workspace, the tracked state is snapshotted before and after the steps: if a
/// tracked file (or the index, HEAD, a submodule) was touched while they ran, even if it
/// was put back, the result carries `workspaceChanged` and the gate records nothing.
struct FastTierRunner: TierRunner {
    let context: TierContext

    func run(_ commit: ResolvedCommit, definition: TierDefinition, digest: String, keep: Bool) async -> TierRunResult {
        let startedAt = Date()
        let location: Location
        do {
            location = try await chooseLocation(for: commit)
        } catch {
            return TierRunResult(tier: .fast, steps: [], problem: "cannot prepare the fast tier: \(error)", log: nil,
                               backend: "worktree", isolation: .unsealed, startedAt: startedAt, finishedAt: Date())
        }
        defer {
            if let temporary = location.temporary {
                if keep {
                    TemporaryDirectory.keep(temporary)
                    context.progress.warning("kept the fast tier's checkout at \(temporary.path)")
                } else if let problem = TemporaryDirectory.remove(temporary) { context.progress.warning(problem) }
            }
        }
        context.progress.tierStarted(tier: .fast, steps: definition.steps.map(\.name), location: location.description)

        var environment = context.environment
        // A hook may run with these set for the workspace; in a temporary checkout they would point git elsewhere.
        for key in Self.repositoryLocatingVariables { environment[key] = nil }
        for (key, value) in definition.env { environment[key] = value }
        for (key, value) in StepVariables.variables(commit: commit, tier: .fast) { environment[key] = value }
        let context = self.context
        let run = TierRun(
            definition: definition,
            executor: StepExecutor(launcher: context.launcher, progress: context.progress, tier: .fast, tierTimeout: definition.timeout),
            directory: location.directory,
            environment: environment,
            deadline: startedAt.addingTimeInterval(definition.timeout),
            processes: context.processes,
            logFor: { step in try LogFile(url: context.logFile(commit: commit.commit, digest: digest, step: step.name)) }
        )
        let steps = await run.runSteps(parallel: definition.parallel, stopAfterFailure: definition.failFast)
        let changed = location.snapshot.flatMap { workspaceChange(since: $0) }
        var result = TierRunResult(tier: .fast, steps: steps, problem: changed, log: nil, backend: location.backend,
                                  isolation: .unsealed, startedAt: startedAt, finishedAt: Date())
        result.workspaceChanged = changed
        context.progress.tierFinished(tier: .fast, verdict: result.verdict, duration: result.finishedAt.timeIntervalSince(startedAt))
        return result
    }

    /// git's variables that say where the repository is.
    static let repositoryLocatingVariables = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_NAMESPACE", "GIT_QUARANTINE_PATH",
    ]

    private struct Location: CustomStringConvertible {
        let directory: URL
        let temporary: URL?
        let reason: String?
        /// The workspace's tracked state before the steps ran; `nil` in a temporary checkout.
        var snapshot: WorkspaceSnapshot? = nil
        var backend: String { temporary == nil ? "workspace" : "worktree" }
        var description: String {
            guard let reason else { return "in the workspace \(directory.path)" }
            return "in a temporary checkout (\(reason))"
        }
    }

    private func chooseLocation(for commit: ResolvedCommit) async throws -> Location {
        let repository = context.repository
        if let reason = context.awayFromWorkspace { return try await temporaryCheckout(of: commit, reason: reason) }
        if let workdir = repository.workingDirectory {
            let head = try repository.headCommit()
            if head == commit.commit {
                // Taken before the check, so that a change between the two is caught after the steps.
                let snapshot: WorkspaceSnapshot
                do { snapshot = try repository.workspaceSnapshot() } catch {
                    return try await temporaryCheckout(of: commit, reason: "the workspace's tracked state cannot be read: \(error)")
                }
                if let reason = try repository.trackedChangeReason() {
                    return try await temporaryCheckout(of: commit, reason: "tracked files are modified in the workspace (or may be): \(reason)")
                }
                return Location(directory: workdir, temporary: nil, reason: nil, snapshot: snapshot)
            }
            return try await temporaryCheckout(of: commit, reason: "HEAD is \(head?.short() ?? "unborn"), not \(commit.commit.short())")
        }
        return try await temporaryCheckout(of: commit, reason: "the repository has no working tree")
    }

    /// What changed in the workspace's tracked state since `before`, as the gate's error message; `nil` when nothing.
    private func workspaceChange(since before: WorkspaceSnapshot) -> String? {
        let path: String
        do {
            let after = try context.repository.workspaceSnapshot()
            guard let differing = after.firstDifference(from: before) else { return nil }
            path = differing == "HEAD" ? "HEAD moved" : "'\(differing)' changed"
        } catch {
            path = "its tracked state could not be read again (\(error))"
        }
        return "the workspace changed during the check: \(path) while the fast tier ran in it, so its result "
            + "describes no commit; nothing was recorded. Run the check again once nothing edits tracked files "
            + "(a step that rewrites tracked files, such as a formatter with -w, counts too)"
    }

    private func temporaryCheckout(of commit: ResolvedCommit, reason: String) async throws -> Location {
        let root = try TemporaryDirectory.make(in: context.temporaryDirectory, prefix: "greenlight-fast-\(commit.commit.short())")
        do {
            let checkout = try await context.repository.makeDetachedCheckout(of: commit.commit, at: root, runner: context.runner)
            try await checkout.verifyCheckout(of: commit.commit, at: root)
        } catch {
            if let problem = TemporaryDirectory.remove(root) { context.progress.warning(problem) }
            throw error
        }
        return Location(directory: root, temporary: root, reason: reason)
    }
}
