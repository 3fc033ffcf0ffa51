import NIOConcurrencyHelpers

/// Reads a step's output as it streams (stdout and stderr interleaved) and says what it shows
/// about the tests it ran: the runners, exact counts, failing tests with message and location,
/// the lines around each failure, the tests still running and a hang's diagnosis
/// (`TestRunSummary`).
///
/// Recognised (each recogniser's doc comment gives its format and source):
/// `go test` with and without `-v` (`GoTestRecognizer`, and gotestsum's closing line),
/// `go test -json`/test2json (`GoJSONRecognizer`), Ginkgo v2 (`GinkgoRecognizer`), pytest
/// (`PytestRecognizer`), XCTest (`XCTestRecognizer`), Swift Testing (`SwiftTestingRecognizer`)
/// and `cargo test` (`CargoTestRecognizer`). Anything else (a build, a linter) is not a test
/// run: `runners` is empty and nothing in the summary may be read as "zero tests". Counts of
/// several runners add up (`swift test` runs XCTest and then Swift Testing).
///
/// Lines are cut as a terminal shows them (`OutputLineSplitter`: "\n", "\r\n", "\r" progress
/// rewrites, at most 4096 bytes a line), terminal escapes removed (`TerminalEscapes`), and
/// invalid UTF-8 replaced with U+FFFD. Memory stays bounded whatever the size of the output
/// (tens of kilobytes for a usual run, about a megabyte at the very most): partial lines, the
/// running tests' last lines and the summary's lists all have limits. Every line also goes, in order, to `HangDumpCollector`.
///
/// `write` may be called from any thread, one call at a time or not; `finish` ends the
/// stream and may be called more than once (later calls return the same summary, and later
/// writes are ignored).
public final class TestOutputAnalyzer: OutputSink, Sendable {
    private struct State: Sendable {
        var splitter = OutputLineSplitter()
        var recognition: OutputRecognition
        var summary: TestRunSummary?
    }

    private let state: NIOLockedValueBox<State>

    /// `projectRoots`: the absolute directories the checkout is at (on the host, inside a
    /// sandbox or a pod), to write failure locations relative to the checkout.
    public init(projectRoots: [String] = []) {
        state = NIOLockedValueBox(State(recognition: OutputRecognition(projectRoots: projectRoots)))
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        state.withLockedValue { state in
            guard state.summary == nil else { return }
            // The splitter is moved out while it hands lines to the recognisers, then put back.
            var splitter = OutputLineSplitter()
            swap(&splitter, &state.splitter)
            splitter.feed(bytes) { state.recognition.consume(lineBytes: $0) }
            swap(&splitter, &state.splitter)
        }
    }

    /// Reads the last line (one without its "\n") and returns the summary.
    public func finish() -> TestRunSummary {
        state.withLockedValue { state in
            if let summary = state.summary { return summary }
            var splitter = OutputLineSplitter()
            swap(&splitter, &state.splitter)
            splitter.finish { state.recognition.consume(lineBytes: $0) }
            let summary = state.recognition.finish()
            state.summary = summary
            return summary
        }
    }

    /// The summary of a whole output at once.
    public static func analyze(_ text: String, projectRoots: [String] = []) -> TestRunSummary {
        let analyzer = TestOutputAnalyzer(projectRoots: projectRoots)
        var text = text
        text.withUTF8 { analyzer.write(UnsafeRawBufferPointer($0)) }
        return analyzer.finish()
    }

    /// Bytes the analyzer holds between writes: its line buffer, the recognisers' state and the
    /// summary so far. For the tests that check it stays bounded.
    var retainedBytes: Int {
        state.withLockedValue { $0.splitter.retainedBytes + $0.recognition.retainedBytes }
    }
}
