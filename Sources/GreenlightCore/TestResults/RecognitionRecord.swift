/// What the recognisers of one output found together: the runners seen, the failures, the
/// failure blocks and the tests still running. Each recogniser keeps its own counts.
struct RecognitionRecord: Sendable {
    let paths: ProjectPaths
    private(set) var runners: [String] = []
    var failures = FailureList()
    var blocks = FailureBlockList()
    var running = RunningTests()
    /// A Ginkgo suite just printed its "Ran N of M Specs": the next top-level Go test result
    /// is the `go test` function that ran the suite (`TestBooks`), not a test of its own, and
    /// is neither counted nor listed, since Ginkgo counted its specs.
    var ginkgoSuiteEnded = false

    init(paths: ProjectPaths) {
        self.paths = paths
    }

    /// Notes that `runner` printed something of its own.
    mutating func saw(_ runner: String) {
        if !runners.contains(runner) { runners.append(runner) }
    }

    var retainedBytes: Int { failures.retainedBytes + blocks.retainedBytes + running.retainedBytes }
}
