import Foundation
@testable import GreenlightCore
import Testing

/// Each test reads a real output of a test runner (`Fixtures/TestOutputFixtures.swift` says how
/// each was made) and checks the whole summary.
@Suite("test output analyzer")
struct TestOutputAnalyzerTests {
    typealias F = TestOutputFixtures

    static func counts(_ passed: Int, _ failed: Int, _ skipped: Int) -> TestCounts {
        TestCounts(passed: passed, failed: failed, skipped: skipped)
    }

    // MARK: go test

    static let goFailures = [
        TestFailure(name: "TestDiscount"),
        TestFailure(name: "TestDiscount/ten_percent", message: "discounted total = 30, want 27\ncart_test.go:16: second line of the log",
                    location: "cart_test.go:15"),
        TestFailure(name: "TestEmpty", message: "empty cart\nspans two lines", location: "cart_test.go:26"),
    ]

    @Test func goPlainCountsNothingItCannotSee() {
        let summary = TestOutputAnalyzer.analyze(F.goPlain)
        #expect(summary.runners == ["go"])
        #expect(summary.counts == nil)
        #expect(!summary.ranNoTests)
        #expect(summary.failures == Self.goFailures)
        #expect(summary.failureBlocks == [
            ["    --- FAIL: TestDiscount/ten_percent (0.00s)",
             "        cart_test.go:15: discounted total = 30, want 27",
             "        cart_test.go:16: second line of the log"],
            ["--- FAIL: TestEmpty (0.00s)", "    cart_test.go:26: empty cart", "        spans two lines"],
        ])
        #expect(summary.running.isEmpty)
        #expect(summary.hang == nil)
    }

    @Test func goVerboseCountsEveryTestAndSubtest() {
        let summary = TestOutputAnalyzer.analyze(F.goVerbose)
        #expect(summary.runners == ["go"])
        #expect(summary.counts == Self.counts(3, 3, 1))
        #expect(summary.failures == Self.goFailures)
        #expect(summary.failureBlocks == [
            ["    --- FAIL: TestDiscount/ten_percent (0.00s)",
             "    cart_test.go:15: discounted total = 30, want 27",
             "    cart_test.go:16: second line of the log"],
            ["--- FAIL: TestEmpty (0.00s)", "    cart_test.go:26: empty cart", "        spans two lines"],
        ])
        #expect(summary.running.isEmpty)
    }

    @Test func goJSONCountsActionsAndReadsTheOutputEvents() {
        let summary = TestOutputAnalyzer.analyze(F.goJSON)
        #expect(summary.runners == ["go-json"])
        #expect(summary.counts == Self.counts(3, 3, 1))
        #expect(!summary.ranNoTests)
        // test2json reports a subtest's end before its parent's.
        #expect(summary.failures == [Self.goFailures[1], Self.goFailures[0], Self.goFailures[2]])
        #expect(summary.failureBlocks == [
            ["    --- FAIL: TestDiscount/ten_percent (0.00s)",
             "    cart_test.go:15: discounted total = 30, want 27",
             "    cart_test.go:16: second line of the log"],
            ["--- FAIL: TestEmpty (0.00s)", "    cart_test.go:26: empty cart", "        spans two lines"],
        ])
        #expect(summary.running.isEmpty)
    }

    @Test func goPackagesWithoutTestsRanNoTests() {
        let summary = TestOutputAnalyzer.analyze(F.goNoTests)
        #expect(summary.runners == ["go"])
        #expect(summary.counts == Self.counts(0, 0, 0))
        #expect(summary.ranNoTests)
    }

    @Test func goOkWithoutVerboseIsATestRunOfUnknownSize() {
        let summary = TestOutputAnalyzer.analyze(F.goOkOnly)
        #expect(summary.runners == ["go"])
        #expect(summary.counts == nil)
        #expect(!summary.ranNoTests)
        #expect(summary.failures.isEmpty)
    }

    @Test func goBuildFailureIsNoCount() {
        let summary = TestOutputAnalyzer.analyze(F.goBuildFailed)
        #expect(summary.runners == ["go"])
        #expect(summary.counts == nil)
        #expect(!summary.ranNoTests)
        #expect(summary.failures.isEmpty)
    }

    @Test func goTimeoutLeavesTheHungTestsRunning() {
        let verbose = TestOutputAnalyzer.analyze(F.goTimeoutVerbose, projectRoots: ["/tmp/fx/go"])
        #expect(verbose.runners == ["go"])
        #expect(verbose.counts == Self.counts(1, 0, 0))
        #expect(verbose.running == ["TestWaits", "TestWaits/pod"])
        #expect(!verbose.ranNoTests)
        #expect(verbose.hang?.test == "TestWaits/pod")

        let json = TestOutputAnalyzer.analyze(F.goTimeoutJSON, projectRoots: ["/tmp/fx/go"])
        #expect(json.runners == ["go-json"])
        #expect(json.counts == Self.counts(1, 0, 0))
        #expect(json.running == ["TestWaits", "TestWaits/pod"])
        #expect(json.hang == verbose.hang)

        // Without -v, Go 1.19 names no test; Go 1.20 lists the running ones after the panic.
        let plain119 = TestOutputAnalyzer.analyze(F.goTimeoutPlain119, projectRoots: ["/tmp/fx/go"])
        #expect(plain119.runners == ["go"])
        #expect(plain119.counts == nil)
        #expect(plain119.running.isEmpty)
        let plain120 = TestOutputAnalyzer.analyze(F.goTimeoutPlain120, projectRoots: ["/tmp/fx/go"])
        #expect(plain120.running == ["TestWaits", "TestWaits/pod"])
        #expect(plain120.counts == nil)
    }

    @Test func gotestsumsClosingLineDecidesTheCounts() {
        let summary = TestOutputAnalyzer.analyze(F.gotestsumVerbose)
        #expect(summary.runners == ["go"])
        // "DONE 7 tests, 1 skipped, 3 failures": its recap repeats the failures, counted once.
        #expect(summary.counts == Self.counts(3, 3, 1))
        #expect(summary.failures == Self.goFailures)
    }

    // MARK: Ginkgo

    static let booksRoot = ["/tmp/gp/src/example.com/books"]
    static let shortBooks = TestFailure(
        name: "Books Categorizing book length [It] says short books are short stories",
        message: "Expected\n    <string>: SHORT STORY\nto equal\n    <string>: NOVEL", location: "books_test.go:19")
    static let panics = TestFailure(
        name: "Books Categorizing book length [It] panics on nothing",
        message: "Test Panicked\nruntime error: invalid memory address or nil pointer dereference", location: "books_test.go:23")

    @Test func ginkgoInColourUnderGoTest() {
        let summary = TestOutputAnalyzer.analyze(F.ginkgoColor, projectRoots: Self.booksRoot)
        #expect(summary.runners == ["ginkgo", "go"])
        // Ginkgo's specs; the Go test function that ran the suite (TestBooks) is not a test of its own.
        #expect(summary.counts == Self.counts(3, 2, 2))
        #expect(summary.failures == [Self.shortBooks, Self.panics])
        #expect(summary.failureBlocks == [
            ["• [FAILED] [0.000 seconds]",
             "Books Categorizing book length [It] says short books are short stories",
             "/tmp/gp/src/example.com/books/books_test.go:18",
             "",
             "  [FAILED] Expected",
             "      <string>: SHORT STORY",
             "  to equal",
             "      <string>: NOVEL",
             "  In [It] at: /tmp/gp/src/example.com/books/books_test.go:19 @ 12/01/26 04:05:54.132"],
            ["• [PANICKED] [0.000 seconds]",
             "Books Categorizing book length [It] panics on nothing",
             "/tmp/gp/src/example.com/books/books_test.go:21",
             "",
             "  [PANICKED] Test Panicked",
             "  In [It] at: /usr/lib/go-1.19/src/runtime/panic.go:260 @ 12/01/26 04:05:54.132",
             "",
             "  runtime error: invalid memory address or nil pointer dereference",
             "",
             "  Full Stack Trace",
             "    example.com/books_test.glob..func1.1.3()",
             "    \t/tmp/gp/src/example.com/books/books_test.go:23 +0x2"],
        ])
        #expect(summary.running.isEmpty)
    }

    @Test func ginkgoUnderGoTestVerbose() {
        let summary = TestOutputAnalyzer.analyze(F.ginkgoVerbose, projectRoots: Self.booksRoot)
        #expect(summary.runners == ["go", "ginkgo"])
        #expect(summary.counts == Self.counts(3, 2, 2))
        #expect(summary.failures == [Self.shortBooks, Self.panics])
        #expect(summary.failureBlocks.count == 2)
        #expect(summary.running.isEmpty)
    }

    @Test func ginkgoSuiteTimeout() {
        let summary = TestOutputAnalyzer.analyze(F.ginkgoTimeout, projectRoots: Self.booksRoot)
        #expect(summary.runners == ["ginkgo", "go"])
        #expect(summary.counts == Self.counts(2, 3, 2))
        #expect(summary.failures == [
            Self.shortBooks, Self.panics,
            TestFailure(name: "Books Categorizing book length [It] waits for the shelf", message: "A suite timeout occurred",
                        location: "books_test.go:32"),
        ])
        #expect(summary.failureBlocks[2].count == 15)
        #expect(summary.failureBlocks[2][0] == "• [TIMEDOUT] [3.003 seconds]")
    }

    @Test func ginkgoSuccess() {
        let summary = TestOutputAnalyzer.analyze(F.ginkgoSuccess, projectRoots: Self.booksRoot)
        #expect(summary.runners == ["go", "ginkgo"])
        #expect(summary.counts == Self.counts(2, 0, 5))
        #expect(!summary.ranNoTests)
        #expect(summary.failures.isEmpty)
        #expect(summary.failureBlocks.isEmpty)
    }

    @Test func ginkgoInsideGoTestJSON() {
        let summary = TestOutputAnalyzer.analyze(F.ginkgoJSON, projectRoots: Self.booksRoot)
        #expect(summary.runners == ["go-json", "ginkgo"])
        #expect(summary.counts == Self.counts(0, 1, 6))
        #expect(summary.failures == [Self.shortBooks])
        #expect(summary.failureBlocks.count == 1)
        #expect(summary.running.isEmpty)
    }

    // MARK: pytest

    static let pytestFailures = [
        TestFailure(name: "tests/test_cart.py::test_discount", message: "AssertionError: discount not applied\nassert 30 == 27",
                    location: "tests/test_cart.py:14"),
        TestFailure(name: "tests/test_cart.py::TestApi::test_get", message: "KeyError: 'key'", location: "tests/test_cart.py:39"),
        TestFailure(name: "tests/test_cart.py::TestApi::test_param[2]", message: "assert 2 == 1", location: "tests/test_cart.py:43"),
        TestFailure(name: "tests/test_cart.py::test_needs_cluster", message: "RuntimeError: no cluster reachable",
                    location: "tests/test_cart.py:19"),
    ]

    @Test func pytestDefault() {
        let summary = TestOutputAnalyzer.analyze(F.pytestDefault, projectRoots: ["/tmp/fx/py"])
        #expect(summary.runners == ["pytest"])
        // 3 failed + 1 error; 1 skipped + 1 xfailed.
        #expect(summary.counts == Self.counts(3, 4, 2))
        #expect(summary.failures == Self.pytestFailures)
        #expect(summary.failureBlocks == [
            ["_____________________ ERROR at setup of test_needs_cluster _____________________",
             "    @pytest.fixture",
             "    def cluster():",
             ">       raise RuntimeError(\"no cluster reachable\")",
             "E       RuntimeError: no cluster reachable",
             "tests/test_cart.py:19: RuntimeError"],
            ["________________________________ test_discount _________________________________",
             "    def test_discount():",
             "        got = total([10, 20])",
             ">       assert got == 27, \"discount not applied\"",
             "E       AssertionError: discount not applied",
             "E       assert 30 == 27",
             "tests/test_cart.py:14: AssertionError"],
            ["_______________________________ TestApi.test_get _______________________________",
             "self = <test_cart.TestApi object at 0x7f319e727b90>",
             "    def test_get(self):",
             "        data = {}",
             ">       assert data[\"key\"] == 1",
             "               ^^^^^^^^^^^",
             "E       KeyError: 'key'",
             "tests/test_cart.py:39: KeyError"],
            ["____________________________ TestApi.test_param[2] _____________________________",
             "self = <test_cart.TestApi object at 0x7f319e6de250>, n = 2",
             "    @pytest.mark.parametrize(\"n\", [1, 2])",
             "    def test_param(self, n):",
             ">       assert n == 1",
             "E       assert 2 == 1",
             "tests/test_cart.py:43: AssertionError"],
        ])
        #expect(summary.running.isEmpty)
    }

    @Test func pytestVerboseAndQuiet() {
        let verbose = TestOutputAnalyzer.analyze(F.pytestVerbose)
        #expect(verbose.runners == ["pytest"])
        #expect(verbose.counts == Self.counts(3, 4, 2))
        // -v names each failure as it happens: the error at setup comes second.
        let p = Self.pytestFailures
        #expect(verbose.failures == [p[0], p[3], p[1], p[2]])
        #expect(verbose.failureBlocks.count == 4)
        #expect(verbose.running.isEmpty)

        let quiet = TestOutputAnalyzer.analyze(F.pytestQuiet)
        #expect(quiet.runners == ["pytest"])
        #expect(quiet.counts == Self.counts(3, 4, 2))
        #expect(quiet.failures == Self.pytestFailures)
    }

    @Test func pytestThatRanNothing() {
        for output in [F.pytestDeselected, F.pytestNoTests] {
            let summary = TestOutputAnalyzer.analyze(output)
            #expect(summary.runners == ["pytest"])
            #expect(summary.counts == Self.counts(0, 0, 0))
            #expect(summary.ranNoTests)
        }
    }

    @Test func pytestStoppedWhileATestRuns() {
        let interrupted = TestOutputAnalyzer.analyze(F.pytestInterrupted)
        #expect(interrupted.runners == ["pytest"])
        #expect(interrupted.counts == Self.counts(1, 0, 0))
        #expect(interrupted.running == ["hang/test_hang.py::test_waits_for_pod"])
        #expect(!interrupted.ranNoTests)

        // Killed: no closing line; the -v lines are counted, and the last line has no "\n".
        let killed = TestOutputAnalyzer.analyze(F.pytestKilled)
        #expect(killed.counts == Self.counts(1, 0, 0))
        #expect(killed.running == ["hang/test_hang.py::test_waits_for_pod"])
    }

    // MARK: swift test

    static let swiftRoot = ["/tmp/fx/swiftpkg"]
    static let xctestFailures = [
        TestFailure(name: "CartTests.testDiscount",
                    message: "XCTAssertEqual failed: (\"30\") is not equal to (\"27\") - discount not applied",
                    location: "Tests/ShelfTests/CartTests.swift:10"),
        TestFailure(name: "ThrowingTests.testThrows", message: "threw error \"Boom()\""),
        TestFailure(name: "ThrowingTests.testUnwrap", message: "XCTUnwrap failed: expected non-nil value of type \"Int\" -",
                    location: "Tests/ShelfTests/CartTests.swift:25"),
    ]
    static let twoIssues = TestFailure(name: "twoIssues()", message: "Expectation failed: 1 == 2", location: "ShelfTests.swift:32")
    static let positive = TestFailure(name: "positive(_:)", message: "Expectation failed: (n → 3) < 3", location: "ShelfTests.swift:28")
    static let discounts = TestFailure(name: "\"Discounts apply\"", message: "Expectation failed: (total([10, 20]) → 30) == 27",
                                       location: "ShelfTests.swift:11")
    static let throwsError = TestFailure(name: "throwsError()", message: "Caught error: Boom()", location: "ShelfTests.swift:40")

    @Test func swiftTestRunsXCTestThenSwiftTestingAndTheCountsAddUp() {
        let summary = TestOutputAnalyzer.analyze(F.swiftTest, projectRoots: Self.swiftRoot)
        #expect(summary.runners == ["xctest", "swift-testing"])
        // XCTest 1 passed, 3 failed, 1 skipped; Swift Testing 4 passed (one with a known issue), 4 failed, 1 skipped.
        #expect(summary.counts == Self.counts(5, 7, 2))
        #expect(summary.failures == Self.xctestFailures + [Self.twoIssues, Self.positive, Self.discounts, Self.throwsError])
        #expect(summary.failureBlocks == [
            ["/tmp/fx/swiftpkg/Tests/ShelfTests/CartTests.swift:10: error: CartTests.testDiscount : XCTAssertEqual failed: (\"30\") is not equal to (\"27\") - discount not applied",
             "Test Case 'CartTests.testDiscount' failed (0.001 seconds)"],
            ["<EXPR>:0: error: ThrowingTests.testThrows : threw error \"Boom()\"",
             "Test Case 'ThrowingTests.testThrows' failed (0.0 seconds)"],
            ["/tmp/fx/swiftpkg/Tests/ShelfTests/CartTests.swift:25: error: ThrowingTests.testUnwrap : XCTUnwrap failed: expected non-nil value of type \"Int\" -",
             "Test Case 'ThrowingTests.testUnwrap' failed (0.0 seconds)"],
            ["✘ Test twoIssues() recorded an issue at ShelfTests.swift:32:5: Expectation failed: 1 == 2",
             "✘ Test twoIssues() recorded an issue at ShelfTests.swift:33:5: Expectation failed: Bool(false)",
             "↳ second",
             "✘ Test twoIssues() failed after 0.001 seconds with 2 issues."],
            ["✘ Test positive(_:) recorded an issue with 1 argument n → 3 at ShelfTests.swift:28:5: Expectation failed: (n → 3) < 3",
             "✘ Test positive(_:) with 3 test cases failed after 0.001 seconds with 1 issue."],
            ["✘ Test \"Discounts apply\" recorded an issue at ShelfTests.swift:11:9: Expectation failed: (total([10, 20]) → 30) == 27",
             "✘ Test \"Discounts apply\" failed after 0.001 seconds with 1 issue."],
            ["✘ Test throwsError() recorded an issue at ShelfTests.swift:40:2: Caught error: Boom()",
             "✘ Test throwsError() failed after 0.001 seconds with 1 issue."],
        ])
        #expect(summary.running.isEmpty)
    }

    @Test func swiftTestOnATerminalKilledWhileATestHangs() {
        // Colours, "\r\n" line ends and "\e[2K\r" progress rewrites, as a terminal gets them.
        let summary = TestOutputAnalyzer.analyze(F.swiftTestKilledTerminal, projectRoots: Self.swiftRoot)
        #expect(summary.runners == ["xctest", "swift-testing"])
        #expect(summary.counts == Self.counts(4, 7, 2))
        #expect(summary.failures == Self.xctestFailures + [Self.positive, Self.twoIssues, Self.throwsError, Self.discounts])
        #expect(summary.running == ["waits()"])
        #expect(summary.hang?.test == "waits()")
    }

    // MARK: cargo test

    @Test func cargoFailures() {
        let summary = TestOutputAnalyzer.analyze(F.cargoFailed, projectRoots: ["/tmp/fx/rs/shelf"])
        #expect(summary.runners == ["cargo"])
        #expect(summary.counts == Self.counts(2, 2, 1))
        #expect(summary.failures == [
            TestFailure(name: "tests::discount", message: "assertion `left == right` failed: discount not applied\n  left: 30\n right: 27",
                        location: "src/lib.rs:16"),
            TestFailure(name: "tests::panics_plainly", message: "index out of bounds: the len is 0 but the index is 3",
                        location: "src/lib.rs:23"),
        ])
        #expect(summary.failureBlocks == [
            ["---- tests::discount stdout ----", "",
             "thread 'tests::discount' (7915) panicked at src/lib.rs:16:9:",
             "assertion `left == right` failed: discount not applied", "  left: 30", " right: 27"],
            ["---- tests::panics_plainly stdout ----", "about to index", "",
             "thread 'tests::panics_plainly' (7917) panicked at src/lib.rs:23:18:",
             "index out of bounds: the len is 0 but the index is 3"],
        ])
    }

    @Test func cargoCountsEveryTestBinary() {
        let summary = TestOutputAnalyzer.analyze(F.cargoPassed)
        #expect(summary.runners == ["cargo"])
        // Unit tests 4 passed, 1 ignored; the integration test; doc-tests ran none.
        #expect(summary.counts == Self.counts(5, 0, 1))
        #expect(!summary.ranNoTests)
        #expect(summary.failures.isEmpty)
    }

    @Test func cargoTestRunningForOverSixtySeconds() {
        let summary = TestOutputAnalyzer.analyze(F.cargoHangTerminal)
        #expect(summary.runners == ["cargo"])
        #expect(summary.counts == Self.counts(1, 0, 0))
        #expect(summary.running == ["tests::waits_for_pod"])
    }

    @Test func cargoPanicsBeforeRust173() {
        // Written from Rust 1.72's libtest format (message quoted, then the location), not generated here.
        let output = """
            running 1 test
            test tests::discount ... FAILED

            failures:

            ---- tests::discount stdout ----
            thread 'tests::discount' panicked at 'assertion failed: `(left == right)`', src/lib.rs:16:9
            note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace


            failures:
                tests::discount

            test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

            """
        let summary = TestOutputAnalyzer.analyze(output)
        #expect(summary.counts == Self.counts(0, 1, 0))
        #expect(summary.failures == [TestFailure(name: "tests::discount", message: "assertion failed: `(left == right)`",
                                                 location: "src/lib.rs:16")])
    }

    // MARK: not a test run

    @Test func buildsAndLintersAreNotTestRuns() {
        for output in [F.goVet, F.cargoBuildError, F.swiftBuildError, F.pythonCompileError, "", "\n\n", "ok\nFAIL\nPASS\n"] {
            let summary = TestOutputAnalyzer.analyze(output)
            #expect(summary.runners.isEmpty, "\(output)")
            #expect(summary.counts == nil)
            #expect(!summary.ranNoTests)
            #expect(summary.failures.isEmpty)
            #expect(summary.failureBlocks.isEmpty)
            #expect(summary.running.isEmpty)
        }
    }

    // MARK: streaming

    static let allFixtures = [
        F.goPlain, F.goVerbose, F.goJSON, F.goNoTests, F.goOkOnly, F.goTimeoutVerbose, F.goTimeoutJSON, F.goTimeoutPlain120,
        F.gotestsumVerbose, F.ginkgoColor, F.ginkgoVerbose, F.ginkgoTimeout, F.ginkgoJSON, F.pytestDefault, F.pytestVerbose,
        F.pytestKilled, F.swiftTest, F.swiftTestKilledTerminal, F.cargoFailed, F.cargoHangTerminal,
    ]

    static func analyze(_ bytes: [UInt8], in chunks: [Int]) -> TestRunSummary {
        let analyzer = TestOutputAnalyzer()
        var start = 0
        bytes.withUnsafeBytes { buffer in
            for size in chunks + [bytes.count] {
                let end = min(bytes.count, start + size)
                analyzer.write(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
                start = end
            }
        }
        return analyzer.finish()
    }

    @Test func oneByteAtATimeGivesWhatTheWholeGives() {
        for output in Self.allFixtures {
            let bytes = Array(output.utf8)
            let whole = TestOutputAnalyzer.analyze(output)
            #expect(Self.analyze(bytes, in: Array(repeating: 1, count: bytes.count)) == whole)
        }
    }

    @Test func cutAtEveryByteGivesWhatTheWholeGives() {
        // Colours, "\r\n", multi-byte symbols: every place a write can end.
        let bytes = Array(F.swiftTestKilledTerminal.utf8)
        let whole = TestOutputAnalyzer.analyze(F.swiftTestKilledTerminal)
        var differing: [Int] = []
        for cut in 0...bytes.count where Self.analyze(bytes, in: [cut]) != whole { differing.append(cut) }
        #expect(differing.isEmpty)
    }

    @Test func invalidUTF8AndNULsInOtherLinesChangeNothing() {
        var bytes: [UInt8] = [0xFF, 0x00, 0x0A]
        for line in F.goVerbose.split(separator: "\n", omittingEmptySubsequences: false) {
            bytes += Array(line.utf8) + [0x0A]
            bytes += [0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x00, 0x80, 0x0A]
        }
        let summary = Self.analyze(bytes, in: [7, 13, 1, 4096])
        #expect(summary == TestOutputAnalyzer.analyze(F.goVerbose))
        // Invalid bytes in a test's name become U+FFFD; nothing traps.
        let odd = Self.analyze(Array("=== RUN   TestA".utf8) + [0xFF, 0x00] + Array("\n--- FAIL: TestA".utf8) + [0xFF, 0x00]
                                   + Array(" (0.00s)\n".utf8), in: [5])
        #expect(odd.failures.map(\.name) == ["TestA\u{FFFD}\u{0}"])
        #expect(odd.running.isEmpty)
    }

    @Test func progressRewritesAndLongLines() {
        let long = String(repeating: "x", count: 1 << 20)
        let output = "Downloading 10%\rDownloading 50%\r--- FAIL: TestProgress (0.00s)\r\n"
            + "    progress_test.go:3: rewritten\n"
            + long + "\n"
            + "--- FAIL: \(long) (0.00s)\n"
            + "FAIL\texample.com/p\t0.01s\n"
        let summary = TestOutputAnalyzer.analyze(output)
        #expect(summary.runners == ["go"])
        #expect(summary.failures.count == 2)
        #expect(summary.failures[0] == TestFailure(name: "TestProgress", message: "rewritten", location: "progress_test.go:3"))
        // A line is cut at 4096 bytes; a name at 500 characters.
        #expect(summary.failures[1].name == String(repeating: "x", count: 499) + "…")
        #expect(summary.failureBlocks == [["--- FAIL: TestProgress (0.00s)", "    progress_test.go:3: rewritten"]])
    }

    @Test func escapesThatRegularExpressionsMiss() {
        // `tput sgr0` ends colour with ESC ( B; an OSC hyperlink wraps a name.
        let output = "running 1 test\ntest a::b ... \u{1B}[31mFAILED\u{1B}(B\u{1B}[m\n"
            + "\u{1B}]8;;file:///x\u{07}test a::c ... ok\u{1B}]8;;\u{1B}\\\n"
            + "test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n"
        let summary = TestOutputAnalyzer.analyze(output)
        #expect(summary.counts == Self.counts(1, 1, 0))
        #expect(summary.failures.map(\.name) == ["a::b"])
    }

    @Test func writesAfterFinishAreIgnoredAndFinishRepeats() {
        let analyzer = TestOutputAnalyzer()
        Array(F.goVerbose.utf8).withUnsafeBytes { analyzer.write($0) }
        let first = analyzer.finish()
        Array(F.pytestDefault.utf8).withUnsafeBytes { analyzer.write($0) }
        #expect(analyzer.finish() == first)
    }

    // MARK: bounds

    @Test func listsAreBounded() {
        var output = "running 3000 tests\n"
        for index in 0..<1_000 {
            output += "test t\(index) ... FAILED\n"
        }
        for index in 0..<500 {
            output += "test slow\(index) has been running for over 60 seconds\n"
        }
        for index in 0..<1_000 {
            output += "---- t\(index) stdout ----\nthread 't\(index)' panicked at src/lib.rs:\(index + 1):5:\n"
            output += (0..<30).map { "line \($0) " + String(repeating: "y", count: 300) }.joined(separator: "\n") + "\n\n"
        }
        let summary = TestOutputAnalyzer.analyze(output)
        #expect(summary.failures.count == 50)
        // A message is cut at 500 characters.
        let message = "line 0 " + String(repeating: "y", count: 300) + "\nline 1 " + String(repeating: "y", count: 184) + "…"
        #expect(summary.failures.first == TestFailure(name: "t0", message: message, location: "src/lib.rs:1"))
        #expect(summary.failureBlocks.count == 20)
        #expect(summary.failureBlocks.allSatisfy { $0.count <= 15 && $0.allSatisfy { $0.count <= 241 } })
        #expect(summary.running.count == 100)
        #expect(summary.running.first == "slow400")
        #expect(summary.running.last == "slow499")
        #expect(summary.counts == Self.counts(0, 1_000, 0))
    }

    @Test func twoHundredMegabytesInBoundedMemory() {
        // 1 MiB chunks of go test -v output, a 600 KiB line, progress rewrites and a few
        // failures; memory held between writes must not grow with the output.
        var chunk = ""
        for index in 0..<1_500 { chunk += "=== RUN   TestBulk\(index)\n--- PASS: TestBulk\(index) (0.00s)\n" }
        chunk += String(repeating: "z", count: 600 << 10) + "\n"
        for percent in 0..<100 { chunk += "\rprogress \(percent)% " + String(repeating: ".", count: 1_000) }
        chunk += "\n"
        chunk += "=== RUN   TestFlaky\n    flaky_test.go:9: timing\n--- FAIL: TestFlaky (0.01s)\n"
        chunk += String(repeating: "p", count: (1 << 20) - chunk.utf8.count - 1) + "\n"
        let bytes = Array(chunk.utf8)
        #expect(bytes.count == 1 << 20)

        let analyzer = TestOutputAnalyzer(projectRoots: ["/src"])
        var largest = 0
        bytes.withUnsafeBytes { buffer in
            for _ in 0..<200 {
                // Odd-sized writes, so lines and escapes straddle them.
                var start = 0
                for size in [1, 4_095, 65_537, 300_001] where start < buffer.count {
                    analyzer.write(UnsafeRawBufferPointer(rebasing: buffer[start..<min(buffer.count, start + size)]))
                    start += size
                }
                analyzer.write(UnsafeRawBufferPointer(rebasing: buffer[min(start, buffer.count)...]))
                largest = max(largest, analyzer.retainedBytes)
            }
        }
        let summary = analyzer.finish()
        #expect(summary.runners == ["go"])
        #expect(summary.counts == Self.counts(300_000, 200, 0))
        #expect(summary.failures == [TestFailure(name: "TestFlaky", message: "timing", location: "flaky_test.go:9")])
        #expect(summary.failureBlocks == [["--- FAIL: TestFlaky (0.01s)", "    flaky_test.go:9: timing"]])
        #expect(summary.running.isEmpty)
        #expect(largest < 64 << 10, "held \(largest) bytes between writes")
    }
}
