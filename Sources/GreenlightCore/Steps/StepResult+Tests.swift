import Foundation

extension StepResult {
    /// Takes in what the step's output and reports said about its tests: counts, failures
    /// with locations, the failure blocks the report quotes, and a hang's diagnosis.
    ///
    /// - A passing step recognised as a test run that ran no test fails with "ran no tests",
    ///   unless `allowNoTests` (the step's `allow_no_tests`).
    /// - A hang is kept when the step timed out, or when the output itself carries a dump
    ///   (Go's "panic: test timed out"); a test merely left unfinished by a crash is no hang.
    mutating func apply(_ summary: TestRunSummary, allowNoTests: Bool) {
        tests = summary.counts
        failures = summary.failures
        failureBlocks = summary.failureBlocks
        if let found = summary.hang, timedOut || !found.frames.isEmpty { hang = found }
        if verdict == .pass, summary.ranNoTests, !allowNoTests {
            verdict = .fail
            let runners = summary.runners.joined(separator: ", ")
            problem = "ran no tests: its output is a test run (\(runners)) that ran none; "
                + "if that is intended, set allow_no_tests: true on the step"
        }
    }
}
