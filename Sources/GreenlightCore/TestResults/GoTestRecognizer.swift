import Foundation

/// Plain `go test` output, with or without `-v` (https://pkg.go.dev/cmd/go#hdr-Test_packages,
/// https://pkg.go.dev/testing): runner `go`.
///
/// - Counts: every `--- PASS/FAIL/SKIP:` line is one test, subtests included (as test2json and
///   gotestsum count them). A package's counts are exact when it ran with `-v` (its `=== RUN`
///   lines show every test) or ran a Ginkgo suite (Ginkgo counts its specs); a package that
///   printed only `ok  pkg 0.3s` ran tests nobody counted, and the run's counts are unknown.
///   `[no test files]` and `[no tests to run]` count as zero tests. gotestsum's closing
///   `DONE N tests, …` line, when printed, decides the counts.
/// - Failures: each `--- FAIL: Name` with its message: the test's own log lines, printed
///   before the result with `-v` and indented after it without; the first `file_test.go:12: msg`
///   gives the location.
/// - Running: `=== RUN` without its result, and the names after a timeout panic's
///   "running tests:".
struct GoTestRecognizer: Sendable {
    static let runner = "go"

    private struct Section: Sendable {
        var verbose = false
        var ginkgo = false
        var sawResults = false
        var counts = TestCounts()
    }

    private struct PendingFailure: Sendable {
        var name: String
        var indent: Int
        var header: String
        var lines: [String]
    }

    private(set) var active = false
    private var totals = TestCounts()
    private var countsKnown = true
    private var section = Section()
    private var current: String?
    private var outputs = TestOutputBuffers()
    private var pending: PendingFailure?
    private var timeout = GoTimeoutPanic()
    private var gotestsum: TestCounts?

    /// The counts, or `nil` when some package ran tests without counting them.
    var counts: TestCounts? {
        if let gotestsum { return gotestsum }
        return countsKnown ? totals : nil
    }

    var retainedBytes: Int {
        outputs.retainedBytes + (pending.map { $0.lines.reduce($0.header.utf8.count) { $0 + $1.utf8.count } } ?? 0)
    }

    private static func key(_ name: some StringProtocol) -> String { "go\u{0}\(name)" }

    private mutating func activate(_ record: inout RecognitionRecord) {
        if !active {
            active = true
            record.saw(Self.runner)
        }
    }

    mutating func consume(_ line: Substring, into record: inout RecognitionRecord) {
        if let name = timeout.consume(line) {
            activate(&record)
            record.running.started(Self.key(name), name: name)
            return
        }
        if OutputText.hasPrefix(line, "panic: test timed out after ") { activate(&record) }

        if let open = pending {
            if GoTestLine.result(line) != nil {
                close(&record)
            } else if !line.isEmpty, OutputText.indentation(line) > open.indent {
                if pending!.lines.count < TestOutputBuffers.lineLimit { pending!.lines.append(FailureBlockList.cut(line)) }
                return
            } else {
                close(&record)
            }
        }

        if let result = GoTestLine.result(line) {
            handle(result, line: line, record: &record)
        } else if let update = GoTestLine.update(line) {
            activate(&record)
            switch update.action {
            case "RUN":
                section.verbose = true
                record.running.started(Self.key(update.name), name: update.name)
                if !OutputText.contains(update.name, "/") { record.ginkgoSuiteEnded = false }
                current = String(update.name)
            case "CONT", "NAME":
                current = String(update.name)
            default:
                break
            }
        } else if let package = GoTestLine.package(line) {
            activate(&record)
            endPackage(package)
            record.ginkgoSuiteEnded = false
        } else if let done = GoTestLine.gotestsumDone(line), active {
            gotestsum = done
        } else if let current, section.verbose, OutputText.indentation(line) >= 4 {
            outputs.append(line, to: current)
        }
    }

    private mutating func handle(_ result: (outcome: GoTestLine.Outcome, name: Substring, indent: Int), line: Substring,
                                 record: inout RecognitionRecord) {
        activate(&record)
        let name = String(result.name)
        record.running.finished(Self.key(name))
        current = nil
        let printed = outputs.take(name)
        if result.indent == 0, record.ginkgoSuiteEnded {
            // The Go test function that ran a Ginkgo suite: Ginkgo counted and named its specs.
            record.ginkgoSuiteEnded = false
            section.ginkgo = true
            return
        }
        section.sawResults = true
        switch result.outcome {
        case .pass: section.counts.passed += 1
        case .skip: section.counts.skipped += 1
        case .fail:
            section.counts.failed += 1
            record.failures.record(name)
            pending = PendingFailure(name: name, indent: result.indent, header: FailureBlockList.cut(OutputText.trimmedEnd(line)),
                                     lines: printed)
        }
    }

    /// Ends the failure whose message lines were being collected.
    private mutating func close(_ record: inout RecognitionRecord) {
        guard let open = pending else { return }
        pending = nil
        let found = GoTestLine.failure(from: open.lines, paths: record.paths)
        record.failures.record(open.name, message: found.message, location: found.location)
        if !open.lines.isEmpty { record.blocks.add([open.header] + open.lines) }
    }

    private mutating func endPackage(_ result: GoTestLine.PackageResult) {
        switch result {
        case .noTestFiles, .ok(noTests: true):
            totals = totals + section.counts
        case .ok(noTests: false), .fail(built: true):
            if section.verbose || section.ginkgo { totals = totals + section.counts } else { countsKnown = false }
        case .fail(built: false):
            countsKnown = false
        }
        section = Section()
        current = nil
    }

    mutating func finish(_ record: inout RecognitionRecord) {
        close(&record)
        if section.verbose || section.ginkgo {
            totals = totals + section.counts
        } else if section.sawResults {
            countsKnown = false
        }
        section = Section()
    }
}
