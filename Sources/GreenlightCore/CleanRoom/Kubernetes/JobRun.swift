import Foundation

/// One clean-room Job to a verdict: create it (or attach to the one another push created), watch
/// it, read the step results back from its log, copy the attestor's envelope. `JobSession` runs
/// one for the whole tier, or one per step with `clean_room.parallel`.
struct JobRun: Sendable {
    let context: TierContext
    let settings: KubernetesSettings
    let client: KubernetesClient
    let namespace: String
    let commit: ResolvedCommit
    /// What this Job runs: the tier's definition, or a parallel step's (`JobManifest.stepDefinition`).
    let definition: TierDefinition
    /// The whole tier's digest (`definition.digest()` of the configured tier), computed once by the gate.
    let digest: String
    /// This Job's name.
    let name: String
    /// How the commit travels (prepared once for every Job of the run).
    let prepared: CodeTransport.Prepared
    /// The ConfigMap that carries the bundle, shared by every Job of the run.
    let bundleConfigMap: String
    let log: LogFile
    let logURL: URL
    let startedAt: Date
    /// Stopping it stops the watch (Ctrl-C, or another step's failure under fail_fast).
    let stop: ProcessGroupSet
    /// Whether the stop came from another step's failure (the Job is then deleted, not detached from).
    let cancelled: @Sendable () -> Bool

    private var jobsPath: String { "/apis/batch/v1/namespaces/\(namespace)/jobs" }

    /// Creates (or attaches to) the Job, watches it to a decision and reads the steps back from its log.
    func run() async -> TierRunResult {
        let logStart: Int
        do { logStart = try log.size() } catch {
            return finished(.error, "cannot read the clean-room log \(logURL.path): \(error)", steps: [])
        }
        let job: JSONValue
        do {
            job = try await createOrAttach()
        } catch {
            log.write("cannot start the Job: \(error)\n")
            return finished(.error, "\(error)", steps: [])
        }

        let capture = OutputCapture()
        context.progress.stepStarted(tier: .cleanRoom, step: "job \(name)", output: capture)
        let watcher = JobWatcher(client: client, namespace: namespace, name: name,
                                 classifier: JobClassifier(scheduleTimeout: settings.scheduleTimeout),
                                 progress: context.progress, log: log, capture: capture,
                                 waitLimit: definition.timeout + settings.scheduleTimeout + KubernetesCleanRoom.waitGrace)
        let watchStarted = Date()
        let result = await watcher.run(initial: job, stop: stop)
        let jobVerdict: StepVerdict
        switch result.decision {
        case let .finished(verdict, _, _): jobVerdict = verdict == .pass ? .pass : (verdict == .fail ? .fail : .error)
        case .waiting: jobVerdict = .skipped
        }
        var jobStep = StepResult(name: "job \(name)", verdict: jobVerdict, exitCode: nil, timedOut: false,
                                 duration: Date().timeIntervalSince(watchStarted), output: "", log: logURL.path)
        if case let .finished(_, summary, exitCode) = result.decision {
            jobStep.exitCode = exitCode
            jobStep.problem = summary.isEmpty ? nil : summary
        } else {
            jobStep.problem = "detached"
        }
        context.progress.stepFinished(tier: .cleanRoom, result: jobStep)
        if result.detached, cancelled() {
            // Another step failed first (fail_fast): this Job is stopped, its step was not judged.
            do { try await deleteJob() } catch {
                context.progress.warning("could not delete the Job \(namespace)/\(name) after another step failed: \(error)")
            }
            var skipped = StepResult.skipped(definition.steps.first?.name ?? name)
            skipped.problem = StepResult.stoppedByFailFast
            return finished(.error, "stopped: another step failed first", steps: definition.steps.map { step in
                var result = skipped
                result.name = step.name
                return result
            })
        }
        if result.detached {
            context.progress.warning("""
                detached from Job \(namespace)/\(name); it keeps running. Re-attach with `greenlight check \(commit.commit.short())`, \
                stop it with `greenlight cancel \(commit.commit.short())`
                """)
            return finished(.error, "detached from the running Job \(namespace)/\(name)", steps: [])
        }
        guard case .finished(var verdict, var summary, _) = result.decision else {
            return finished(.error, "the Job's finished is unknown", steps: [])
        }
        // What was checked out, and why not, come from the checkout container's own log.
        let checkout = JobLogParser().parseCheckout(result.checkoutLog)
        if verdict == .error, let problem = checkout.setupProblem, !summary.contains(problem) {
            summary += "; the checkout container said: \(problem)"
        }
        if verdict == .error, !summary.contains("deleted") { await deleteAfterError() }
        if let logProblem = result.logProblem, verdict != .error {
            // Steps (and what was checked out) come from the log: a partial one cannot vouch for a pass or a fail.
            return finished(.error, "\(logProblem); the verdict cannot be confirmed", steps: [])
        }
        let text: String
        do { text = try JobSession.readSection(of: logURL, from: logStart) } catch {
            return finished(.error, "cannot read back the clean-room log \(logURL.path): \(error)", steps: [])
        }
        let parsed = JobLogParser().parse(text, steps: definition.steps, logPath: logURL.path,
                                          unfinished: verdict == .fail ? .fail : .error)
        var attestable = true
        if verdict == .pass, let failed = parsed.steps.first(where: { $0.verdict == .fail }) {
            // Every step exited 0, yet one ran no tests: a fail here. The cluster attestor judged
            // exit statuses only, so its envelope (which says pass) does not go with this record.
            verdict = .fail
            summary = "step '\(failed.name)' \(failed.summary)"
            attestable = false
        }
        if let checkout = checkout.checkout, checkout.head != commit.commit.hex || checkout.tree != commit.tree.hex {
            return finished(.error, "the Job checked out \(checkout.head) (tree \(checkout.tree)), not \(commit.commit.hex)", steps: parsed.steps)
        }
        if verdict == .fail, let problem = parsed.setupProblem, parsed.steps.allSatisfy({ $0.verdict == .skipped }) {
            // The step container stopped before any step: the code was never judged.
            verdict = .error
            summary = "the step container could not run the steps: \(problem)"
            await deleteAfterError()
        }
        var finalSummary = summary
        if verdict == .fail, let failed = parsed.steps.first(where: { $0.verdict == .fail }) {
            finalSummary = "step '\(failed.name)' \(failed.summary)" + (summary.contains("OOMKilled") ? "; \(summary)" : "")
        }
        var outcome = finished(verdict, finalSummary, steps: parsed.steps)
        if attestable { await collectAttestation(into: &outcome) }
        return outcome
    }

    /// Copies the attestor's envelope from the Job into `result`: with `attestation: required`,
    /// waiting for it up to `attestation_timeout` after the Job ended; otherwise only when it is
    /// already there. A refusal, or a signature that did not come in time, is a warning (the
    /// verdict stands, with no cluster signature: `verify --require cluster` refuses it).
    private func collectAttestation(into result: inout TierRunResult) async {
        let required = settings.attestation == .required
        let deadline = Date().addingTimeInterval(required ? settings.attestationTimeout : 0)
        let call = APICall(verb: "get", group: "batch", resource: "jobs", namespace: namespace, name: name)
        let consequence = "this verdict carries no cluster signature (`greenlight verify --require cluster` refuses it)"
        if required { context.progress.status("job \(name): waiting up to \(Int(settings.attestationTimeout))s for the attestor's signature") }
        while true {
            if let job = try? await client.send(call, method: .GET, path: "\(jobsPath)/\(name)") {
                let annotations = job.at("metadata")?["annotations"]
                if let line = annotations?[JobManifest.attestationAnnotation]?.string {
                    if !line.contains("\n"), (try? JSONDecoder().decode(DSSEEnvelope.self, from: Data(line.utf8))) != nil {
                        result.attestations = [line]
                    } else {
                        result.warnings.append("the annotation \(JobManifest.attestationAnnotation) of Job \(namespace)/\(name) is not a DSSE envelope on one line; \(consequence)")
                    }
                    return
                }
                if let reason = annotations?[JobManifest.refusalAnnotation]?.string {
                    result.warnings.append("the attestor refused to sign Job \(namespace)/\(name): \(reason); \(consequence)")
                    return
                }
            }
            if Date() >= deadline || context.processes.isStopped { break }
            try? await Task.sleep(for: .milliseconds(500))
        }
        if required {
            result.warnings.append("the attestor did not sign Job \(namespace)/\(name) within \(Int(settings.attestationTimeout))s; \(consequence); "
                + "is it running and watching namespace \(namespace) (deploy/attestor/)?")
        }
    }

    /// Never leaves a broken attempt behind: the next check starts a fresh Job.
    private func deleteAfterError() async {
        do { try await deleteJob() } catch {
            context.progress.warning("could not delete the Job \(namespace)/\(name) after its error (the next check replaces it): \(error)")
        }
    }

    private func finished(_ verdict: Verdict, _ summary: String, steps: [StepResult]) -> TierRunResult {
        TierRunResult(tier: .cleanRoom, verdict: verdict, summary: summary, steps: steps, log: logURL.path,
                    backend: BackendKind.kubernetes.rawValue, isolation: .kubernetesPod, startedAt: startedAt, finishedAt: Date())
    }

    /// Creates the Job, or attaches to the one another push already created. A finished
    /// Job whose outcome was an `error` is deleted and created anew.
    private func createOrAttach() async throws -> JSONValue {
        let manifest = JobManifest(name: name, namespace: namespace, commit: commit, definition: definition, digest: digest, settings: settings,
                                   repositoryURL: prepared.cloneURL, transportEnvironment: prepared.environment,
                                   bundleConfigMap: prepared.configMap == nil ? nil : bundleConfigMap).render()
        let create = APICall(verb: "create", group: "batch", resource: "jobs", namespace: namespace)
        for _ in 0..<3 {
            do {
                let created = try await client.send(create, method: .POST, path: jobsPath, body: manifest)
                log.write("created Job \(namespace)/\(name)\n")
                return created
            } catch let error as KubernetesError where error.code == .conflict {
                let get = APICall(verb: "get", group: "batch", resource: "jobs", namespace: namespace, name: name)
                let existing: JSONValue
                do {
                    existing = try await client.send(get, method: .GET, path: "\(jobsPath)/\(name)")
                } catch let error as KubernetesError where error.code == .notFound {
                    continue  // deleted in between: create again
                }
                let decision = JobClassifier(scheduleTimeout: settings.scheduleTimeout)
                    .decide(job: existing, pods: try await pods(of: existing), now: Date(), unschedulableSince: nil)
                if case let .finished(verdict, _, _) = decision, verdict == .error || existing.at("metadata.deletionTimestamp") != nil {
                    log.write("Job \(namespace)/\(name) exists from an attempt that could not decide; starting a new one\n")
                    try await deleteJob()
                    try await waitUntilGone()
                    continue
                }
                log.write("attached to the existing Job \(namespace)/\(name)\n")
                context.progress.status("attached to the existing Job \(namespace)/\(name)")
                return existing
            }
        }
        throw KubernetesError(code: .conflict, status: 409, call: create.description, message: "the Job \(name) kept being replaced; try again")
    }

    private func pods(of job: JSONValue) async throws -> [JSONValue] {
        let call = APICall(verb: "list", group: "", resource: "pods", namespace: namespace)
        guard let uid = job.at("metadata.uid")?.string, !uid.isEmpty else {
            throw KubernetesError(code: .badResponse, status: 0, call: call.description,
                                  message: "the Job \(namespace)/\(name) has no metadata.uid, so its pods cannot be found")
        }
        let list = try await client.send(call, method: .GET, path: "/api/v1/namespaces/\(namespace)/pods",
                                         query: [URLQueryItem(name: "labelSelector", value: "batch.kubernetes.io/controller-uid=\(uid)")])
        return list["items"]?.array ?? []
    }

    /// Deletes the Job and its pods (Background propagation: the default for Jobs orphans pods).
    func deleteJob() async throws {
        let call = APICall(verb: "delete", group: "batch", resource: "jobs", namespace: namespace, name: name)
        do {
            try await client.send(call, method: .DELETE, path: "\(jobsPath)/\(name)",
                                  query: [URLQueryItem(name: "propagationPolicy", value: "Background")])
        } catch let error as KubernetesError where error.code == .notFound {}
    }

    private func waitUntilGone() async throws {
        let call = APICall(verb: "get", group: "batch", resource: "jobs", namespace: namespace, name: name)
        for _ in 0..<120 {
            do {
                _ = try await client.send(call, method: .GET, path: "\(jobsPath)/\(name)")
            } catch let error as KubernetesError where error.code == .notFound {
                return
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw KubernetesError(code: .conflict, status: 409, call: call.description,
                              message: "the Job \(namespace)/\(name) was deleted but was still there 60s later (a finalizer?); delete it with `greenlight cancel` and try again")
    }

}
