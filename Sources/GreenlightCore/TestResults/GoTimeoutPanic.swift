/// Go's test timeout, as `testing` prints it (`(*M).startAlarm` in src/testing/testing.go):
///
///     panic: test timed out after 10m0s
///     running tests:
///     	TestWaits (10m0s)
///     	TestWaits/pod (10m0s)
///
///     goroutine 20 [running]:
///
/// The "running tests:" list (Go 1.20 and later) names the tests that were running.
struct GoTimeoutPanic: Sendable {
    private enum State { case idle, panicked, listing }
    private var state = State.idle

    /// Whether a timeout panic was seen.
    private(set) var timedOut = false

    /// Reads one line; returns the name of a running test when the line lists one.
    mutating func consume(_ line: Substring) -> Substring? {
        switch state {
        case .idle:
            break
        case .panicked:
            if line == "running tests:" {
                state = .listing
                return nil
            }
            state = .idle
        case .listing:
            if OutputText.hasPrefix(line, "\t") {
                var name = OutputText.trimmed(line.dropFirst())
                if OutputText.hasSuffix(name, ")"), let open = OutputText.lastRange(of: " (", in: name) {
                    name = name[..<open.lowerBound]
                }
                return name.isEmpty ? nil : name
            }
            state = .idle
        }
        if OutputText.hasPrefix(line, "panic: test timed out after ") {
            state = .panicked
            timedOut = true
        }
        return nil
    }
}
