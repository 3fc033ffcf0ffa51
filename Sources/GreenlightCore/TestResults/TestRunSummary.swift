/// What a step's output (and its JUnit reports) said about the tests it ran.
public struct TestRunSummary: Equatable, Sendable {
    /// The runners recognised, in order of first sight: `go`, `go-json`, `ginkgo`, `pytest`,
    /// `xctest`, `swift-testing`, `cargo`, `junit`. Empty: the output is not a test run
    /// (a build, a linter), and nothing below may be read as "zero tests".
    public var runners: [String] = []
    /// Exact counts, when every recognised part of the run reported them; `nil` when a part ran
    /// tests without counting them (plain `go test` prints `ok pkg 0.3s`).
    public var counts: TestCounts?
    /// The run was recognised and ran no test at all: every Go package said `[no test files]` or
    /// `[no tests to run]`, pytest said "no tests ran", the counts are all zero, …; precisely:
    /// the counts are known, none passed or failed (every test skipped counts as none run), and
    /// no failure and no running test was seen.
    public var ranNoTests: Bool = false
    /// Failing tests with message and location, in order of first appearance, at most 50.
    public var failures: [TestFailure] = []
    /// The lines around each failure (the assertion and its location, not progress dots), in
    /// order, at most 20 blocks of at most 15 lines each, terminal escapes removed.
    public var failureBlocks: [[String]] = []
    /// Tests that started and never finished (in output order): the candidates for a hang.
    public var running: [String] = []
    /// What a hung step was doing, from a state dump or Go's test-timeout panic.
    public var hang: HangReport?
    /// A runner stated that its run failed (a package's `FAIL` line, pytest's "1 failed",
    /// cargo's "test result: FAILED", a report with failures; see `RunOutcomeLine`), as opposed
    /// to a single failure line that a passing test may print as text.
    public var runFailed = false

    public init() {}

    /// Whether the output was recognised as a test run at all.
    public var isTestRun: Bool { !runners.isEmpty }
}
