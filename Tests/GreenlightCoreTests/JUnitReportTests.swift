import Foundation
import GreenlightCore
import Testing

/// Each test reads a JUnit report as its tool wrote it (`Fixtures/JUnitFixtures.swift` says which
/// are real and which were written from a tool's documentation) and checks the whole summary.
@Suite("JUnit reports")
struct JUnitReportTests {
    typealias X = JUnitFixtures

    static func parse(_ xml: String, roots: [String] = []) throws -> TestRunSummary {
        try JUnitReport.parse(Data(xml.utf8), source: "report.xml", projectRoots: roots)
    }

    static func counts(_ passed: Int, _ failed: Int, _ skipped: Int) -> TestCounts {
        TestCounts(passed: passed, failed: failed, skipped: skipped)
    }

    @Test func pytest() throws {
        let summary = try Self.parse(X.junitPytest)
        #expect(summary.runners == ["junit"])
        // Errors are failures, xfail is skipped.
        #expect(summary.counts == Self.counts(3, 4, 2))
        #expect(!summary.ranNoTests)
        #expect(summary.failures == [
            TestFailure(name: "tests.test_cart.test_discount", message: "AssertionError: discount not applied\nassert 30 == 27",
                        location: "tests/test_cart.py:14"),
            TestFailure(name: "tests.test_cart.test_needs_cluster",
                        message: "failed on setup with \"RuntimeError: no cluster reachable\"", location: "tests/test_cart.py:19"),
            TestFailure(name: "tests.test_cart.TestApi.test_get", message: "KeyError: 'key'", location: "tests/test_cart.py:39"),
            TestFailure(name: "tests.test_cart.TestApi.test_param[2]", message: "assert 2 == 1", location: "tests/test_cart.py:43"),
        ])
        #expect(summary.failureBlocks[0] == [
            "tests.test_cart.test_discount: failed",
            "def test_discount():",
            "        got = total([10, 20])",
            ">       assert got == 27, \"discount not applied\"",
            "E       AssertionError: discount not applied",
            "E       assert 30 == 27",
            "",
            "tests/test_cart.py:14: AssertionError",
        ])
    }

    @Test func swiftTestXCTest() throws {
        let summary = try Self.parse(X.junitSwiftXCTest)
        // swift test's XCTest report shows the skipped test as passed, and says only "failure".
        #expect(summary.counts == Self.counts(2, 3, 0))
        #expect(summary.failures == [
            TestFailure(name: "ShelfTests.CartTests.testDiscount"),
            TestFailure(name: "ShelfTests.ThrowingTests.testThrows"),
            TestFailure(name: "ShelfTests.ThrowingTests.testUnwrap"),
        ])
        #expect(summary.failureBlocks == [
            ["ShelfTests.CartTests.testDiscount: failed"],
            ["ShelfTests.ThrowingTests.testThrows: failed"],
            ["ShelfTests.ThrowingTests.testUnwrap: failed"],
        ])
    }

    @Test func swiftTestSwiftTestingCountsTheTestcasesNotTheAttributes() throws {
        let summary = try Self.parse(X.junitSwiftTesting)
        // The suite says tests="8" failures="5"; nine testcases, four of them failed (one twice).
        #expect(summary.counts == Self.counts(4, 4, 1))
        #expect(summary.failures == [
            TestFailure(name: "ShelfTests.positive(_:)", message: "Expectation failed: (n → 3) < 3 (error)"),
            TestFailure(name: "ShelfTests.PricingTests.discounts()", message: "Expectation failed: (total([10, 20]) → 30) == 27 (error)"),
            TestFailure(name: "ShelfTests.throwsError()", message: "Caught error: Boom() (error)"),
            TestFailure(name: "ShelfTests.twoIssues()", message: "Expectation failed: 1 == 2 (error)"),
        ])
    }

    static let goFailures = [
        TestFailure(name: "example.com/shop/cart.TestDiscount/ten_percent",
                    message: "discounted total = 30, want 27\ncart_test.go:16: second line of the log", location: "cart_test.go:15"),
        TestFailure(name: "example.com/shop/cart.TestDiscount"),
        TestFailure(name: "example.com/shop/cart.TestEmpty", message: "empty cart\nspans two lines", location: "cart_test.go:26"),
    ]

    @Test func gotestsum() throws {
        let summary = try Self.parse(X.junitGotestsum)
        #expect(summary.counts == Self.counts(3, 3, 1))
        #expect(summary.failures == Self.goFailures)
        #expect(summary.failureBlocks[2] == [
            "example.com/shop/cart.TestEmpty: failed",
            "=== RUN   TestEmpty",
            "    cart_test.go:26: empty cart",
            "        spans two lines",
            "--- FAIL: TestEmpty (0.00s)",
        ])
    }

    @Test func goJUnitReport() throws {
        let summary = try Self.parse(X.junitGoJUnitReport)
        #expect(summary.counts == Self.counts(2, 3, 1))
        #expect(summary.failures == [Self.goFailures[1], Self.goFailures[0], Self.goFailures[2]])
    }

    @Test func ginkgo() throws {
        let summary = try Self.parse(X.junitGinkgo, roots: ["/tmp/gp/src/example.com/books"])
        // Pending and skipped specs are skipped; the panic is an <error>.
        #expect(summary.counts == Self.counts(3, 2, 2))
        #expect(summary.failures == [
            TestFailure(name: "Books Suite.[It] Books Categorizing book length says short books are short stories",
                        message: "Expected\n    <string>: SHORT STORY\nto equal\n    <string>: NOVEL", location: "books_test.go:19"),
            // The panic happened in Go's runtime: the first frame in the checkout is its location.
            TestFailure(name: "Books Suite.[It] Books Categorizing book length panics on nothing",
                        message: "runtime error: invalid memory address or nil pointer dereference", location: "books_test.go:23"),
        ])
    }

    @Test func junitPlatformAsSurefireWritesIt() throws {
        let summary = try Self.parse(X.junitJUnitPlatform)
        #expect(summary.counts == Self.counts(1, 2, 1))
        #expect(summary.failures == [
            TestFailure(name: "com.example.CartTest.discount()", message: "discount not applied ==> expected: <27> but was: <30>",
                        location: "CartTest.java:22"),
            TestFailure(name: "com.example.CartTest.npe()", message: "Cannot invoke \"String.length()\" because \"<local1>\" is null",
                        location: "CartTest.java:32"),
        ])
        #expect(summary.failureBlocks.map(\.count) == [15, 15])
    }

    @Test func nextest() throws {
        let summary = try Self.parse(X.junitNextest)
        #expect(summary.counts == Self.counts(2, 2, 1))
        #expect(summary.failures == [
            TestFailure(name: "shelf.tests::discount", message: "assertion `left == right` failed: discount not applied\n  left: 30\n right: 27",
                        location: "src/lib.rs:16"),
            TestFailure(name: "shelf.tests::panics_plainly", message: "index out of bounds: the len is 0 but the index is 3",
                        location: "src/lib.rs:23"),
        ])
    }

    @Test func emptyReportRanNoTests() throws {
        let summary = try Self.parse("<?xml version=\"1.0\"?>\n<testsuites tests=\"0\"></testsuites>\n")
        #expect(summary.runners == ["junit"])
        #expect(summary.counts == Self.counts(0, 0, 0))
        #expect(summary.ranNoTests)
        let single = try Self.parse("<testsuite name=\"x\"><testcase classname=\"\" name=\"alone\"><skipped/></testcase></testsuite>")
        #expect(single.counts == Self.counts(0, 0, 1))
        #expect(single.ranNoTests)
        let named = try Self.parse("<testsuite><testcase classname=\"\" name=\"alone\"><failure>boom at x</failure></testcase></testsuite>")
        #expect(named.failures == [TestFailure(name: "alone", message: "boom at x")])
        #expect(!named.ranNoTests)
    }

    // MARK: errors

    static func problem(_ xml: String) -> JUnitReportError? {
        do {
            _ = try parse(xml)
            return nil
        } catch {
            return error as? JUnitReportError
        }
    }

    @Test func notXML() {
        let garbage = Self.problem("this is not\nxml")
        #expect(garbage == JUnitReportError(file: "report.xml", problem: .notXML(line: 1, reason: "no element where the document should start (XML error 4)")))
        #expect(garbage?.description == "JUnit report report.xml is not XML: line 1: no element where the document should start (XML error 4)")
        let mismatched = Self.problem("<testsuite>\n<testcase name=\"a\">\n</testsuite>\n")
        #expect(mismatched?.problem == .notXML(line: 3, reason: "an end tag that does not match its start tag (XML error 76)"))
        #expect(Self.problem("")?.problem == .notXML(line: 1, reason: "no root element"))
        let truncated = Self.problem("<testsuites>\n<testsuite name=\"a\">\n<testcase name=\"t\">\n")
        #expect(truncated?.file == "report.xml")
        if case .notXML = truncated?.problem {} else { Issue.record("a truncated report is not XML: \(String(describing: truncated))") }
    }

    @Test func notJUnit() {
        let html = Self.problem("<html><body><testsuite/></body></html>")
        #expect(html == JUnitReportError(file: "report.xml", problem: .notJUnit(root: "html")))
        #expect(html?.description == "JUnit report report.xml is not a JUnit report: its root element is <html>, not <testsuites> or <testsuite>")
    }

    @Test func entitiesAreNeverExpanded() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <testsuite><testcase name="&lol2;"/></testsuite>
            """
        #expect(Self.problem(laughs) == JUnitReportError(file: "report.xml", problem: .documentType))
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE testsuite [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <testsuite><testcase name="&secret;"/></testsuite>
            """
        #expect(Self.problem(external)?.description
            == "JUnit report report.xml has a document type declaration (<!DOCTYPE>), which JUnit reports do not; not read")
        // Comments and processing instructions in the prolog do not hide one (an element named
        // inside a comment is no root element).
        let hidden = """
            \u{FEFF}<?xml version="1.0"?>
            <!-- <a> looks like an element -->
            <?pi <b>?>
            <!DOCTYPE testsuite [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <testsuite><testcase name="&secret;"/></testsuite>
            """
        #expect(Self.problem(hidden) == JUnitReportError(file: "report.xml", problem: .documentType))
        // After the root element starts, "<!DOCTYPE" is text (escaped in a message, or in CDATA).
        #expect(Self.problem("<testsuite><testcase name=\"a\"><failure><![CDATA[<!DOCTYPE x>]]></failure></testcase></testsuite>") == nil)
    }

    /// A step that writes a report for part of its tests and prints the rest: the output's tests
    /// and failures join the report's, and "ran no tests" needs both to have run none.
    @Test func reportsAndOutputAreCombined() throws {
        let report = try JUnitReport.parse(Data("<testsuite><testcase classname='t' name='deselected'><skipped/></testcase></testsuite>".utf8), source: "py.xml")
        let output = TestOutputAnalyzer.analyze("=== RUN   TestA\n--- PASS: TestA (0.00s)\n=== RUN   TestB\n    b_test.go:3: boom\n--- FAIL: TestB (0.00s)\nFAIL\nFAIL\tex.com/m\t0.01s\n")
        let merged = JUnitReport.merge(text: output, reports: [report])
        #expect(merged.counts == TestCounts(passed: 1, failed: 1))
        #expect(merged.failures.map(\.name) == ["TestB"])
        #expect(!merged.ranNoTests)
        let emptyBoth = JUnitReport.merge(text: TestOutputAnalyzer.analyze("?   \tex.com/m\t[no test files]\n"), reports: [report])
        #expect(emptyBoth.ranNoTests)
    }

    @Test func readsFilesAndRefusesLargeOnes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.xml")
        try Data(X.junitPytest.utf8).write(to: file)
        #expect(try JUnitReport.read(contentsOf: file) == Self.parse(X.junitPytest))

        #expect(throws: JUnitReportError(file: file.path, problem: .tooLarge(bytes: X.junitPytest.utf8.count, limit: 1_000))) {
            try JUnitReport.read(contentsOf: file, limit: 1_000)
        }
        let missing = directory.appendingPathComponent("missing.xml")
        do {
            _ = try JUnitReport.read(contentsOf: missing)
            Issue.record("a missing file was read")
        } catch let error as JUnitReportError {
            #expect(error.file == missing.path)
            guard case .unreadable = error.problem else {
                Issue.record("\(error)")
                return
            }
            #expect(error.description.hasPrefix("JUnit report \(missing.path) could not be read: "))
        }
    }

    // MARK: merge

    @Test func reportsDecideCountsAndFailuresTheOutputTheRest() throws {
        let text = TestOutputAnalyzer.analyze(TestOutputFixtures.goTimeoutVerbose, projectRoots: ["/tmp/fx/go"])
        let report = try Self.parse(X.junitGotestsum)
        let other = try Self.parse(X.junitGoJUnitReport)
        let merged = JUnitReport.merge(text: text, reports: [report, other])
        #expect(merged.runners == ["go", "junit"])
        #expect(merged.counts == Self.counts(5, 6, 2))
        // Each name once, in the order the reports give them.
        #expect(merged.failures == Self.goFailures)
        #expect(merged.running == ["TestWaits", "TestWaits/pod"])
        #expect(merged.hang == text.hang)
        #expect(!merged.ranNoTests)
        // The output had no failure blocks: the reports' stand in.
        #expect(merged.failureBlocks == report.failureBlocks + other.failureBlocks)

        #expect(JUnitReport.merge(text: text, reports: []) == text)
    }

    @Test func aReportFailureTakesTheOutputsMessageWhenItHasNone() throws {
        let text = TestOutputAnalyzer.analyze(TestOutputFixtures.swiftTest, projectRoots: ["/tmp/fx/swiftpkg"])
        let merged = JUnitReport.merge(text: text, reports: [try Self.parse(X.junitSwiftXCTest)])
        #expect(merged.runners == ["xctest", "swift-testing", "junit"])
        // The XCTest report covers XCTest only: the output's Swift Testing tests and failures join it.
        #expect(merged.counts == text.counts)
        #expect(merged.counts == Self.counts(5, 7, 2))
        #expect(merged.failures == [
            TestFailure(name: "ShelfTests.CartTests.testDiscount",
                        message: "XCTAssertEqual failed: (\"30\") is not equal to (\"27\") - discount not applied",
                        location: "Tests/ShelfTests/CartTests.swift:10"),
            TestFailure(name: "ShelfTests.ThrowingTests.testThrows", message: "threw error \"Boom()\""),
            TestFailure(name: "ShelfTests.ThrowingTests.testUnwrap", message: "XCTUnwrap failed: expected non-nil value of type \"Int\" -",
                        location: "Tests/ShelfTests/CartTests.swift:25"),
            TestFailure(name: "twoIssues()", message: "Expectation failed: 1 == 2", location: "ShelfTests.swift:32"),
            TestFailure(name: "positive(_:)", message: "Expectation failed: (n → 3) < 3", location: "ShelfTests.swift:28"),
            TestFailure(name: "\"Discounts apply\"", message: "Expectation failed: (total([10, 20]) → 30) == 27", location: "ShelfTests.swift:11"),
            TestFailure(name: "throwsError()", message: "Caught error: Boom()", location: "ShelfTests.swift:40"),
        ])
        // The output's blocks are kept.
        #expect(merged.failureBlocks == text.failureBlocks)
    }

    /// Plain `go test` said `ok` (tests ran, uncounted): an empty report (a wrong path in the
    /// reporter, say) does not make that "no tests", nor a count of zero.
    @Test func anEmptyReportDoesNotHideTestsTheOutputShows() throws {
        let text = TestOutputAnalyzer.analyze(TestOutputFixtures.goOkOnly)
        let merged = JUnitReport.merge(text: text, reports: [try Self.parse("<testsuites></testsuites>")])
        #expect(merged.counts == nil)
        #expect(!merged.ranNoTests)
        // Output that is no test run leaves the report to decide.
        let build = JUnitReport.merge(text: TestOutputAnalyzer.analyze("compiled\n"), reports: [try Self.parse("<testsuites></testsuites>")])
        #expect(build.counts == Self.counts(0, 0, 0))
        #expect(build.ranNoTests)
    }
}
