/// A step's output stream: every byte to the log file, a bounded copy in memory for the report.
final class StepOutput: OutputSink {
    let capture: OutputCapture
    let log: LogFile?

    init(capture: OutputCapture = OutputCapture(), log: LogFile?) {
        self.capture = capture
        self.log = log
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        capture.append(bytes)
        log?.write(bytes)
    }
}
