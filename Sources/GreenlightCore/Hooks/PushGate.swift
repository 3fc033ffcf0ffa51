import Foundation

/// Gates every commit of a push and keeps the remote's verdict notes in step:
/// the remote's notes are merged in before an expensive clean-room run, and the
/// local notes are pushed back afterwards (when `notes.sync` is on).
public struct PushGate: Sendable {
    public let gate: Gate
    /// The remote being pushed to, by name or URL.
    public let remote: String

    /// When set, each commit's gate runs detached and the push waits at most the budget for them
    /// (`BoundedWait`); `nil` runs them here, as long as they take.
    public var bounded: BoundedWait?

    public init(gate: Gate, remote: String, bounded: BoundedWait? = nil) {
        self.gate = gate
        self.remote = remote
        self.bounded = bounded
    }

    /// The gate of one commit: here, or as a detached run waited for until `deadline`.
    /// - Throws: `GatePending` when the run is still going at the deadline; what the gate throws.
    /// - Parameter started: what starting its detached run gave, when that was done already.
    private func gateCommit(_ commit: ResolvedCommit, with pushGate: Gate, deadline: Date?, started: DetachedGate.Outcome?,
                            command: String) async throws -> GateResult {
        guard let bounded else { return try await pushGate.check(CheckOptions(commit: commit)) }
        let detach = DetachedGate(gate: gate, executable: bounded.executable)
        let outcome: DetachedGate.Outcome
        if let started { outcome = started } else { outcome = try await detach.start(commit, definition: gate.definitionSource, remote: remote) }
        switch outcome {
        case let .decided(result):
            return result
        case let .running(status, _, offset):
            let waiter = GateRunWaiter(gate: gate)
            let remaining = max(0, (deadline ?? Date()).timeIntervalSinceNow)
            switch try await waiter.wait(for: commit, timeout: remaining, follow: bounded.follow, from: offset, stop: bounded.stop) {
            case let .decided(result): return result
            case let .ended(ended):
                // Only ever an error (the waiter passes on nothing else without the notes): it refuses the push.
                if let result = ended.result, result.commit == commit, result.verdict == .error { return result }
                throw GateError(kind: .detachedRunFailed, message: ended.report?.trimmingCharacters(in: .newlines) ?? "the gate run \(ended.id) ended without a verdict")
            case let .unrecorded(finished):
                throw GateError(kind: .detachedRunFailed, message: "the gate run \(finished.id) of \(commit.commit.short()) finished, but no verdict in the notes counts here "
                    + "(see `greenlight status \(commit.commit.short())`)")
            case let .died(died):
                throw GateError(kind: .detachedRunFailed, message: "the gate run \(died.id) of \(commit.commit.short()) stopped without finishing (killed?); push again to start it anew")
            case let .pending(pending):
                throw GatePending(runs: [pending], line: waiter.pendingLine(pending, commit: commit, command: command))
            case let .cancelled(cancelled):
                throw GateError(kind: .detachedRunFailed, message: "the gate run \(cancelled.id) of \(commit.commit.short()) was cancelled"
                    + (cancelled.supersededBy.map { " (a rehearsal of \($0) replaced it)" } ?? "") + "; push again")
            case .nothing:
                _ = status
                throw GateError(kind: .detachedRunFailed, message: "the gate run of \(commit.commit.short()) ended without a verdict; see \(detach.store.outputFile(try GateRunKey(commit: commit.commit, config: gate.config)).path)")
            }
        }
    }

    /// Gates every commit of `plan` in order, then pushes the notes when anything ran (or
    /// notes are unpushed) and `notes.sync` is on, unless the push sends the notes ref itself
    /// (then a warning says to push the new verdicts afterwards).
    /// - Throws: what `Gate.check` throws (an interrupt, a changed workspace, unreadable
    ///   notes), `GitError` for a commit that cannot be read. Network trouble is a warning.
    /// - Parameter command: what to re-run to continue, in the message of a bounded wait that ran out.
    public func run(_ plan: PushPlan, command: String = "git push") async throws -> PushResult {
        let tiers = gate.context.tiers
        let sync = gate.config.notesSync ? NotesSync(git: tiers.git, remote: remote) : nil
        // Another workspace may have run a clean room already: on a miss, ask the remote's notes first.
        let pushGate = sync.map { gate.with(cache: RemoteRefreshingCache(base: gate.context.cache, sync: $0)) } ?? gate
        let started = Date()
        let deadline = bounded.map { started.addingTimeInterval($0.budget) }
        var results: [(commit: PushPlan.GatedCommit, result: GateResult)] = []
        var pending: [GatePending] = []
        var starts: [ObjectID: DetachedGate.Outcome] = [:]
        if let bounded {
            // Every commit's run starts before the push waits for any of them: they share the time.
            let detach = DetachedGate(gate: gate, executable: bounded.executable)
            for gated in plan.gated {
                starts[gated.commit] = try await detach.start(try tiers.repository.resolve(gated.commit.hex), definition: gate.definitionSource, remote: remote)
            }
        }
        for gated in plan.gated {
            let commit = try tiers.repository.resolve(gated.commit.hex)
            do {
                results.append((gated, try await gateCommit(commit, with: pushGate, deadline: deadline, started: starts[gated.commit], command: command)))
            } catch let still as GatePending {
                pending.append(still)
            }
        }
        if !pending.isEmpty {
            let more = pending.count > 1 ? " (\(pending.count) commits still running: \(pending.flatMap(\.runs).map { String($0.commit.prefix(12)) }.joined(separator: ", ")))" : ""
            throw GatePending(runs: pending.flatMap(\.runs), line: pending[0].line + more)
        }
        var pushed = PushResult(plan: plan, results: results, warnings: results.flatMap(\.result.warnings), waited: 0)
        if pushed.ranAnything { pushed.waited = Date().timeIntervalSince(started) }
        // A push that sends the notes ref itself: git updates it on the remote after this hook, from
        // the value it read before; a push of ours in between would make git's update fail.
        let gitPushesNotes = plan.passed.contains { $0.ref == Repository.defaultNotesRef }
        if let sync, !gitPushesNotes, try pushed.ranAnything || sync.hasUnpushedNotes() {
            let warnings = try await sync.push()
            warnings.forEach(tiers.progress.warning)
            pushed.warnings += warnings
        } else if sync != nil, gitPushesNotes, pushed.ranAnything {
            let warning = "this push sends \(Repository.defaultNotesRef) itself, as it was before the gate ran, so the verdicts just "
                + "recorded are not in it; push them afterwards: git push \(remote) \(Repository.defaultNotesRef)"
            tiers.progress.warning(warning)
            pushed.warnings.append(warning)
        }
        pushed.warnings += recordForFastPath(plan, sync: sync, gate: expectingTrackingRefs(of: plan, results: results, gate: pushGate))
        return pushed
    }

    /// The gate whose fast-path stamp also accepts what this push will do to the trusted branch's
    /// remote-tracking ref (git moves `refs/remotes/<remote>/<branch>` to the pushed commit) when
    /// the pushed commit's `.greenlight.yml` is byte for byte the definition in use: the next push
    /// then still takes the fast path. Any other move of the ref still sends it to this binary.
    private func expectingTrackingRefs(of plan: PushPlan, results: [(commit: PushPlan.GatedCommit, result: GateResult)],
                                       gate: Gate) -> Gate {
        guard var stamp = gate.fastPathStamp, let bytes = gate.definitionBytes else { return gate }
        let names = stamp.refNames
        let repository = gate.context.tiers.repository
        for (gated, result) in results where result.verdict == .pass {
            for ref in gated.refs where ref.hasPrefix("refs/heads/") {
                let tracking = "refs/remotes/\(remote)/" + ref.dropFirst("refs/heads/".count)
                guard names.contains(tracking),
                      case let .file(pushed)? = try? repository.file(at: GateConfig.fileName, in: gated.commit),
                      Data(pushed) == bytes else { continue }
                stamp = stamp.allowing(tracking, at: gated.commit)
            }
        }
        var expecting = gate
        expecting.fastPathStamp = stamp
        return expecting
    }

    /// Tells the fast path, already decided, what this push established: each gated commit's
    /// passes as the notes now say (a merge of the remote's notes may have changed them), and
    /// whether this remote needs notes pushed at the current notes tip.
    private func recordForFastPath(_ plan: PushPlan, sync: NotesSync?, gate: Gate) -> [String] {
        let context = gate.context.tiers
        let fastPath = FastPathCache(repository: context.repository)
        var warnings: [String] = []
        do {
            let tip = try context.repository.referenceTarget(fastPath.notesRef)
            if try sync?.isSynced(at: tip) ?? true { try fastPath.writeRemote(remote, notesTip: tip) }
        } catch {
            let warning = "the fast path's cache was not updated (pushes will take the full check): \(error)"
            context.progress.warning(warning)
            warnings.append(warning)
        }
        for gated in plan.gated {
            warnings += gate.recordForFastPath(gated.commit, rule: VerdictRule())
        }
        return warnings
    }
}
