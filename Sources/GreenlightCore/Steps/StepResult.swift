import Foundation

/// What happened when one step ran, with what a report needs about it.
public struct StepResult: Sendable, Codable {
    public var name: String
    public var verdict: StepVerdict
    public var exitCode: Int32?
    public var timedOut: Bool
    public var duration: TimeInterval
    /// The step's own limit, when it fired (its `idle_timeout` when `idleTimedOut`).
    public var timeout: TimeInterval?
    /// Head and tail of its output (bounded).
    public var output: String
    public var log: String?
    /// Why greenlight could not run it, for `error` steps; for a `fail` that its exit status
    /// does not explain ("ran no tests"), why it failed.
    public var problem: String?
    /// It was the `idle_timeout` that fired.
    public var idleTimedOut = false
    /// What its output and reports said about the tests it ran.
    public var tests: TestCounts?
    public var failures: [TestFailure] = []
    public var hang: HangReport?
    /// The lines around each failure, quoted in the report before the tail of the output.
    public var failureBlocks: [[String]] = []
    /// The processes asked for their state when it hung ("SIGQUIT to cmd.test (pid 42, …)").
    public var stateRequests: [String] = []
    /// Said with the result (a report that could not be read).
    public var warnings: [String] = []

    public init(name: String, verdict: StepVerdict, exitCode: Int32?, timedOut: Bool, duration: TimeInterval,
                timeout: TimeInterval? = nil, output: String, log: String?, problem: String? = nil) {
        self.name = name
        self.verdict = verdict
        self.exitCode = exitCode
        self.timedOut = timedOut
        self.duration = duration
        self.timeout = timeout
        self.output = output
        self.log = log
        self.problem = problem
    }

    public var record: StepRecord {
        StepRecord(name: name, verdict: verdict, exitCode: exitCode,
                   durationSeconds: (duration * 1000).rounded() / 1000, timedOut: timedOut ? true : nil,
                   idleTimedOut: idleTimedOut ? true : nil, tests: tests,
                   failures: failures.isEmpty ? nil : failures, hang: hang)
    }

    static func skipped(_ name: String) -> StepResult {
        StepResult(name: name, verdict: .skipped, exitCode: nil, timedOut: false, duration: 0, output: "", log: nil,
                   problem: "not run")
    }

    /// Why a step did not finish when another step's failure stopped it (`fail_fast`).
    static let stoppedByFailFast = "stopped: another step failed first (fail_fast)"
}
