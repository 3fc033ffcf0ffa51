import Foundation

extension StepResult {
    /// Takes in what the step's output and reports said about its tests: counts, failures
    /// with locations, the failure blocks the report quotes, and a hang's diagnosis.
    ///
    /// - A step that exited 0 while its test runner states the run failed (`RunOutcomeLine`, or a
    ///   report with failures) fails: a pipe such as `go test | tee` hides the test command's
    ///   status. A lone failure line that a passing test printed as text does not count.
    /// - A passing step recognised as a test run that ran no test fails with "ran no tests",
    ///   unless `allowNoTests` (the step's `allow_no_tests`).
    /// - A hang is kept when the step timed out, or when the output itself carries a dump
    ///   (Go's "panic: test timed out"); a test merely left unfinished by a crash is no hang.
    mutating func apply(_ summary: TestRunSummary, allowNoTests: Bool) {
        tests = summary.counts
        // A passing step's "failures" are text its tests printed (a test of a test runner, say).
        failures = verdict == .pass && !summary.runFailed ? [] : summary.failures
        failureBlocks = verdict == .pass && !summary.runFailed ? [] : summary.failureBlocks
        if let found = summary.hang, timedOut || !found.frames.isEmpty { hang = found }
        let failed = max(summary.counts?.failed ?? 0, summary.failures.count)
        if verdict == .pass, summary.runFailed {
            // `go test ./... | tee log` exits with tee's status: the tests' own word decides.
            verdict = .fail
            let names = summary.failures.prefix(3).map(\.name).joined(separator: ", ")
            problem = failed > 0
                ? "exited 0, but its output reports \(failed) failing test\(failed == 1 ? "" : "s")"
                    + (names.isEmpty ? "" : " (\(names)\(summary.failures.count > 3 ? ", …" : ""))")
                    + "; a pipe or `|| true` may hide the test command's status"
                : "exited 0, but its test runner reports that the run failed; a pipe or `|| true` may hide the test command's status"
        } else if verdict == .pass, summary.ranNoTests, !allowNoTests {
            verdict = .fail
            let runners = summary.runners.joined(separator: ", ")
            problem = "ran no tests: its output is a test run (\(runners)) that ran none; "
                + "if that is intended, set allow_no_tests: true on the step"
        }
    }
}
