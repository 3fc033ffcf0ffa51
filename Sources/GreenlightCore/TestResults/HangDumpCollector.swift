import NIOConcurrencyHelpers

/// Reads a hung step's output for the state dump greenlight asked the test process for before
/// killing it, and says what was hanging: the test and its innermost project frames.
///
/// Understood, wherever they appear among ordinary output (lines ANSI-stripped, `go test -json`
/// already unwrapped to its Output text):
/// - Go goroutine dumps: SIGQUIT ("SIGQUIT: quit", "PC=…", every goroutine's stack), "panic: test
///   timed out after 10m0s" (Go ≥1.20 adds "running tests:"), and "fatal error: all goroutines are
///   asleep - deadlock!". The test is the one whose function sits just above `testing.tRunner`;
///   https://go.dev/src/runtime/traceback.go, https://pkg.go.dev/runtime (GOTRACEBACK).
/// - Ginkgo v2 progress reports (printed on SIGINT, SIGINFO/SIGUSR1 or when polling): the spec
///   text before "(Spec Runtime: …)" and the "Spec Goroutine"'s frames;
///   https://onsi.github.io/ginkgo/#getting-visibility-into-long-running-specs.
/// - Python faulthandler tracebacks (SIGABRT with PYTHONFAULTHANDLER=1, or under pytest): the
///   thread running a `test…` function; https://docs.python.org/3/library/faulthandler.html.
/// - JVM thread dumps (SIGQUIT, "Full thread dump …"): the thread running a method of a test
///   class; https://docs.oracle.com/en/java/javase/17/troubleshoot/diagnostic-tools.html.
/// - Swift runtime backtraces (SIGABRT with `SWIFT_BACKTRACE=enable=yes`, "*** Program crashed:"):
///   the thread running an XCTest method or a Swift Testing `@Test` function;
///   https://github.com/swiftlang/swift/blob/main/docs/Backtracing.rst.
///
/// When several dumps appear, the latest wins. With no dump, the report names the last entry of
/// `running` (the most recently started test still open; with parallel tests that is one of
/// several) and no frames; with no dump and nothing running, there is no report.
///
/// Memory is bounded whatever the output: each format is parsed as it streams by and only a
/// summary of each goroutine or thread is kept (at most 5 frames, a test name, a few flags, for
/// a bounded number of them), a line longer than 16 KiB is cut, and nothing outside a dump is kept but
/// the last 8 lines naming a Ginkgo spec.
public final class HangDumpCollector: Sendable {
    private let state: NIOLockedValueBox<HangDumpState>

    /// `projectRoots`: absolute directories holding the checkout ("/work/src", "/clean-room/src").
    /// Frames under them are the project's and are shown relative to the longest matching root;
    /// when roots are given, a frame outside all of them is not the project's.
    public init(projectRoots: [String]) {
        state = NIOLockedValueBox(HangDumpState(paths: HangDumpPaths(projectRoots: projectRoots)))
    }

    /// Every line of the step's output, in order (a chunk with "\n" inside is split; "\r\n" is fine).
    public func consume(_ line: Substring) {
        state.withLockedValue { $0.consume(line) }
    }

    /// What was hanging. `running`: tests that started and never finished, from the runner's own
    /// output, oldest first (may be empty); used to choose among a dump's tests and to name the
    /// test more precisely ("TestX/sub", "tests/test_x.py::TestY::test_z").
    public func report(running: [String]) -> HangReport? {
        state.withLockedValue { $0.report(running: running) }
    }
}
