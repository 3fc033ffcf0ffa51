import Foundation

extension StepResult {
    /// One line saying how the step ended, for reports, progress and logs:
    /// "passed in 1.2s", "failed with exit code 1 after 3.0s", "timed out after 5m: hung in
    /// TestX (cmd/x.go:12 wait)", "produced no output for 2m (idle_timeout): …", "ran no tests …".
    public var summary: String {
        let seconds = String(format: "%.1fs", duration)
        switch verdict {
        case .pass: return "passed in \(seconds)"
        case .skipped: return problem ?? "not run"
        case .error: return problem ?? "error"
        case .fail:
            if timedOut, let limit = timeout {
                let what = idleTimedOut
                    ? "produced no output for \(DurationParser.format(limit)) (idle_timeout)"
                    : "timed out after \(DurationParser.format(limit))"
                if let hang = hang?.description { return "\(what): \(hang)" }
                return "\(what) (killed with its process group)"
            }
            if let problem { return problem }
            return "failed with exit code \(exitCode.map(String.init) ?? "?") after \(seconds)"
        }
    }
}
