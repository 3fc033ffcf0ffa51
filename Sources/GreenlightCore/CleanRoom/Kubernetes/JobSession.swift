import Foundation
import NIOConcurrencyHelpers

/// One clean-room run on Kubernetes: ship the commit once, run its Job (`JobRun`), or with
/// `clean_room.parallel` one Job per step side by side, then clean up what was shipped.
struct JobSession: Sendable {
    let context: TierContext
    let settings: KubernetesSettings
    let client: KubernetesClient
    let namespace: String
    let commit: ResolvedCommit
    let definition: TierDefinition
    /// `definition.digest()`, computed once by the gate.
    let digest: String
    let log: LogFile
    let logURL: URL
    let startedAt: Date

    var name: String { JobName.make(commit: commit.commit, digest: digest) }
    private var jobsPath: String { "/apis/batch/v1/namespaces/\(namespace)/jobs" }
    private var configMapsPath: String { "/api/v1/namespaces/\(namespace)/configmaps" }

    func run() async -> TierRunResult {
        let transport = CodeTransport(git: context.git, settings: settings, progress: context.progress)
        let result = await attempt(transport)
        // Clean up what was shipped, on every path; the pod mounted the ConfigMap when it started.
        if let warning = await transport.cleanUp(commit: commit) { context.progress.warning(warning) }
        if settings.transport == .bundle {
            let call = APICall(verb: "delete", group: "", resource: "configmaps", namespace: namespace, name: name)
            do {
                try await client.send(call, method: .DELETE, path: "\(configMapsPath)/\(name)")
            } catch let error as KubernetesError where error.code == .notFound {
                // Another check of the same commit removed it first.
            } catch {
                context.progress.warning("could not delete ConfigMap \(namespace)/\(name): \(error)")
            }
        }
        return result
    }

    private func attempt(_ transport: CodeTransport) async -> TierRunResult {
        let prepared: CodeTransport.Prepared
        do {
            prepared = try await transport.prepare(commit: commit, configMapName: name, namespace: namespace)
        } catch {
            return finished(.error, "\(error)", steps: [])
        }
        let parallel = definition.parallel && definition.steps.count > 1
        let jobs = parallel ? definition.steps.map { JobName.make(commit: commit.commit, digest: digest, step: $0.name) } : [name]
        context.progress.tierStarted(tier: .cleanRoom, steps: definition.steps.map(\.name),
                                     location: parallel
                                         ? "as \(jobs.count) Kubernetes Jobs in \(namespace), one per step (image \(settings.image))"
                                         : "as Kubernetes Job \(namespace)/\(name) (image \(settings.image))")
        if let configMap = prepared.configMap {
            do { try await createConfigMap(configMap) } catch {
                log.write("cannot start the Job: \(error)\n")
                return finished(.error, "\(error)", steps: [])
            }
        }
        guard parallel else {
            return await unit(definition, job: name, log: log, logURL: logURL, prepared: prepared,
                              stop: context.processes, cancelled: { false }).run()
        }
        return await runInParallel(jobs: jobs, prepared: prepared)
    }

    /// One Job per step, side by side; with `fail_fast`, the first step that fails or errs stops
    /// (and deletes) the others. The verdict waits for every Job.
    private func runInParallel(jobs: [String], prepared: CodeTransport.Prepared) async -> TierRunResult {
        let stops = definition.steps.map { _ in context.processes.makeChild() }
        let failedFirst = NIOLockedValueBox<String?>(nil)
        var units: [JobRun] = []
        for (index, step) in definition.steps.enumerated() {
            let stepLogURL = context.logFile(commit: commit.commit, digest: digest, step: step.name)
            let stepLog: LogFile
            do { stepLog = try LogFile(url: stepLogURL) } catch {
                return finished(.error, "cannot open the log of step '\(step.name)': \(error)", steps: [])
            }
            log.write("step \(step.name): Job \(namespace)/\(jobs[index]), log \(stepLogURL.path)\n")
            units.append(unit(JobManifest.stepDefinition(step, of: definition), job: jobs[index], log: stepLog, logURL: stepLogURL,
                              prepared: prepared, stop: stops[index], cancelled: { failedFirst.withLockedValue { $0 } != nil }))
        }
        let failFast = definition.failFast
        let results = await withTaskGroup(of: (Int, TierRunResult).self) { group in
            for (index, unit) in units.enumerated() {
                group.addTask {
                    let result = await unit.run()
                    if failFast, result.verdict != .pass, !stops[index].isStopped {
                        let first = failedFirst.withLockedValue { first in
                            if first == nil { first = unit.definition.steps.first?.name }
                            return first == unit.definition.steps.first?.name
                        }
                        if first {
                            for (other, stop) in stops.enumerated() where other != index { stop.stopAll() }
                        }
                    }
                    return (index, result)
                }
            }
            var results = [TierRunResult?](repeating: nil, count: units.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
        return combine(results)
    }

    /// The tier's result from each step Job's: every step in order; the first error (one not caused
    /// by fail_fast) decides, else any failure, else a pass; attestations and warnings of all.
    private func combine(_ results: [TierRunResult]) -> TierRunResult {
        let steps = results.flatMap(\.steps)
        let stoppedByOthers = { (result: TierRunResult) in result.steps.contains { $0.problem == StepResult.stoppedByFailFast } }
        let verdict: Verdict
        let summary: String
        if let error = results.first(where: { $0.verdict == .error && !stoppedByOthers($0) }) {
            verdict = .error
            summary = (error.steps.first.map { "step '\($0.name)': " } ?? "") + error.summary
        } else if results.contains(where: { $0.verdict == .fail }) {
            verdict = .fail
            summary = results.filter { $0.verdict == .fail }.map(\.summary).joined(separator: "; ")
        } else if results.contains(where: { $0.verdict != .pass }) {
            verdict = .error
            summary = "a step's Job was stopped before it finished"
        } else {
            verdict = .pass
            summary = ""
        }
        var combined = finished(verdict, summary, steps: steps)
        combined.attestations = results.flatMap(\.attestations)
        combined.warnings = results.flatMap(\.warnings)
        return combined
    }

    private func unit(_ definition: TierDefinition, job: String, log: LogFile, logURL: URL, prepared: CodeTransport.Prepared,
                      stop: ProcessGroupSet, cancelled: @escaping @Sendable () -> Bool) -> JobRun {
        JobRun(context: context, settings: settings, client: client, namespace: namespace, commit: commit, definition: definition,
               digest: digest, name: job, prepared: prepared, bundleConfigMap: name, log: log, logURL: logURL, startedAt: startedAt,
               stop: stop, cancelled: cancelled)
    }

    private func finished(_ verdict: Verdict, _ summary: String, steps: [StepResult]) -> TierRunResult {
        var result = TierRunResult(tier: .cleanRoom, verdict: verdict, summary: summary, steps: steps, log: logURL.path,
                                   backend: BackendKind.kubernetes.rawValue, isolation: .kubernetesPod, startedAt: startedAt, finishedAt: Date())
        result.caches = settings.cachePVC == nil ? [] : definition.caches.map(\.name)
        return result
    }

    private func createConfigMap(_ configMap: JSONValue) async throws {
        let call = APICall(verb: "create", group: "", resource: "configmaps", namespace: namespace, name: name)
        do {
            try await client.send(call, method: .POST, path: configMapsPath, body: configMap)
        } catch let error as KubernetesError where error.code == .conflict {
            // Another push of the same commit made it already: same name, same commit.
        }
    }


    /// This run's part of the (append-only) log, at most its last 8 MiB.
    /// - Throws: the file system's error when the log cannot be opened or read.
    static func readSection(of url: URL, from offset: Int) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }  // read-only: nothing to lose on close
        let size = Int(try handle.seekToEnd())
        let start = max(offset, size - 8 * 1024 * 1024)
        try handle.seek(toOffset: UInt64(start))
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }
}
