import Foundation

/// Swift Testing's console output (swift-testing, `Event.HumanReadableOutputRecorder.swift`;
/// https://developer.apple.com/documentation/testing): runner `swift-testing`. Each line starts
/// with a symbol (◇ ✔ ✘ ➜ ━ ↳ on Linux, SF Symbols on Darwin), read here by the words after it.
///
///     ◇ Test "Discounts apply" started.
///     ✘ Test "Discounts apply" recorded an issue at ShelfTests.swift:11:9: Expectation failed: (total([10, 20]) → 30) == 27
///     ✘ Test "Discounts apply" failed after 0.001 seconds with 1 issue.
///     ✔ Test sums() passed after 0.001 seconds.
///     ➜ Test gpu() skipped: "needs a GPU"
///     ✘ Test run with 9 tests in 1 suite failed after 0.001 seconds with 6 issues (including 1 known issue).
///
/// - Counts: one per test's `passed after`, `failed after` and `skipped` line (a test with
///   only known issues passes; suites and test cases of a parameterised test are not tests).
/// - Failures: each `failed after` test, named as printed (a display name keeps its quotes),
///   with its first issue's message (and the `↳` lines after it) and location (`path:line`).
/// - Running: `started.` without its end.
struct SwiftTestingRecognizer: Sendable {
    static let runner = "swift-testing"

    private struct Issue: Sendable {
        var message: [String]
        var location: String?
    }

    private(set) var active = false
    private var totals = TestCounts()
    private var issues: [String: Issue] = [:]
    private var issueLines = TestOutputBuffers()
    private var lastIssue: String?
    private var lastIssueIsFirst = false

    var counts: TestCounts? { totals }

    var retainedBytes: Int {
        issueLines.retainedBytes + issues.reduce(0) { $0 + $1.key.utf8.count + $1.value.message.reduce(0) { $0 + $1.utf8.count } + 32 }
    }

    private static func key(_ name: some StringProtocol) -> String { "swift-testing\u{0}\(name)" }

    private mutating func activate(_ record: inout RecognitionRecord) {
        if !active {
            active = true
            record.saw(Self.runner)
        }
    }

    /// The words after the line's leading symbol, when it has one.
    private static func text(_ line: Substring) -> Substring? {
        guard let symbol = line.first, !symbol.isASCII else { return nil }
        let rest = line.dropFirst()
        guard rest.first == " " else { return nil }
        return rest.dropFirst()
    }

    mutating func consume(_ line: Substring, into record: inout RecognitionRecord) {
        guard let text = Self.text(line) else {
            lastIssue = nil
            return
        }
        if let detail = OutputText.after("↳ ", in: line), let name = lastIssue, active {
            // A comment on the issue just recorded ("↳ second"), part of the message when that
            // issue is the test's first.
            if lastIssueIsFirst, var issue = issues[name], issue.message.count < 10,
               issue.message.reduce(0, { $0 + $1.count }) < FailureList.messageLimit {
                issue.message.append(OutputText.capped(detail, FailureList.messageLimit))
                issues[name] = issue
            }
            issueLines.append(OutputText.trimmedEnd(line), to: name)
            return
        }
        lastIssue = nil
        if text == "Test run started." || OutputText.hasPrefix(text, "Test run with ") {
            activate(&record)
            return
        }
        guard let body = OutputText.after("Test ", in: text), !OutputText.hasPrefix(body, "case passing ") else { return }
        if OutputText.hasSuffix(body, " started.") {
            activate(&record)
            let name = body.dropLast(" started.".count)
            record.running.started(Self.key(name), name: name)
        } else if let range = OutputText.range(of: " passed after ", in: body) {
            activate(&record)
            let name = Self.testName(body[..<range.lowerBound])
            end(name, record: &record)
            totals.passed += 1
        } else if let range = OutputText.range(of: " failed after ", in: body) {
            activate(&record)
            let name = Self.testName(body[..<range.lowerBound])
            let issue = issues.removeValue(forKey: name)
            let printed = issueLines.take(name)
            end(name, record: &record)
            totals.failed += 1
            record.failures.record(name, message: issue.map { $0.message.joined(separator: "\n") }, location: issue?.location)
            record.blocks.add(printed + [FailureBlockList.cut(OutputText.trimmedEnd(line))])
        } else if let range = OutputText.range(of: " skipped", in: body) {
            let after = body[range.upperBound...]
            guard after.isEmpty || OutputText.hasPrefix(after, ":") || OutputText.hasPrefix(after, ".") else { return }
            activate(&record)
            let name = String(body[..<range.lowerBound])
            end(name, record: &record)
            totals.skipped += 1
        } else if let range = OutputText.range(of: " recorded an issue", in: body) {
            activate(&record)
            let name = String(body[..<range.lowerBound])
            recordIssue(name, details: body[range.upperBound...], line: line, record: &record)
        }
    }

    /// "positive(_:) with 3 test cases" is "positive(_:)".
    private static func testName(_ text: Substring) -> String {
        if let with = OutputText.lastRange(of: " with ", in: text), OutputText.hasSuffix(text, " test cases") || OutputText.hasSuffix(text, " test case") {
            return String(text[..<with.lowerBound])
        }
        return String(text)
    }

    /// " at ShelfTests.swift:11:9: Expectation failed: …", " with 1 argument n → 3 at …", ": message".
    private mutating func recordIssue(_ name: String, details: Substring, line: Substring, record: inout RecognitionRecord) {
        lastIssue = name
        lastIssueIsFirst = false
        issueLines.append(OutputText.trimmedEnd(line), to: name)
        guard issues[name] == nil, issues.count < TestOutputBuffers.testLimit else { return }
        lastIssueIsFirst = true
        var message = details
        var location: String?
        var search = details.startIndex
        while let at = OutputText.range(of: " at ", in: details[search...]) {
            let rest = details[at.upperBound...]
            if let colon = OutputText.range(of: ": ", in: rest), let found = OutputText.fileAndLine(rest[..<colon.lowerBound]) {
                location = record.paths.location(found.path, line: found.line)
                message = rest[colon.upperBound...]
                break
            }
            search = at.upperBound
        }
        if location == nil, let colon = OutputText.range(of: ": ", in: details) { message = details[colon.upperBound...] }
        issues[name] = Issue(message: [OutputText.capped(OutputText.trimmed(message), FailureList.messageLimit)], location: location)
    }

    private mutating func end(_ name: String, record: inout RecognitionRecord) {
        record.running.finished(Self.key(name))
        issues.removeValue(forKey: name)
        _ = issueLines.take(name)
    }

    mutating func finish(_ record: inout RecognitionRecord) {}
}
