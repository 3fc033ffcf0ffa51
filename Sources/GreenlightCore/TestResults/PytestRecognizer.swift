import Foundation

/// pytest's terminal report (https://docs.pytest.org/en/stable/how-to/output.html; source:
/// `src/_pytest/terminal.py`): runner `pytest`.
///
/// - Counts: the closing line, "===== 3 failed, 3 passed, 1 skipped, 1 xfailed, 1 error in
///   0.55s =====" (or with `-q` the same without the rules): passed and xpassed as passed,
///   failed and errors as failed, skipped and xfailed as skipped; deselected tests are not
///   counted, and "no tests ran" is zero. Several sessions add up. Without a closing line
///   (killed), the `-v` result lines are counted; with neither, the counts are unknown.
/// - Failures: the short summary's `FAILED tests/x.py::test_y - message` and
///   `ERROR tests/x.py::test_y - message` lines (and `-v`'s `tests/x.py::test_y FAILED`),
///   each with the `E   ` lines and the `tests/x.py:12: AssertionError` location of its
///   section under "FAILURES" or "ERRORS" (`____ test_y ____`, named without the file).
/// - Running: a `-v` line `tests/x.py::test_y ` that never got its outcome.
struct PytestRecognizer: Sendable {
    static let runner = "pytest"
    private static let outcomes: Set<Substring> = ["PASSED", "FAILED", "ERROR", "SKIPPED", "XFAIL", "XPASS"]

    private struct Section: Sendable {
        var header: String
        var name: String
        var tail: [String] = []
        var errors: [String] = []
        var location: String?
        var frozen = false
    }

    private struct Detail: Sendable {
        var message: String?
        var location: String?
    }

    private(set) var active = false
    private var summaryCounts = TestCounts()
    private var summaries = 0
    private var lineCounts = TestCounts()
    private var sawResultLines = false
    private var inSections = false
    private var section: Section?
    /// Sections not yet matched to a failing test, by the section's name.
    private var details: [String: Detail] = [:]
    /// Failing tests seen before their section, by the name their section will have.
    private var failedByShortName: [String: String] = [:]
    private var lastStarted: String?

    var counts: TestCounts? {
        if summaries > 0 { return summaryCounts }
        return sawResultLines ? lineCounts : nil
    }

    var retainedBytes: Int {
        (section.map { $0.tail.reduce($0.header.utf8.count) { $0 + $1.utf8.count } + $0.errors.reduce(0) { $0 + $1.utf8.count } } ?? 0)
            + details.reduce(0) { $0 + $1.key.utf8.count + ($1.value.message?.utf8.count ?? 0) + ($1.value.location?.utf8.count ?? 0) }
            + failedByShortName.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
    }

    private mutating func activate(_ record: inout RecognitionRecord) {
        if !active {
            active = true
            record.saw(Self.runner)
        }
    }

    mutating func consume(_ line: Substring, into record: inout RecognitionRecord) {
        if OutputText.hasPrefix(line, "=="), let title = Self.ruleTitle(line) {
            rule(title, record: &record)
            return
        }
        if inSections {
            if OutputText.hasPrefix(line, "__"), let title = Self.sectionTitle(line) {
                endSection(&record)
                section = Section(header: FailureBlockList.cut(line), name: Self.sectionName(title))
                return
            }
            if section != nil {
                sectionLine(line, record: &record)
                return
            }
        }
        if let first = line.first, first == "F" || first == "E", let failed = Self.shortSummary(line) {
            activate(&record)
            failing(failed.nodeID, message: failed.message.map(String.init), record: &record)
        } else if let result = Self.resultLine(line) {
            activate(&record)
            if let outcome = result.outcome {
                finished(result.nodeID, outcome: outcome, record: &record)
            } else {
                record.running.started("pytest\u{0}\(result.nodeID)", name: result.nodeID)
                lastStarted = String(result.nodeID)
            }
        } else if let lastStarted, let outcome = Self.outcomes.first(where: { line.hasPrefix($0) }),
                  line.count == outcome.count || line.dropFirst(outcome.count).hasPrefix(" ") {
            // `-s` output printed between the test's name and its outcome.
            finished(lastStarted[...], outcome: outcome, record: &record)
        } else if OutputText.hasSuffix(line, "s"), active || line.first?.isNumber == true || OutputText.hasPrefix(line, "no tests ran"),
                  let counted = Self.summary(line) {
            // The `-q` closing line, without rules.
            activate(&record)
            summaryCounts = summaryCounts + counted
            summaries += 1
        }
    }

    /// A rule line's title: "== FAILURES ==" gives "FAILURES".
    private static func ruleTitle(_ line: Substring) -> Substring? {
        guard OutputText.hasSuffix(line, "=") else { return nil }
        let title = OutputText.trimmed(OutputText.stripping("=", from: line))
        return title.isEmpty ? nil : title
    }

    private mutating func rule(_ title: Substring, record: inout RecognitionRecord) {
        endSection(&record)
        inSections = false
        switch title {
        case "test session starts":
            activate(&record)
        case "FAILURES", "ERRORS":
            activate(&record)
            inSections = true
        default:
            if let counted = Self.summary(title) {
                activate(&record)
                summaryCounts = summaryCounts + counted
                summaries += 1
            }
        }
    }

    /// "3 failed, 3 passed, 1 skipped in 0.55s", "no tests ran in 0.01s", "9 deselected in 0.48s".
    static func summary(_ text: Substring) -> TestCounts? {
        guard let inRange = OutputText.lastRange(of: " in ", in: text) else { return nil }
        let duration = OutputText.firstWord(text[inRange.upperBound...])
        guard OutputText.isSeconds(duration) else { return nil }
        let parts = text[..<inRange.lowerBound]
        if parts == "no tests ran" { return TestCounts() }
        var counts = TestCounts()
        var known = false
        for part in parts.split(separator: ",") {
            let words = OutputText.words(part)
            guard words.count == 2, let number = OutputText.integer(words[0]) else { return nil }
            switch words[1] {
            case "passed", "xpassed": counts.passed += number
            case "failed", "error", "errors": counts.failed += number
            case "skipped", "xfailed": counts.skipped += number
            case "deselected", "warning", "warnings", "rerun", "reruns", "subtests": break
            default: continue
            }
            known = true
        }
        return known ? counts : nil
    }

    /// "____ TestApi.test_get ____": "TestApi.test_get".
    private static func sectionTitle(_ line: Substring) -> Substring? {
        guard OutputText.hasSuffix(line, "_") else { return nil }
        let title = OutputText.trimmed(OutputText.stripping("_", from: line))
        return title.isEmpty ? nil : title
    }

    /// The test a section is about: "ERROR at setup of test_x" is about "test_x".
    private static func sectionName(_ title: Substring) -> String {
        for prefix in ["ERROR at setup of ", "ERROR at teardown of ", "ERROR collecting "] {
            if let rest = OutputText.after(prefix, in: title) { return String(rest) }
        }
        return String(title)
    }

    /// The name a test's section has: "tests/x.py::TestApi::test_get" has "TestApi.test_get";
    /// a file that failed to be collected, its path.
    private static func shortName(_ nodeID: some StringProtocol) -> String {
        let parts = nodeID.components(separatedBy: "::")
        return parts.count > 1 ? parts.dropFirst().joined(separator: ".") : String(nodeID)
    }

    private mutating func sectionLine(_ line: Substring, record: inout RecognitionRecord) {
        guard var open = section else { return }
        defer { section = open }
        if OutputText.hasPrefix(line, "-"), OutputText.contains(line, " Captured ") || OutputText.contains(line, " captured ") {
            // Captured stdout/stderr/log after the traceback: not the failure.
            open.frozen = true
            return
        }
        guard !open.frozen else { return }
        if OutputText.hasPrefix(line, "E "), open.errors.count < 10 {
            open.errors.append(String(OutputText.trimmed(line.dropFirst())))
        }
        if let colon = OutputText.range(of: ": ", in: line), let found = OutputText.fileAndLine(line[..<colon.lowerBound]), !OutputText.hasPrefix(line, " ") {
            open.location = record.paths.location(found.path, line: found.line)
        }
        if !OutputText.isBlank(line) {
            open.tail.append(FailureBlockList.cut(OutputText.trimmedEnd(line)))
            if open.tail.count > FailureBlockList.lineLimit - 1 { open.tail.removeFirst() }
        }
    }

    private mutating func endSection(_ record: inout RecognitionRecord) {
        guard let open = section else { return }
        section = nil
        record.blocks.add([open.header] + open.tail)
        let detail = Detail(message: FailureList.cleanMessage(open.errors.joined(separator: "\n")), location: open.location)
        if let nodeID = failedByShortName.removeValue(forKey: open.name) {
            record.failures.record(nodeID, message: detail.message, location: detail.location)
        } else if details.count < FailureList.limit {
            details[open.name] = detail
        }
    }

    /// "FAILED tests/x.py::test_y - AssertionError: msg", "ERROR tests/x.py - ImportError".
    private static func shortSummary(_ line: Substring) -> (nodeID: Substring, message: Substring?)? {
        guard let rest = OutputText.after("FAILED ", in: line) ?? OutputText.after("ERROR ", in: line) else { return nil }
        let nodeID: Substring
        var message: Substring?
        if let dash = OutputText.range(of: " - ", in: rest) {
            nodeID = rest[..<dash.lowerBound]
            message = rest[dash.upperBound...]
        } else {
            nodeID = OutputText.trimmed(rest)
        }
        guard OutputText.contains(nodeID, "::") || OutputText.hasSuffix(nodeID, ".py"), !OutputText.hasPrefix(nodeID, "-") else { return nil }
        return (nodeID, message)
    }

    /// `-v`: "tests/x.py::test_y PASSED   [ 11%]"; without an outcome the test is running.
    private static func resultLine(_ line: Substring) -> (nodeID: Substring, outcome: Substring?)? {
        guard let separator = OutputText.range(of: "::", in: line), OutputText.hasSuffix(line[..<separator.lowerBound], ".py"),
              !OutputText.contains(line[..<separator.lowerBound], " ") else { return nil }
        if let gap = OutputText.range(of: " ", in: line[separator.upperBound...]) {
            let word = OutputText.firstWord(line[gap.upperBound...])
            return (line[..<gap.lowerBound], outcomes.contains(word) ? word : nil)
        }
        return (line, nil)
    }

    private mutating func finished(_ nodeID: Substring, outcome: Substring, record: inout RecognitionRecord) {
        record.running.finished("pytest\u{0}\(nodeID)")
        lastStarted = nil
        sawResultLines = true
        switch outcome {
        case "PASSED", "XPASS": lineCounts.passed += 1
        case "SKIPPED", "XFAIL": lineCounts.skipped += 1
        default:
            lineCounts.failed += 1
            failing(nodeID, message: nil, record: &record)
        }
    }

    private mutating func failing(_ nodeID: some StringProtocol, message: String?, record: inout RecognitionRecord) {
        let short = Self.shortName(nodeID)
        if let detail = details.removeValue(forKey: short) {
            record.failures.record(nodeID, message: detail.message ?? message, location: detail.location)
        } else {
            record.failures.record(nodeID, message: message)
            if failedByShortName.count < FailureList.limit { failedByShortName[short] = String(nodeID) }
        }
    }

    mutating func finish(_ record: inout RecognitionRecord) {
        endSection(&record)
        for (name, detail) in details.sorted(by: { $0.key < $1.key }) {
            record.failures.record(name, message: detail.message, location: detail.location)
        }
        details.removeAll()
    }
}
