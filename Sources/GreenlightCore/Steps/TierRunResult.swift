import Foundation

/// A tier that ran: its verdict, every step, and what the report and the note need.
public struct TierRunResult: Sendable, Codable {
    public var tier: Tier
    public var verdict: Verdict
    public var steps: [StepResult]
    public var summary: String
    public var failingTests: [String]
    /// The tier's log (clean room), `nil` when each step has its own (fast tier).
    public var log: String?
    public var backend: String
    /// How the tier was sealed (`bwrap`, `none`, `kubernetes-pod`); recorded in the note.
    public var isolation: Isolation
    public var startedAt: Date
    public var finishedAt: Date
    /// Set when the fast tier ran in the workspace and a tracked file, the index or HEAD changed
    /// while it ran: what changed, as the gate's error message. The steps' results then describe
    /// no commit, and the gate records nothing for any tier.
    public var workspaceChanged: String?
    /// Attestation lines made by someone else for this run (the cluster attestor's DSSE envelope,
    /// copied from the Job), written into the note with the record.
    public var attestations: [String] = []
    /// Said to the user with the result (an attestation that did not come, and what that costs).
    public var warnings: [String] = []
    /// The names of the caches (`clean_room.caches`) the steps had mounted read-write; recorded in the note.
    public var caches: [String] = []

    /// Builds the result from step results: the worst step decides; a tier-level
    /// `problem` (could not prepare, deadline) makes it an `error`.
    init(tier: Tier, steps: [StepResult], problem: String?, log: String?, backend: String, isolation: Isolation,
         startedAt: Date, finishedAt: Date) {
        self.tier = tier
        self.isolation = isolation
        self.steps = steps
        self.log = log
        self.backend = backend
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        let errors = steps.filter { $0.verdict == .error }
        let failures = steps.filter { $0.verdict == .fail }
        if let problem {
            verdict = .error
            summary = problem
        } else if let first = errors.first {
            verdict = .error
            summary = first.problem ?? "step '\(first.name)' could not be run"
        } else if !failures.isEmpty {
            verdict = .fail
            summary = failures.map { "step '\($0.name)' \($0.summary)" }.joined(separator: "; ")
        } else if let stopped = steps.first(where: { $0.verdict == .skipped }) {
            // Nothing failed, yet not every step finished: stopped from outside (Ctrl-C).
            verdict = .error
            summary = "step '\(stopped.name)' was stopped before it finished"
        } else {
            verdict = .pass
            summary = ""
        }
        let recognizer = FailingTestRecognizer()
        var tests: [String] = []
        for step in failures {
            let names = step.failures.isEmpty ? recognizer.failingTests(in: step.output) : step.failures.map(\.name)
            for name in names where !tests.contains(name) { tests.append(name) }
        }
        failingTests = tests
    }

    /// A result whose verdict was decided elsewhere (a remote Job's conditions), not by the steps alone.
    init(tier: Tier, verdict: Verdict, summary: String, steps: [StepResult], log: String?, backend: String,
         isolation: Isolation, startedAt: Date, finishedAt: Date) {
        self.init(tier: tier, steps: steps, problem: nil, log: log, backend: backend, isolation: isolation,
                  startedAt: startedAt, finishedAt: finishedAt)
        self.verdict = verdict
        self.summary = verdict == .pass ? "" : (summary.isEmpty ? self.summary : summary)
    }

    func record(for commit: ResolvedCommit, digest: String) -> VerdictRecord {
        var record = VerdictRecord(verdict: verdict, tier: tier, commit: commit.commit, tree: commit.tree, digest: digest,
                      backend: backend, isolation: isolation, startedAt: startedAt, finishedAt: finishedAt, steps: steps.map(\.record),
                      summary: summary, failingTests: failingTests.isEmpty ? nil : failingTests,
                      log: log ?? steps.first { $0.verdict == .fail || $0.verdict == .error }?.log)
        record.caches = caches.isEmpty ? nil : caches
        return record
    }
}
