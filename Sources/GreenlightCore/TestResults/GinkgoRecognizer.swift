import Foundation

/// Ginkgo v2's default reporter (https://onsi.github.io/ginkgo/#running-specs; source:
/// `reporters/default_reporter.go` in github.com/onsi/ginkgo/v2): runner `ginkgo`.
///
///     Running Suite: Books Suite - /src/books
///     Will run 6 of 7 specs
///     ------------------------------
///     • [FAILED] [0.000 seconds]
///     Books Categorizing book length [It] says short books are short stories
///     /src/books/books_test.go:18
///
///       [FAILED] Expected
///           <string>: SHORT STORY
///       to equal
///           <string>: NOVEL
///       In [It] at: /src/books/books_test.go:19 @ 12/01/26 04:05:57.285
///     ------------------------------
///     Summarizing 1 Failure:
///       [FAIL] Books Categorizing book length [It] says short books are short stories
///       /src/books/books_test.go:19
///
///     Ran 5 of 7 Specs in 0.001 seconds
///     FAIL! -- 3 Passed | 1 Failed | 1 Pending | 2 Skipped
///
/// - Counts: from each suite's last line: passed, failed, and pending plus skipped as
///   skipped (flaked and repeated specs are already among the passed). A suite that started
///   and never printed them (killed, or the succinct reporter's one-line success) makes the
///   counts unknown.
/// - Failures: each `• [FAILED]` (`[PANICKED]`, `[TIMEDOUT]`, `[INTERRUPTED]`, `[ABORTED]`)
///   block: its name (the container texts and the spec's), the message after `[FAILED]`, and
///   the location from `In [It] at:`; the "Summarizing" list adds any it missed.
struct GinkgoRecognizer: Sendable {
    static let runner = "ginkgo"
    private static let states = ["FAILED", "PANICKED", "TIMEDOUT", "INTERRUPTED", "ABORTED"]
    private static let summaryHeadings = ["[FAIL] ", "[PANICKED!] ", "[TIMEDOUT] ", "[INTERRUPTED] ", "[ABORTED] "]

    private struct Detail: Sendable {
        var state: String
        var lines: [String]
        var name: String?
        var message: [String] = []
        var messageIndent = 0
        var inMessage = false
        var location: String?
        /// The location lies inside the checkout (a panic's is in Go's runtime: the first
        /// frame of the project's own code in the stack trace replaces it).
        var locationInProject = false
        var afterLocation = false
    }

    private(set) var active = false
    private var totals = TestCounts()
    private var started = 0
    private var ended = 0
    private var countsKnown = true
    private var specsRun: (ran: Int, total: Int)?
    private var detail: Detail?
    private var summarizing = false
    private var summaryName: String?

    var counts: TestCounts? { countsKnown && started <= ended ? totals : nil }

    var retainedBytes: Int {
        (detail.map { $0.lines.reduce(0) { $0 + $1.utf8.count } + $0.message.reduce(0) { $0 + $1.utf8.count } } ?? 0)
            + (summaryName?.utf8.count ?? 0)
    }

    private mutating func activate(_ record: inout RecognitionRecord) {
        if !active {
            active = true
            record.saw(Self.runner)
        }
    }

    mutating func consume(_ line: Substring, into record: inout RecognitionRecord) {
        if detail != nil, continueDetail(line, record: &record) { return }
        if summarizing, continueSummary(line, record: &record) { return }

        if OutputText.hasPrefix(line, "Running Suite: ") {
            activate(&record)
            started += 1
        } else if let state = Self.failureHeader(line) {
            activate(&record)
            detail = Detail(state: state, lines: [FailureBlockList.cut(OutputText.trimmedEnd(line))])
        } else if OutputText.hasPrefix(line, "Summarizing "), OutputText.hasSuffix(line, " Failures:") || OutputText.hasSuffix(line, " Failure:"), active {
            summarizing = true
        } else if OutputText.hasPrefix(line, "Ran "), let specs = Self.ran(line) {
            activate(&record)
            specsRun = specs
            record.ginkgoSuiteEnded = true
        } else if (OutputText.hasPrefix(line, "SUCCESS!") || OutputText.hasPrefix(line, "FAIL!")), active {
            endSuite(line)
        } else if OutputText.hasPrefix(line, "["), Self.isSuccinctSuite(line) {
            // The succinct reporter (`ginkgo` running several suites): "[1234] Books Suite - 6/7 specs
            // •••• SUCCESS! 1.2ms" counts nothing; a failing suite goes on to print its counts.
            activate(&record)
            started += 1
            if OutputText.contains(line, " SUCCESS! ") || OutputText.hasSuffix(line, " SUCCESS!") {
                countsKnown = false
                ended += 1
            }
        }
    }

    /// `• [FAILED] [0.001 seconds]`, `[BeforeSuite] [FAILED] [0.001 seconds]`: the state.
    private static func failureHeader(_ line: Substring) -> String? {
        let rest: Substring
        if let afterDot = OutputText.after("• ", in: line) ?? OutputText.after("+ ", in: line) {
            rest = afterDot
        } else if OutputText.hasPrefix(line, "["), let close = line.firstIndex(of: "]"),
                  OutputText.hasPrefix(line[line.index(after: close)...], " [") {
            rest = line[line.index(close, offsetBy: 2)...]
        } else {
            return nil
        }
        for state in states where OutputText.hasPrefix(rest, "[\(state)]") { return state }
        return nil
    }

    /// "Ran 5 of 7 Specs in 0.001 seconds".
    private static func ran(_ line: Substring) -> (Int, Int)? {
        let words = OutputText.words(line)
        guard words.count >= 5, words[0] == "Ran", words[2] == "of", words[4] == "Specs",
              let ran = OutputText.integer(words[1]), let total = OutputText.integer(words[3]) else { return nil }
        return (ran, total)
    }

    private static func isSuccinctSuite(_ line: Substring) -> Bool {
        guard let close = line.firstIndex(of: "]"), OutputText.integer(line[line.index(after: line.startIndex)..<close]) != nil,
              let dash = OutputText.range(of: " - ", in: line) else { return false }
        let words = OutputText.words(line[dash.upperBound...])
        return words.count >= 2 && words[1] == "specs" && OutputText.contains(words[0], "/")
    }

    /// "FAIL! - Suite Timeout Elapsed -- 2 Passed | 3 Failed | 1 Flaked | 1 Pending | 1 Skipped".
    private mutating func endSuite(_ line: Substring) {
        ended += 1
        defer { specsRun = nil }
        guard let dashes = OutputText.range(of: " -- ", in: line) else {
            countsKnown = false
            return
        }
        var suite = TestCounts()
        var parsed = false
        for part in line[dashes.upperBound...].split(separator: "|") {
            let words = OutputText.words(part)
            guard words.count == 2, let number = OutputText.integer(words[0]) else { continue }
            parsed = true
            switch words[1] {
            case "Passed": suite.passed += number
            case "Failed": suite.failed += number
            case "Pending", "Skipped": suite.skipped += number
            default: break
            }
        }
        if !parsed {
            // "FAIL! -- A BeforeSuite node failed so all tests were skipped."
            guard let specsRun else {
                countsKnown = false
                return
            }
            suite.skipped = specsRun.total - specsRun.ran
        }
        totals = totals + suite
    }

    /// Reads a line of a failure block; false when the block ended before it.
    private mutating func continueDetail(_ line: Substring, record: inout RecognitionRecord) -> Bool {
        let trimmed = OutputText.trimmed(line)
        if OutputText.hasPrefix(trimmed, "------------------------------") || Self.failureHeader(line) != nil
            || OutputText.hasPrefix(line, "Summarizing ") || OutputText.hasPrefix(line, "Ran ") {
            endDetail(&record)
            return false
        }
        guard var open = detail else { return false }
        if open.lines.count < FailureBlockList.lineLimit, !(open.lines.count == 1 && trimmed.isEmpty) {
            open.lines.append(FailureBlockList.cut(OutputText.trimmedEnd(line)))
        }
        if open.name == nil {
            if !trimmed.isEmpty { open.name = String(trimmed) }
        } else if !open.afterLocation {
            if let text = OutputText.after("[\(open.state)] ", in: trimmed), !open.inMessage, open.message.isEmpty {
                open.inMessage = true
                open.messageIndent = OutputText.indentation(line)
                open.message = [String(text)]
            } else if OutputText.hasPrefix(trimmed, "In ["), let at = OutputText.range(of: "] at: ", in: trimmed) {
                var place = trimmed[at.upperBound...]
                if let time = OutputText.range(of: " @ ", in: place) { place = place[..<time.lowerBound] }
                if let found = OutputText.fileAndLine(place) {
                    open.location = record.paths.location(found.path, line: found.line)
                    open.locationInProject = record.paths.relative(found.path) != found.path
                }
                open.inMessage = false
                open.afterLocation = true
            } else if open.inMessage, open.message.count < 10 {
                open.message.append(String(OutputText.trimmedEnd(line.dropFirst(min(open.messageIndent, OutputText.indentation(line))))))
            }
        } else if open.state == "PANICKED" {
            // What panicked, then "Full Stack Trace" and its frames ("\t/src/x_test.go:23 +0x2").
            if open.message.count == 1, !trimmed.isEmpty, trimmed != "Full Stack Trace" {
                open.message.append(String(trimmed))
            } else if !open.locationInProject, OutputText.hasPrefix(trimmed, "/") {
                var place = OutputText.firstWord(trimmed)
                if OutputText.hasSuffix(place, ":"), !place.isEmpty { place = place.dropLast() }
                if let found = OutputText.fileAndLine(place), record.paths.relative(found.path) != found.path {
                    open.location = record.paths.location(found.path, line: found.line)
                    open.locationInProject = true
                }
            }
        }
        detail = open
        return true
    }

    private mutating func endDetail(_ record: inout RecognitionRecord) {
        guard let open = detail else { return }
        detail = nil
        guard let name = open.name else { return }
        record.failures.record(name, message: open.message.joined(separator: "\n"), location: open.location)
        record.blocks.add(open.lines)
    }

    /// Reads a line of the "Summarizing N Failures:" list; false when the list ended before it.
    private mutating func continueSummary(_ line: Substring, record: inout RecognitionRecord) -> Bool {
        let trimmed = OutputText.trimmed(line)
        if let name = summaryName {
            summaryName = nil
            if let found = OutputText.fileAndLine(trimmed) {
                record.failures.record(name, location: record.paths.location(found.path, line: found.line))
                return true
            }
            record.failures.record(name)
        }
        for heading in Self.summaryHeadings {
            if let name = OutputText.after(heading, in: trimmed) {
                summaryName = String(name)
                return true
            }
        }
        summarizing = false
        return false
    }

    mutating func finish(_ record: inout RecognitionRecord) {
        endDetail(&record)
        if let name = summaryName { record.failures.record(name) }
        summaryName = nil
    }
}
