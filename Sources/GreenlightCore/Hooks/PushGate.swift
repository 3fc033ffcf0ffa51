import Foundation

/// Gates every commit of a push and keeps the remote's verdict notes in step:
/// the remote's notes are merged in before an expensive clean-room run, and the
/// local notes are pushed back afterwards (when `notes.sync` is on).
public struct PushGate: Sendable {
    public let gate: Gate
    /// The remote being pushed to, by name or URL.
    public let remote: String

    public init(gate: Gate, remote: String) {
        self.gate = gate
        self.remote = remote
    }

    /// Everything the push waited for, and the verdict it leads to.
    public struct Outcome: Sendable {
        public var plan: PushPlan
        public var results: [(commit: PushPlan.GatedCommit, result: GateResult)]
        public var warnings: [String]
        /// Time spent running tiers (not served from notes).
        public var waited: TimeInterval

        /// Pass only when every gated commit passed (no gated commit: pass).
        public var verdict: Verdict {
            results.map(\.result.verdict).max() ?? .pass
        }

        public var ranAnything: Bool {
            results.contains { $0.result.tiers.contains { if case .ran = $0.state { true } else { false } } }
        }
    }

    public func run(_ plan: PushPlan) async throws -> Outcome {
        let context = gate.context
        let sync = gate.config.notesSync
            ? NotesSync(repository: context.repository, remote: remote, environment: context.environment)
            : nil
        var gateContext = context
        if let sync {
            let fetched = FetchOnce(sync: sync)
            gateContext.refreshVerdicts = { try fetched.run() }
        }
        var pushGate = Gate(context: gateContext, config: gate.config)
        pushGate.configStamp = gate.configStamp
        let started = Date()
        var results: [(commit: PushPlan.GatedCommit, result: GateResult)] = []
        for gated in plan.gated {
            let result = try await pushGate.check(CheckOptions(revision: gated.commit.hex))
            results.append((gated, result))
        }
        var outcome = Outcome(plan: plan, results: results, warnings: results.flatMap(\.result.warnings), waited: 0)
        if outcome.ranAnything { outcome.waited = Date().timeIntervalSince(started) }
        if let sync, try outcome.ranAnything || sync.hasUnpushedNotes() {
            let warnings = try sync.push()
            warnings.forEach(context.progress.warning)
            outcome.warnings += warnings
        }
        outcome.warnings += recordForFastPath(plan, sync: sync, gate: pushGate)
        return outcome
    }

    /// Tells the fast path, already decided, what this push established: each gated commit's
    /// passes as the notes now say (a merge of the remote's notes may have changed them), and
    /// whether this remote needs notes pushed at the current notes tip.
    private func recordForFastPath(_ plan: PushPlan, sync: NotesSync?, gate: Gate) -> [String] {
        let context = gate.context
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

/// The remote's notes are fetched at most once per push, however many commits miss the cache.
private final class FetchOnce: @unchecked Sendable {
    private let sync: NotesSync
    private let lock = NSLock()
    private var done = false

    init(sync: NotesSync) {
        self.sync = sync
    }

    func run() throws -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if done { return [] }
        done = true
        return try sync.fetchAndMerge()
    }
}
