/// A step's output stream: every byte to the log file, a bounded copy in memory for the report,
/// and every byte through the test-output analyzer (counts, failures, hang dumps), which reads
/// on a thread of its own (`BackgroundSink`) so that it does not slow the step down.
final class StepOutput: OutputSink {
    let capture: OutputCapture
    let log: LogFile?
    let analyzer: TestOutputAnalyzer?
    private let analysis: BackgroundSink?

    init(capture: OutputCapture = OutputCapture(), log: LogFile?, analyzer: TestOutputAnalyzer? = nil) {
        self.capture = capture
        self.log = log
        self.analyzer = analyzer
        analysis = analyzer.map { BackgroundSink(target: $0) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        capture.append(bytes)
        log?.write(bytes)
        analysis?.write(bytes)
    }

    /// What the analyzer made of every byte written (it waits for the analyzer to catch up).
    func testSummary() -> TestRunSummary? {
        analysis?.finish()
        return analyzer?.finish()
    }
}
