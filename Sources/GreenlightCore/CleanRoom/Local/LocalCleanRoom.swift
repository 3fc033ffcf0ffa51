import Foundation

/// The embedded default clean room: a fresh checkout of exactly the commit in a new temporary
/// directory on this machine (`CleanRoomSite`), sealed by bubblewrap (`BubblewrapSandbox`) with
/// a scrubbed environment and the configured caches mounted, steps in order under the tier's
/// deadline (or, with `clean_room.parallel`, each step at once in a site and sandbox of its own),
/// the whole log streamed to disk, the directories removed afterwards.
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

        var caches: CacheLease
        do {
            caches = try CacheStore(repository: context.repository, environment: context.environment, temporaryDirectory: context.temporaryDirectory)
                .lease(definition.caches, waiting: { context.progress.status($0) })
        } catch {
            log.write("cannot mount the caches: \(error)\n")
            return failure("cannot mount the clean room's caches: \(error)", log: logURL.path, startedAt: startedAt)
        }
        defer { caches.release() }
        for cache in caches.mounted { log.write("cache \(cache.definition.name): \(cache.directory.path) (read-write)\n") }

        // In order, the steps share one checkout; in parallel each has its own.
        let parallel = definition.parallel && definition.steps.count > 1
        let sites: [CleanRoomSite]
        do {
            sites = try await CleanRoomSite.make(count: parallel ? definition.steps.count : 1, for: commit,
                                                 labels: parallel ? definition.steps.map(\.name) : [nil], context: context)
        } catch {
            log.write("\(error)\n")
            return failure(error.message, log: logURL.path, startedAt: startedAt)
        }
        defer {
            for site in sites {
                if keep {
                    TemporaryDirectory.keep(site.root)
                    context.progress.warning("kept the clean room at \(site.root.path)")
                    log.write("clean room kept at \(site.root.path)\n")
                } else if let problem = TemporaryDirectory.remove(site.root) {
                    context.progress.warning(problem)
                }
            }
        }
        for site in sites { log.write("checked out \(commit.commit.hex) into \(site.source.path)\n") }

        let objects = context.repository.commonDirectory.appendingPathComponent("objects", isDirectory: true)
        let sandboxes: [BubblewrapSandbox]?
        switch await seal(roots: sites.map(\.root), objects: objects, definition: definition, caches: caches.mounted) {
        case let .sealed(found):
            sandboxes = found
            log.write("sealed with bubblewrap (read-only: /usr /etc\(definition.mounts.map { " \($0)" }.joined()); "
                + "writable: the checkout, its HOME and TMPDIR\(caches.mounted.isEmpty ? "" : ", the caches \(caches.names.joined(separator: ", "))"); "
                + "network: \(definition.network ? "on" : "off"))\n")
        case let .unsealed(reason):
            sandboxes = nil
            log.write("NOT sealed (isolation: best-effort): \(reason)\n")
            context.progress.warning("the clean room runs unsealed (isolation: best-effort): \(reason)")
        case let .refused(problem):
            log.write("cannot seal the clean room: \(problem)\n")
            return failure(problem, log: logURL.path, startedAt: startedAt)
        }
        let isolation: Isolation = sandboxes == nil ? .unsealed : .bwrap

        let location = (sandboxes == nil ? "in a fresh checkout, NOT sealed (local, best-effort)" : "in a sealed fresh checkout (local, bubblewrap)")
        context.progress.tierStarted(tier: .cleanRoom, steps: definition.steps.map(\.name),
                                     location: parallel ? location.replacingOccurrences(of: "in a ", with: "each step in a ") : location)
        let places = sites.enumerated().map { index, site in
            var executor = StepExecutor(launcher: context.launcher, progress: context.progress, tier: .cleanRoom, tierTimeout: definition.timeout)
            executor.sandbox = sandboxes?[index]
            return StepPlace(executor: executor, directory: site.source,
                             environment: scrubbedEnvironment(root: site.root, sealed: sandboxes != nil, commit: commit,
                                                              definition: definition, caches: caches))
        }
        let run = TierRun(
            definition: definition,
            places: places,
            deadline: deadline,
            processes: context.processes,
            logFor: { step in
                guard parallel else { return log }
                // Steps at once write logs of their own; the tier's log says where they are.
                let stepLog = context.logFile(commit: commit.commit, digest: digest, step: step.name)
                log.write("step \(step.name): log \(stepLog.path)\n")
                return try LogFile(url: stepLog)
            }
        )
        let steps = await run.runSteps(parallel: parallel, stopAfterFailure: definition.failFast)
        var result = TierRunResult(tier: .cleanRoom, steps: steps, problem: nil, log: logURL.path, backend: BackendKind.local.rawValue,
                                   isolation: isolation, startedAt: startedAt, finishedAt: Date())
        result.caches = caches.names
        log.write("=== verdict: \(result.verdict.rawValue)\(result.summary.isEmpty ? "" : ": \(result.summary)")\n")
        context.progress.tierFinished(tier: .cleanRoom, verdict: result.verdict, duration: result.finishedAt.timeIntervalSince(startedAt))
        return result
    }

    enum Seal {
        /// One sandbox per root, in the same order.
        case sealed([BubblewrapSandbox])
        /// `best-effort` and the sandbox cannot be had: why.
        case unsealed(String)
        /// `required` and the sandbox cannot be had: the tier's error message.
        case refused(String)
    }

    /// Finds bwrap and starts it once (in the first root: the others differ only in their
    /// directory); `clean_room.isolation` decides what a failure means.
    func seal(roots: [URL], objects: URL, definition: TierDefinition, caches: [CacheLease.Mounted]) async -> Seal {
        let problem: String
        if let executable = BubblewrapSandbox.locate(in: context.bubblewrapLocations), !roots.isEmpty {
            let sandboxes = roots.map { root in
                BubblewrapSandbox(executable: executable, root: root, network: definition.network, mounts: definition.mounts,
                                  borrowedStores: BubblewrapSandbox.borrowedStores(of: objects),
                                  caches: caches.map { ($0.definition.name, $0.directory.path) })
            }
            guard let failed = await sandboxes[0].probe(runner: context.runner, environment: ["PATH": "/usr/bin:/bin"]) else {
                return .sealed(sandboxes)
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
    /// then `pass_env`, the tier's `env`, the caches' variables and greenlight's own variables.
    /// `sealed`: the paths as the sandbox sees them.
    func scrubbedEnvironment(root: URL, sealed: Bool, commit: ResolvedCommit, definition: TierDefinition,
                             caches: CacheLease = CacheLease()) -> [String: String] {
        var environment: [String: String] = [:]
        for name in Self.allowedEnvironment + definition.passEnv {
            if let value = context.environment[name] { environment[name] = value }
        }
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        environment["HOME"] = sealed ? BubblewrapSandbox.homePath : root.appendingPathComponent("home").path
        environment["TMPDIR"] = sealed ? BubblewrapSandbox.temporaryPath : root.appendingPathComponent("tmp").path
        for (key, value) in definition.env { environment[key] = value }
        for (key, value) in caches.environment(base: sealed ? BubblewrapSandbox.cachesPath : nil) { environment[key] = value }
        for (key, value) in StepVariables.variables(commit: commit, tier: .cleanRoom) { environment[key] = value }
        return environment
    }

    private func failure(_ problem: String, log: String?, startedAt: Date) -> TierRunResult {
        TierRunResult(tier: .cleanRoom, steps: [], problem: problem, log: log, backend: BackendKind.local.rawValue,
                      isolation: .unsealed, startedAt: startedAt, finishedAt: Date())
    }
}
