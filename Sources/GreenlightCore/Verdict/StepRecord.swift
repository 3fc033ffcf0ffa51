/// One step's result inside a verdict record.
public struct StepRecord: Codable, Equatable, Sendable {
    public var name: String
    public var verdict: StepVerdict
    /// `nil` when the step never ran (skipped after a fail-fast stop).
    public var exitCode: Int32?
    public var durationSeconds: Double
    /// The step's own limit (its `timeout` or `idle_timeout`) fired.
    public var timedOut: Bool?
    /// It was the `idle_timeout` that fired: no output for that long.
    public var idleTimedOut: Bool?
    /// The tests the step ran, when its output (or its JUnit reports) counted them; `nil` when
    /// it was not recognised as a test run or did not count (never read as zero).
    public var tests: TestCounts?
    /// Failing tests with message and location (at most `StepRecord.failureLimit`).
    public var failures: [TestFailure]?
    /// What a step that timed out was doing.
    public var hang: HangReport?

    /// At most this many failures are recorded per step, each message cut to `messageLimit` characters.
    public static let failureLimit = 20
    public static let messageLimit = 300

    public init(name: String, verdict: StepVerdict, exitCode: Int32?, durationSeconds: Double, timedOut: Bool? = nil,
                idleTimedOut: Bool? = nil, tests: TestCounts? = nil, failures: [TestFailure]? = nil, hang: HangReport? = nil) {
        self.name = name
        self.verdict = verdict
        self.exitCode = exitCode
        self.durationSeconds = durationSeconds
        self.timedOut = timedOut
        self.idleTimedOut = idleTimedOut
        self.tests = tests
        self.failures = failures.map { Array($0.prefix(Self.failureLimit)).map(Self.bounded) }
        self.hang = hang
    }

    private static func bounded(_ failure: TestFailure) -> TestFailure {
        var failure = failure
        if let message = failure.message, message.count > messageLimit { failure.message = String(message.prefix(messageLimit)) + "…" }
        return failure
    }

    enum CodingKeys: String, CodingKey {
        case name, verdict, tests, failures, hang
        case exitCode = "exit_code"
        case durationSeconds = "duration_s"
        case timedOut = "timed_out"
        case idleTimedOut = "idle_timed_out"
    }
}
