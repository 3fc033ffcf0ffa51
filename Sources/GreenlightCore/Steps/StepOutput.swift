/// A step's output stream: every byte to the log file, a bounded copy in memory for the report,
/// and every byte through the test-output analyzer (counts, failures, hang dumps).
final class StepOutput: OutputSink {
    let capture: OutputCapture
    let log: LogFile?
    let analyzer: TestOutputAnalyzer?

    init(capture: OutputCapture = OutputCapture(), log: LogFile?, analyzer: TestOutputAnalyzer? = nil) {
        self.capture = capture
        self.log = log
        self.analyzer = analyzer
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        capture.append(bytes)
        log?.write(bytes)
        analyzer?.write(bytes)
    }
}
