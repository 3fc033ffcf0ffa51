import Foundation

extension StepResult {
    /// One line saying how the step ended, for reports, progress and logs:
    /// "passed in 1.2s", "failed with exit code 1 after 3.0s", "timed out after 5m (…)".
    public var summary: String {
        let seconds = String(format: "%.1fs", duration)
        switch verdict {
        case .pass: return "passed in \(seconds)"
        case .skipped: return problem ?? "not run"
        case .error: return problem ?? "error"
        case .fail:
            if timedOut, let limit = timeout {
                return "timed out after \(DurationParser.format(limit)) (killed with its process group)"
            }
            return "failed with exit code \(exitCode.map(String.init) ?? "?") after \(seconds)"
        }
    }
}
