import Foundation

/// The JSON document `greenlight check --json` prints.
public struct CheckDocument: Encodable, Sendable {
    public struct Step: Encodable, Sendable {
        let name: String
        let verdict: String
        let exit_code: Int32?
        let duration_s: Double
        let timed_out: Bool?
        let log: String?
        var idle_timed_out: Bool? = nil
        /// `{passed, failed, skipped}` when the step's output or reports counted its tests.
        var tests: TestCounts? = nil
        /// `[{name, message, location}]` of the failing tests.
        var failures: [TestFailure]? = nil
        /// `{test, frames}` when the step hung.
        var hang: HangReport? = nil
        /// Why a step that did not finish did not (`"stopped: another step failed first (fail_fast)"`).
        var reason: String? = nil

        init(name: String, verdict: String, exit_code: Int32?, duration_s: Double, timed_out: Bool?, log: String?,
             record: StepRecord) {
            self.name = name
            self.verdict = verdict
            self.exit_code = exit_code
            self.duration_s = duration_s
            self.timed_out = timed_out
            self.log = log
            idle_timed_out = record.idleTimedOut
            tests = record.tests
            failures = record.failures
            hang = record.hang
        }

        /// `exit_code` and `log` are always present, `null` when unknown, so consumers need not guess.
        public func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey { case name, verdict, exit_code, duration_s, timed_out, log, idle_timed_out, tests, failures, hang, reason }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(name, forKey: .name)
            try container.encode(verdict, forKey: .verdict)
            try container.encode(exit_code, forKey: .exit_code)
            try container.encode(duration_s, forKey: .duration_s)
            try container.encodeIfPresent(timed_out, forKey: .timed_out)
            try container.encode(log, forKey: .log)
            try container.encodeIfPresent(idle_timed_out, forKey: .idle_timed_out)
            try container.encodeIfPresent(tests, forKey: .tests)
            try container.encodeIfPresent(failures, forKey: .failures)
            try container.encodeIfPresent(hang, forKey: .hang)
            try container.encodeIfPresent(reason, forKey: .reason)
        }
    }

    public struct TierEntry: Encodable, Sendable {
        let name: String
        /// pass, fail, error, skipped or not_configured.
        let verdict: String
        let cached: Bool
        let digest: String
        let backend: String?
        let summary: String?
        let failing_tests: [String]?
        let log: String?
        let steps: [Step]
        /// The caches (`clean_room.caches`) the clean room had mounted; absent when none.
        var caches: [String]? = nil
    }

    let commit: String
    let tree: String
    let verdict: String
    let cached: Bool
    let tiers: [TierEntry]
    let warnings: [String]

    public init(_ result: GateResult) {
        commit = result.commit.commit.hex
        tree = result.commit.tree.hex
        verdict = result.verdict.rawValue
        cached = result.isCached
        warnings = result.warnings
        tiers = result.tiers.map(Self.entry)
    }

    private static func entry(_ tier: TierResult) -> TierEntry {
        switch tier.state {
        case let .ran(ran):
            let steps = ran.steps.map { result in
                var step = Step(name: result.name, verdict: result.verdict.rawValue, exit_code: result.exitCode,
                                duration_s: result.record.durationSeconds, timed_out: result.timedOut ? true : nil, log: result.log, record: result.record)
                if result.verdict == .skipped { step.reason = result.problem }
                return step
            }
            var entry = TierEntry(name: tier.tier.rawValue, verdict: ran.verdict.rawValue, cached: false, digest: tier.digest,
                                  backend: ran.backend, summary: ran.summary.isEmpty ? nil : ran.summary,
                                  failing_tests: ran.failingTests.isEmpty ? nil : ran.failingTests,
                                  log: ran.log, steps: steps)
            entry.caches = ran.caches.isEmpty ? nil : ran.caches
            return entry
        case let .cached(record):
            let steps = record.steps.map {
                Step(name: $0.name, verdict: $0.verdict.rawValue, exit_code: $0.exitCode, duration_s: $0.durationSeconds,
                     timed_out: $0.timedOut, log: nil, record: $0)
            }
            var entry = TierEntry(name: tier.tier.rawValue, verdict: record.verdict.rawValue, cached: true, digest: tier.digest,
                                  backend: record.backend, summary: record.summary.isEmpty ? nil : record.summary,
                                  failing_tests: record.failingTests, log: record.log, steps: steps)
            entry.caches = record.caches
            return entry
        case let .skipped(reason):
            return TierEntry(name: tier.tier.rawValue, verdict: "skipped", cached: false, digest: tier.digest, backend: nil,
                             summary: reason, failing_tests: nil, log: nil, steps: [])
        case .notConfigured:
            return TierEntry(name: tier.tier.rawValue, verdict: "not_configured", cached: false, digest: tier.digest,
                             backend: nil, summary: nil, failing_tests: nil, log: nil, steps: [])
        }
    }

    /// Pretty-printed, keys sorted.
    public func json() throws(InternalError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            throw InternalError("cannot encode the JSON document: \(error)")
        }
    }
}
