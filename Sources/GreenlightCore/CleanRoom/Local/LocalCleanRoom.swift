import Foundation

/// The embedded default clean room: a fresh checkout of exactly the commit in a new
/// temporary directory on this machine, sealed by bubblewrap (`BubblewrapSandbox`) with a
/// scrubbed environment, steps in order under the tier's deadline, the whole log streamed
/// to disk, the directory removed afterwards.
///
/// Layout of the temporary directory: `src` (the checkout), `home`, `tmp`, and `objects`, a
/// symbolic link to the workspace's object store that the checkout borrows through the
/// relative alternates entry `../../../objects` (inside the sandbox the same entry reaches
/// the store mounted read-only at `/clean-room/objects`).
struct LocalCleanRoom: TierRunner {
    let context: TierContext

    /// Workspace variables that reach the clean room (besides `pass_env`).
    static let allowedEnvironment = ["PATH", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TERM", "TZ", "USER", "LOGNAME"]

    func run(_ commit: ResolvedCommit, definition: TierDefinition, digest: String, keep: Bool) async -> TierRunResult {
        let startedAt = Date()
        let deadline = startedAt.addingTimeInterval(definition.timeout)
        let logURL = context.logFile(commit: commit.commit, digest: digest)
        let log: LogFile
        do {
            log = try LogFile(url: logURL)
        } catch {
            return failure("cannot open the clean-room log: \(error)", log: nil, startedAt: startedAt)
        }
        log.write("=== greenlight \(GreenlightVersion.current): clean-room tier for \(commit.commit.hex) (tree \(commit.tree.hex)) at \(NoteCodec.formatDate(startedAt))\n")

        let root: URL
        do {
            root = try TemporaryDirectory.make(in: context.temporaryDirectory, prefix: "greenlight-clean-\(commit.commit.short())")
        } catch {
            log.write("cannot prepare: \(error)\n")
            return failure("cannot prepare the clean room: \(error)", log: logURL.path, startedAt: startedAt)
        }
        defer {
            if keep {
                TemporaryDirectory.keep(root)
                context.progress.warning("kept the clean room at \(root.path)")
                log.write("clean room kept at \(root.path)\n")
            } else if let problem = TemporaryDirectory.remove(root) {
                context.progress.warning(problem)
            }
        }
        let source = root.appendingPathComponent("src", isDirectory: true)
        let objects = context.repository.commonDirectory.appendingPathComponent("objects", isDirectory: true)
        do {
            try Self.prepare(root: root, objects: objects)
            let checkout = try await context.repository.makeDetachedCheckout(of: commit.commit, at: source, runner: context.runner,
                                                                             alternate: BubblewrapSandbox.alternateEntry)
            let head = try checkout.headCommit()
            guard head == commit.commit else {
                throw GitError(call: "verify checkout", code: -1, message: "the clean checkout is at \(head?.hex ?? "nothing"), not \(commit.commit.hex)")
            }
            try await checkout.verifyCheckout(of: commit.commit, at: source)
            log.write("checked out \(commit.commit.hex) into \(source.path)\n")
        } catch {
            log.write("cannot check out: \(error)\n")
            return failure("cannot check out \(commit.commit.short()) into the clean room: \(error)", log: logURL.path, startedAt: startedAt)
        }

        let sandbox: BubblewrapSandbox?
        switch await seal(root: root, objects: objects, definition: definition) {
        case let .sealed(found):
            sandbox = found
            log.write("sealed with bubblewrap (read-only: /usr /etc\(definition.mounts.map { " \($0)" }.joined()); "
                + "writable: the checkout, its HOME and TMPDIR; network: \(definition.network ? "on" : "off"))\n")
        case let .unsealed(reason):
            sandbox = nil
            log.write("NOT sealed (isolation: best-effort): \(reason)\n")
            context.progress.warning("the clean room runs unsealed (isolation: best-effort): \(reason)")
        case let .refused(problem):
            log.write("cannot seal the clean room: \(problem)\n")
            return failure(problem, log: logURL.path, startedAt: startedAt)
        }
        let isolation: Isolation = sandbox == nil ? .unsealed : .bwrap

        context.progress.tierStarted(tier: .cleanRoom, steps: definition.steps.map(\.name),
                                     location: sandbox == nil ? "in a fresh checkout, NOT sealed (local, best-effort)"
                                         : "in a sealed fresh checkout (local, bubblewrap)")
        var executor = StepExecutor(launcher: context.launcher, progress: context.progress, tier: .cleanRoom, tierTimeout: definition.timeout)
        executor.sandbox = sandbox
        let run = TierRun(
            definition: definition,
            executor: executor,
            directory: source,
            environment: scrubbedEnvironment(root: root, sealed: sandbox != nil, commit: commit, definition: definition),
            deadline: deadline,
            processes: context.processes,
            logFor: { _ in log }
        )
        let steps = await run.runSteps(parallel: false, stopAfterFailure: true)
        let result = TierRunResult(tier: .cleanRoom, steps: steps, problem: nil, log: logURL.path, backend: BackendKind.local.rawValue,
                                   isolation: isolation, startedAt: startedAt, finishedAt: Date())
        log.write("=== verdict: \(result.verdict.rawValue)\(result.summary.isEmpty ? "" : ": \(result.summary)")\n")
        context.progress.tierFinished(tier: .cleanRoom, verdict: result.verdict, duration: result.finishedAt.timeIntervalSince(startedAt))
        return result
    }

    /// Makes the clean room's `home`, `tmp` and the `objects` link to the borrowed store
    /// (`src` is made by the checkout).
    /// - Throws: the file system's error.
    static func prepare(root: URL, objects: URL) throws {
        for name in ["home", "tmp"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("objects").path, withDestinationPath: objects.path)
    }

    enum Seal {
        case sealed(BubblewrapSandbox)
        /// `best-effort` and the sandbox cannot be had: why.
        case unsealed(String)
        /// `required` and the sandbox cannot be had: the tier's error message.
        case refused(String)
    }

    /// Finds bwrap and starts it once; `clean_room.isolation` decides what a failure means.
    func seal(root: URL, objects: URL, definition: TierDefinition) async -> Seal {
        let problem: String
        if let executable = BubblewrapSandbox.locate(in: context.bubblewrapLocations) {
            let sandbox = BubblewrapSandbox(executable: executable, root: root, network: definition.network, mounts: definition.mounts,
                                            borrowedStores: BubblewrapSandbox.borrowedStores(of: objects))
            guard let failed = await sandbox.probe(runner: context.runner, environment: ["PATH": "/usr/bin:/bin"]) else {
                return .sealed(sandbox)
            }
            problem = failed
        } else {
            problem = "bubblewrap (bwrap) is not installed (looked in \(context.bubblewrapLocations.joined(separator: ", ")))"
        }
        switch definition.isolation {
        case .bestEffort: return .unsealed(problem)
        case .required: return .refused("the clean room cannot be sealed: \(problem); \(BubblewrapSandbox.howToFix)")
        }
    }

    /// An allowlist of the workspace's variables, HOME and TMPDIR inside the clean room,
    /// then `pass_env`, the tier's `env` and greenlight's own variables. `sealed`: the paths
    /// as the sandbox sees them.
    func scrubbedEnvironment(root: URL, sealed: Bool, commit: ResolvedCommit, definition: TierDefinition) -> [String: String] {
        var environment: [String: String] = [:]
        for name in Self.allowedEnvironment + definition.passEnv {
            if let value = context.environment[name] { environment[name] = value }
        }
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        environment["HOME"] = sealed ? BubblewrapSandbox.homePath : root.appendingPathComponent("home").path
        environment["TMPDIR"] = sealed ? BubblewrapSandbox.temporaryPath : root.appendingPathComponent("tmp").path
        for (key, value) in definition.env { environment[key] = value }
        for (key, value) in StepVariables.variables(commit: commit, tier: .cleanRoom) { environment[key] = value }
        return environment
    }

    private func failure(_ problem: String, log: String?, startedAt: Date) -> TierRunResult {
        TierRunResult(tier: .cleanRoom, steps: [], problem: problem, log: log, backend: BackendKind.local.rawValue,
                      isolation: .unsealed, startedAt: startedAt, finishedAt: Date())
    }
}
