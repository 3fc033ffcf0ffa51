import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// JUnit XML test reports, as the many tools that write them do: `<testsuites>` or a single
/// `<testsuite>` (suites may nest), each `<testcase classname name>` passed, failed (a
/// `<failure message type>` or `<error>`), or skipped (`<skipped/>`). The de facto schema:
/// https://github.com/testmoapp/junitxml and Surefire's
/// https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd.
/// Dialects read: go-junit-report, gotestsum, Ginkgo's `--junit-report`, pytest's
/// `--junitxml`, Maven Surefire and JUnit's console launcher, cargo-nextest, and
/// `swift test --xunit-output` (see `JUnitFailureText` for what each puts where).
///
/// The summary's runner is `junit`. Counts come from the testcases themselves, never from a
/// suite's `tests`/`failures` attributes (which some writers get wrong: swift test's Swift
/// Testing report says `tests="8"` over nine testcases). A failing test is named
/// `classname.name` (`name` alone when the class name is empty), with the failure's message and
/// its `path:line` when the body has one. Parsed with Foundation's SAX `XMLParser`: external
/// entities are never resolved, and a document with a DTD is refused.
public enum JUnitReport {
    public static let runner = "junit"

    /// Reads and parses the report at `url`; a file larger than `limit` bytes is refused.
    /// `projectRoots`, as for `TestOutputAnalyzer`, makes locations relative to the checkout.
    public static func read(contentsOf url: URL, limit: Int = 32 << 20, projectRoots: [String] = []) throws -> TestRunSummary {
        let source = url.path
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let size = Int(try handle.seekToEnd())
            guard size <= limit else { throw JUnitReportError(file: source, problem: .tooLarge(bytes: size, limit: limit)) }
            try handle.seek(toOffset: 0)
            data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else { throw JUnitReportError(file: source, problem: .tooLarge(bytes: data.count, limit: limit)) }
        } catch let error as JUnitReportError {
            throw error
        } catch {
            throw JUnitReportError(file: source, problem: .unreadable(reason: Self.reason(error)))
        }
        return try parse(data, source: source, projectRoots: projectRoots)
    }

    /// Parses one report; `source` names it in errors.
    public static func parse(_ data: Data, source: String, projectRoots: [String] = []) throws -> TestRunSummary {
        if hasDocumentType(data) { throw JUnitReportError(file: source, problem: .documentType) }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let reader = JUnitReportParser(paths: ProjectPaths(projectRoots))
        parser.delegate = reader
        _ = parser.parse()
        if let root = reader.root, root != "testsuites", root != "testsuite" {
            throw JUnitReportError(file: source, problem: .notJUnit(root: root))
        }
        if let error = reader.error {
            throw JUnitReportError(file: source, problem: .notXML(line: max(1, error.line), reason: Self.reason(xmlCode: error.code)))
        }
        guard reader.root != nil else {
            throw JUnitReportError(file: source, problem: .notXML(line: 1, reason: "no root element"))
        }
        guard reader.unclosed == 0 else {
            throw JUnitReportError(file: source, problem: .notXML(line: max(1, parser.lineNumber),
                                                                  reason: "the document ends before its elements are closed"))
        }
        var summary = TestRunSummary()
        summary.runners = [runner]
        summary.counts = reader.counts
        summary.failures = reader.failures.items
        summary.failureBlocks = reader.blocks.items
        summary.ranNoTests = reader.counts.ran == 0 && reader.failures.isEmpty
        return summary
    }

    /// What a step's output and its reports say together. Reports, when there are any, decide
    /// the counts (their sum), the failures (theirs, in order, each name once, at most 50;
    /// a report failure without message or location takes the output's for the same test) and
    /// whether no test ran; the output still gives the running tests, the hang and the failure
    /// blocks (the reports' blocks when the output had none). `runners` lists the output's
    /// runners and then `junit`.
    public static func merge(text: TestRunSummary, reports: [TestRunSummary]) -> TestRunSummary {
        guard !reports.isEmpty else { return text }
        var merged = text
        if !merged.runners.contains(runner) { merged.runners.append(runner) }
        var counts = TestCounts()
        var known = true
        var failures = FailureList()
        var blocks = FailureBlockList()
        for report in reports {
            if let reported = report.counts { counts = counts + reported } else { known = false }
            for failure in report.failures {
                let seen = text.failures.first { Self.sameTest($0.name, failure.name) }
                failures.record(failure.name, message: failure.message ?? seen?.message, location: failure.location ?? seen?.location)
            }
            for block in report.failureBlocks { blocks.add(block) }
        }
        // The output may show tests the reports do not cover (a step that runs pytest with a report,
        // then `go test -v`): its failures join the reports', and the larger count stands.
        for failure in text.failures where !failures.items.contains(where: { Self.sameTest(failure.name, $0.name) }) {
            failures.record(failure.name, message: failure.message, location: failure.location)
        }
        if known, let shown = text.counts, shown.total > counts.total { counts = shown }
        // Plain `go test` ran tests it did not count: an empty report is then no count of zero.
        if known, text.isTestRun, text.counts == nil, !text.ranNoTests, counts.total == 0 { known = false }
        merged.counts = known ? counts : nil
        merged.runFailed = text.runFailed || reports.contains { ($0.counts?.failed ?? 0) > 0 || !$0.failures.isEmpty }
        merged.failures = failures.items
        if merged.failureBlocks.isEmpty { merged.failureBlocks = blocks.items }
        let outputRanNone = !text.isTestRun || text.ranNoTests
        merged.ranNoTests = known && counts.ran == 0 && outputRanNone && failures.isEmpty && merged.running.isEmpty
        return merged
    }

    /// Whether an output's name for a test and a report's are the same test: equal, or the
    /// report's `classname.name` ends with the output's name, or with it after a "." or "::"
    /// (`tests.test_cart.TestApi.test_get` is pytest's `tests/test_cart.py::TestApi::test_get`).
    static func sameTest(_ output: String, _ report: String) -> Bool {
        if output == report { return true }
        if report.hasSuffix("." + output) { return true }
        let parts = output.components(separatedBy: "::")
        guard parts.count > 1 else { return false }
        return report.hasSuffix("." + parts.dropFirst().joined(separator: "."))
    }

    /// A `<!DOCTYPE` in the prolog: what comes before the root element, past the XML declaration,
    /// processing instructions, comments and white space (https://www.w3.org/TR/xml/#sec-prolog-dtd).
    static func hasDocumentType(_ data: Data) -> Bool {
        let bytes = [UInt8](data.prefix(1 << 20))
        var index = 0
        func at(_ text: String) -> Bool { bytes[index...].starts(with: Array(text.utf8)) }
        func skip(past end: String) -> Bool {
            let terminator = Array(end.utf8)
            while index < bytes.count {
                if bytes[index...].starts(with: terminator) { index += terminator.count; return true }
                index += 1
            }
            return false
        }
        if at("\u{FEFF}") { index += 3 }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            case UInt8(ascii: "<"):
                if at("<!DOCTYPE") { return true }
                if at("<?") { guard skip(past: "?>") else { return false } }
                else if at("<!--") { guard skip(past: "-->") else { return false } }
                else { return false }
            default: return false
            }
        }
        return false
    }

    private static func reason(_ error: Error) -> String {
        let described = (error as NSError).localizedDescription
        return described.isEmpty ? "\(error)" : described
    }

    /// libxml2's error codes (`xmlParserErrors`), which Foundation's XMLParser passes on, in words.
    private static func reason(xmlCode code: Int) -> String {
        switch code {
        case 4: return "no element where the document should start (XML error 4)"
        case 5: return "the document ends too early, or goes on after its root element (XML error 5)"
        case 9: return "a character that XML does not allow (XML error 9)"
        case 22, 23: return "an '&' that starts no entity reference (XML error \(code))"
        case 26: return "an undeclared entity (XML error 26)"
        case 73: return "a tag without its '>' (XML error 73)"
        case 76: return "an end tag that does not match its start tag (XML error 76)"
        case 77: return "an element that is never closed (XML error 77)"
        default: return "XML error \(code)"
        }
    }
}
