import Foundation

/// The text `greenlight check` prints when it is done: one line per tier, and for a tier
/// that did not pass, a block made for a coder agent as much as a person: which step,
/// the exit code, the failing tests, the last lines that matter, the full log's path.
public struct CheckReport: Sendable {
    /// How many output lines to quote per failing step.
    public var lines: Int

    public init(lines: Int = 40) {
        self.lines = lines
    }

    public func render(_ result: GateResult) -> String {
        var out: [String] = []
        let verdict = result.verdict
        let cached = result.isCached ? " (cached)" : ""
        out.append("greenlight: \(verdict.rawValue.uppercased()) \(result.commit.commit.short())\(cached)")
        for tier in result.tiers {
            out.append("  \(tier.tier.rawValue): \(tierLine(tier))")
        }
        for tier in result.tiers {
            switch tier.state {
            case let .ran(ran) where ran.verdict != .pass:
                out += details(of: ran)
            case let .cached(record) where record.verdict != .pass:
                out += details(ofCached: record)
            default:
                break
            }
        }
        if verdict == .error {
            out.append("")
            out.append("The gate could not decide; nothing about the code was concluded and nothing was cached.")
            out.append("Fix what the message says and run `greenlight check` again.")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func tierLine(_ tier: TierResult) -> String {
        switch tier.state {
        case let .ran(ran):
            let seconds = String(format: "%.1fs", ran.finishedAt.timeIntervalSince(ran.startedAt))
            return "\(ran.verdict.rawValue) in \(seconds) (\(ran.backend))"
        case let .cached(record):
            return "\(record.verdict.rawValue) (cached from \(NoteCodec.formatDate(record.finishedAt)), re-run with --no-cache)"
        case let .skipped(reason):
            return "skipped: \(reason)"
        case .notConfigured:
            return "not configured"
        }
    }

    private func details(of ran: TierRunResult) -> [String] {
        var out = ["", "\(ran.tier.rawValue) tier: \(ran.verdict.rawValue.uppercased()): \(ran.summary)"]
        for step in ran.steps where step.verdict == .fail || step.verdict == .error {
            out.append("")
            out.append("  step \(step.name): \(step.summary)")
            out += Self.testLines(tests: step.tests, failures: step.failures, hang: step.hang,
                                  names: step.failures.isEmpty ? FailingTestRecognizer().failingTests(in: step.output) : [])
            if step.failureBlocks.isEmpty {
                let excerpt = LogExcerpt.lastLines(of: step.output, count: lines)
                if !excerpt.isEmpty {
                    out.append(excerpt.count == 1 ? "  last line:" : "  last \(excerpt.count) lines:")
                    out += excerpt.map { "    | \($0)" }
                }
            } else {
                let excerpt = FailureExcerpt.lines(blocks: step.failureBlocks, output: step.output, budget: lines)
                out.append("  the failures, then the last lines (\(excerpt.count) lines):")
                out += excerpt.map { "    | \($0)" }
            }
            if let log = step.log { out.append("  full log: \(log)") }
        }
        let unfinished = ran.steps.filter { $0.verdict == .skipped }
        if !unfinished.isEmpty, ran.steps.contains(where: { $0.verdict == .fail || $0.verdict == .error }) {
            out.append("")
            out += unfinished.map { "  step \($0.name): \($0.problem ?? "not run")" }
        }
        if ran.steps.allSatisfy({ $0.verdict != .fail && $0.verdict != .error }), let log = ran.log {
            out.append("  full log: \(log)")
        }
        return out
    }

    private func details(ofCached record: VerdictRecord) -> [String] {
        var out = ["", "\(record.tier.rawValue) tier: \(record.verdict.rawValue.uppercased()) (recorded \(NoteCodec.formatDate(record.finishedAt))): \(record.summary)"]
        let recorded = record.steps.filter { $0.failures != nil || $0.hang != nil }
        for step in recorded {
            out.append("  step \(step.name):")
            out += Self.testLines(tests: step.tests, failures: step.failures ?? [], hang: step.hang, names: [])
        }
        if recorded.isEmpty, let tests = record.failingTests, !tests.isEmpty {
            out.append("  failing tests:")
            out += tests.map { "    - \($0)" }
        }
        if let log = record.log, FileManager.default.fileExists(atPath: log) {
            let excerpt: [String]
            do {
                excerpt = LogExcerpt.lastLines(of: try Self.tail(ofFile: log), count: lines)
            } catch {
                out.append("  the log cannot be read: \(error.localizedDescription)")
                excerpt = []
            }
            if !excerpt.isEmpty {
                out.append(excerpt.count == 1 ? "  last line of the log:" : "  last \(excerpt.count) lines of the log:")
                out += excerpt.map { "    | \($0)" }
            }
            out.append("  full log: \(log)")
        }
        out.append("  this verdict is cached for this commit; change the code, or run `greenlight check --no-cache` to retry")
        return out
    }

    /// The lines about a failing step's tests: the hang's frames, the counts, each failing test
    /// with its location and the first line of its message (or bare `names` when that is all
    /// that is known).
    static func testLines(tests: TestCounts?, failures: [TestFailure], hang: HangReport?, names: [String]) -> [String] {
        var out: [String] = []
        if let hang, !hang.frames.isEmpty {
            out.append("  \(hang.test.map { "hung in \($0)" } ?? "hung"), in the project's code at:")
            out += hang.frames.map { "    \($0)" }
        } else if let hang, let test = hang.test {
            out.append("  hung in \(test) (no stack frames of the project's code were printed)")
        }
        if let tests, tests.total > 0 {
            out.append("  tests: \(tests.passed) passed, \(tests.failed) failed, \(tests.skipped) skipped")
        }
        if !failures.isEmpty {
            out.append("  failing tests:")
            for failure in failures {
                var line = "    - \(failure.name)"
                if let location = failure.location { line += " (\(location))" }
                if let message = failure.message?.split(separator: "\n").first {
                    line += ": \(message.count > 200 ? String(message.prefix(200)) + "…" : String(message))"
                }
                out.append(line)
            }
        } else if !names.isEmpty {
            out.append("  failing tests:")
            out += names.map { "    - \($0)" }
        }
        return out
    }

    /// The last 64 KiB of a file, read without loading the rest.
    /// - Throws: the file system's error when the log is gone or unreadable.
    static func tail(ofFile path: String, bytes: Int = 64 * 1024) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }  // read-only: nothing to lose on close
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size > UInt64(bytes) ? size - UInt64(bytes) : 0)
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }
}
