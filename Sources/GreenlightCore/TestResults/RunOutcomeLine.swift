/// The lines in which a test runner states that its run failed, as opposed to a single test's
/// failure line, which a passing test may print as text (a test of a CLI or of a test runner):
/// a step that exits 0 is overruled only by a runner's own verdict.
///
/// - go test: a package line `FAIL\tpkg\t0.2s` (or `[build failed]`), and the closing `FAIL`;
///   test2json: a package-level `"Action":"fail"` event (https://pkg.go.dev/cmd/test2json).
/// - Ginkgo: `FAIL! -- N Passed | M Failed | …`.
/// - pytest: the summary line with `N failed` or `N error(s)`.
/// - XCTest: `Executed N tests, with M failures` (M > 0).
/// - Swift Testing: `✘ Test run with N tests … failed after …`.
/// - cargo test: `test result: FAILED.`
enum RunOutcomeLine {
    /// Whether `line` (escapes removed) is a runner's statement that its run failed.
    static func saysFailed(_ line: Substring) -> Bool {
        guard let first = line.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "F"):
            if line == "FAIL" { return true }
            if OutputText.hasPrefix(line, "FAIL! -- ") { return true }
            if OutputText.hasPrefix(line, "FAIL"), case .fail? = GoTestLine.package(line) { return true }
            return false
        case UInt8(ascii: "t"):
            return OutputText.hasPrefix(line, "test result: FAILED")
        case UInt8(ascii: "E"):
            guard OutputText.hasPrefix(line, "Executed "), let with = OutputText.range(of: ", with ", in: line) else { return false }
            let words = OutputText.words(line[with.upperBound...])
            return words.count >= 2 && OutputText.hasPrefix(words[1], "failure") && (OutputText.integer(words[0]) ?? 0) > 0
        case UInt8(ascii: "="):
            let title = OutputText.trimmed(OutputText.stripping("=", from: line))
            return pytestSummarySaysFailed(title)
        default:
            if OutputText.contains(line, "Test run with "), OutputText.contains(line, " failed after ") { return true }
            if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") { return pytestSummarySaysFailed(line) }
            return false
        }
    }

    /// A `go test -json` event line for a whole package's failure (no `"Test"` field).
    static func jsonSaysFailed(_ line: Substring) -> Bool {
        OutputText.contains(line, "\"Action\":\"fail\"") && !OutputText.contains(line, "\"Test\":")
    }

    private static func pytestSummarySaysFailed(_ text: Substring) -> Bool {
        guard OutputText.hasSuffix(text, "s"), let counts = PytestRecognizer.summary(text) else { return false }
        return counts.failed > 0
    }
}
