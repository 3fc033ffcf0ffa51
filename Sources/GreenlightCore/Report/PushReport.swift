import Foundation

/// What the pre-push hook and `greenlight push` print on stderr: one line when the push
/// may go, the full failure report for every commit that may not.
public struct PushReport: Sendable {
    public var lines: Int
    /// After this much waiting inside the hook, recommend `greenlight push`.
    public var longWait: TimeInterval

    public init(lines: Int = 40, longWait: TimeInterval = 60) {
        self.lines = lines
        self.longWait = longWait
    }

    public func render(_ pushed: PushResult, inHook: Bool) -> String {
        var out: [String] = []
        let failing = pushed.results.filter { $0.result.verdict != .pass }
        if failing.isEmpty {
            let count = pushed.results.count
            if count == 0 {
                let passed = pushed.plan.passed.map { "\($0.ref): \($0.reason)" }
                out.append("greenlight: nothing to gate in this push" + (passed.isEmpty ? "" : " (\(passed.joined(separator: "; ")))"))
            } else {
                let cached = pushed.results.allSatisfy(\.result.isCached) ? " (cached)" : ""
                let names = pushed.results.map { "\($0.commit.commit.short()) \($0.commit.refs.joined(separator: ", "))" }
                out.append("greenlight: pass\(cached): \(names.joined(separator: "; "))")
            }
        } else {
            out.append("greenlight: push refused: \(failing.count) of \(pushed.results.count) commit\(pushed.results.count == 1 ? "" : "s") did not pass")
            for (commit, result) in failing {
                out.append("")
                out.append("=== \(commit.refs.joined(separator: ", ")) → \(commit.commit.hex): \(result.verdict.rawValue.uppercased())")
                out.append(CheckReport(lines: lines).render(result).trimmingCharacters(in: .newlines))
            }
            out.append("")
            out.append("Fix the code and commit, then push again: only what changed is re-run.")
            out.append("Bypass (not recommended): git push --no-verify. Re-check a flaky failure: greenlight check --no-cache <commit>.")
        }
        if inHook, pushed.waited >= longWait {
            out.append("greenlight: this push waited \(DurationParser.format(pushed.waited.rounded())) for the gate while git held the connection to the remote open;")
            out.append("greenlight: over SSH an idle connection can time out. Next time run `greenlight push` instead of `git push`: it gates first, then pushes.")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
