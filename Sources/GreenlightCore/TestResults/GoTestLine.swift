import Foundation

/// The lines of `go test` output that Go's testing package and `go test` print, parsed.
/// Formats: https://pkg.go.dev/cmd/go#hdr-Test_packages and the source of
/// `testing` (`--- FAIL: Name (0.00s)`, `=== RUN   Name`, a `t.Log` line `    file_test.go:12: msg`)
/// and `cmd/go` (`ok  \tpkg\t0.1s`, `FAIL\tpkg\t0.2s`, `?   \tpkg\t[no test files]`).
enum GoTestLine {
    enum Outcome: String { case pass = "PASS", fail = "FAIL", skip = "SKIP" }

    /// `--- PASS: TestName (0.00s)`, possibly indented (subtests): outcome, name, indentation.
    static func result(_ line: Substring) -> (outcome: Outcome, name: Substring, indent: Int)? {
        let indent = OutputText.indentation(line)
        let body = line.dropFirst(indent)
        guard OutputText.hasPrefix(body, "--- ") else { return nil }
        for outcome in [Outcome.fail, .pass, .skip] {
            if let rest = OutputText.after("--- \(outcome.rawValue): ", in: body) {
                let name = OutputText.firstWord(rest)
                return name.isEmpty ? nil : (outcome, name, indent)
            }
        }
        return nil
    }

    /// `=== RUN   Name`, `=== CONT  Name`, `=== NAME  Name`, `=== PAUSE Name`.
    static func update(_ line: Substring) -> (action: Substring, name: Substring)? {
        guard OutputText.hasPrefix(line, "=== ") else { return nil }
        let rest = line.dropFirst(4)
        let action = rest.prefix { $0 != " " }
        guard ["RUN", "CONT", "NAME", "PAUSE"].contains(action) else { return nil }
        let name = OutputText.trimmed(rest.dropFirst(action.count))
        return (action, name)
    }

    enum PackageResult: Equatable {
        /// `ok  \tpkg\t0.1s`; `noTests` with ` [no tests to run]`.
        case ok(noTests: Bool)
        /// `FAIL\tpkg\t0.2s`; `built: false` with `[build failed]` or `[setup failed]`.
        case fail(built: Bool)
        /// `?   \tpkg\t[no test files]`.
        case noTestFiles
    }

    /// A package's closing line as `go test` prints it.
    static func package(_ line: Substring) -> PackageResult? {
        guard let first = line.first, first == "o" || first == "F" || first == "?" else { return nil }
        let words = OutputText.words(line)
        guard words.count >= 3 else { return nil }
        switch words[0] {
        case "ok":
            guard OutputText.isSeconds(words[2]) || words[2] == "(cached)" else { return nil }
            return .ok(noTests: OutputText.contains(line, "[no tests to run]"))
        case "FAIL":
            if OutputText.isSeconds(words[2]) { return .fail(built: true) }
            if words[2] == "[build" || words[2] == "[setup" { return .fail(built: false) }
            return nil
        case "?":
            return OutputText.hasSuffix(line, "[no test files]") ? .noTestFiles : nil
        default:
            return nil
        }
    }

    /// gotestsum's closing line, `DONE 6 tests, 1 skipped, 3 failures, 1 error in 0.126s`
    /// (https://github.com/gotestyourself/gotestsum, `testjson/summary.go`): its counts, with
    /// errors (a package that failed to build or panicked) as failures.
    static func gotestsumDone(_ line: Substring) -> TestCounts? {
        guard let rest = OutputText.after("DONE ", in: line), let inRange = OutputText.lastRange(of: " in ", in: rest) else { return nil }
        var total: Int?
        var counts = TestCounts()
        for part in rest[..<inRange.lowerBound].split(separator: ",") {
            let words = OutputText.words(part)
            guard words.count == 2, let number = OutputText.integer(words[0]) else { return nil }
            switch words[1] {
            case "tests", "test": total = number
            case "skipped": counts.skipped = number
            case "failures", "failure": counts.failed += number
            case "errors", "error": counts.failed += number
            default: return nil
            }
        }
        guard let total else { return nil }
        counts.passed = max(0, total - counts.skipped - counts.failed)
        return counts
    }

    /// A `t.Log`/`t.Error` line, `file_test.go:12: message`, indentation removed.
    static func logLine(_ line: Substring) -> (file: Substring, line: Int, message: Substring)? {
        let text = OutputText.trimmed(line)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let file = text[..<colon]
        guard OutputText.hasSuffix(file, ".go"), !OutputText.contains(file, " ") else { return nil }
        let rest = text[text.index(after: colon)...]
        guard let second = rest.firstIndex(of: ":"), let number = OutputText.integer(rest[..<second]) else { return nil }
        return (file, number, OutputText.trimmed(rest[rest.index(after: second)...]))
    }

    /// A failed test's message and location from the lines it printed: the first `t.Log`
    /// line gives the location and starts the message; the lines after it follow as printed.
    static func failure(from lines: [String], paths: ProjectPaths) -> (message: String?, location: String?) {
        var location: String?
        var parts: [Substring] = []
        for line in lines {
            let text = line[...]
            if GoTestLine.result(text) != nil || GoTestLine.update(text) != nil { continue }
            if location == nil, let log = logLine(text) {
                location = paths.location(log.file, line: log.line)
                parts = [log.message]
            } else if location != nil || !OutputText.isBlank(text) {
                parts.append(OutputText.trimmed(text))
            }
        }
        return (FailureList.cleanMessage(parts.joined(separator: "\n")), location)
    }
}
