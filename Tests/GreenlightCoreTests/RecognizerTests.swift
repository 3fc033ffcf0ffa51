import GreenlightCore
import Testing

@Suite("failure report pieces")
struct RecognizerTests {
    let recognizer = FailingTestRecognizer()

    @Test func goTest() {
        let output = """
            === RUN   TestPVC
            --- FAIL: TestPVC (0.01s)
                --- FAIL: TestPVC/pending (0.00s)
            --- PASS: TestOther (0.00s)
            FAIL
            """
        #expect(recognizer.failingTests(in: output) == ["TestPVC", "TestPVC/pending"])
    }

    @Test func xctestAndSwiftTesting() {
        let output = """
            Test Case 'CLITests.testWaitsForPod' started at 2026-01-01
            /src/CLITests.swift:10: error: CLITests.testWaitsForPod : XCTAssertEqual failed
            Test Case 'CLITests.testWaitsForPod' failed (0.002 seconds)
            Test Case '-[AppTests.Suite testDarwin]' failed (0.010 seconds)
            ✘ Test podBecomesReady() failed after 0.004 seconds with 1 issue.
            ✘ Test "PVC binds in time" failed after 1.5 seconds with 2 issues.
            ✔ Test fine() passed after 0.001 seconds.
            """
        #expect(recognizer.failingTests(in: output) == [
            "CLITests.testWaitsForPod", "AppTests.Suite testDarwin", "podBecomesReady()", "\"PVC binds in time\"",
        ])
    }

    @Test func pytestAndCargo() {
        let output = """
            tests/test_cli.py::test_wait FAILED                                  [ 50%]
            =========================== short test summary info ============================
            FAILED tests/test_cli.py::test_wait - AssertionError: pod never ready
            FAILED tests/test_api.py::TestApi::test_get - KeyError
            test volume::tests::binds ... FAILED
            test volume::tests::ok ... ok
            """
        #expect(recognizer.failingTests(in: output) == [
            "tests/test_cli.py::test_wait", "tests/test_api.py::TestApi::test_get", "volume::tests::binds",
        ])
    }

    @Test func namesAreTheAnalyzersFailures() {
        // One recognition: the names are those of TestOutputAnalyzer's failures, in real outputs too.
        for output in [TestOutputFixtures.ginkgoColor, TestOutputFixtures.pytestVerbose, TestOutputFixtures.swiftTestKilledTerminal,
                       TestOutputFixtures.goJSON, TestOutputFixtures.cargoFailed] {
            #expect(recognizer.failingTests(in: output) == TestOutputAnalyzer.analyze(output).failures.map(\.name))
        }
        #expect(recognizer.failingTests(in: TestOutputFixtures.ginkgoColor) == [
            "Books Categorizing book length [It] says short books are short stories",
            "Books Categorizing book length [It] panics on nothing",
        ])
        #expect(FailingTestRecognizer(limit: 2).failingTests(in: TestOutputFixtures.swiftTest) == [
            "CartTests.testDiscount", "ThrowingTests.testThrows",
        ])
        #expect(recognizer.failingTests(in: TestOutputFixtures.swiftBuildError).isEmpty)
    }

    /// A quoted line cannot drive the reader's terminal: NUL, other C0 controls and C1 controls
    /// (U+009B is a one-character CSI) are replaced; a lone ESC before a line break keeps the break.
    @Test func lastLinesAreMadePrintable() {
        let output = "nul\u{0}here\ncsi\u{9B}31mred\ntab\tkept\nlone\u{1B}\nnext\n"
        #expect(LogExcerpt.lastLines(of: output, count: 10) == ["nul\u{FFFD}here", "csi\u{FFFD}31mred", "tab\tkept", "lone", "next"])
    }

    /// A runner's own statement that the run failed, in each runner's words; a single failure
    /// line, or a passing summary, is none.
    @Test(arguments: [
        ("FAIL\texample.com/m/p\t0.012s\n", true),
        ("--- FAIL: TestX (0.00s)\nFAIL\n", true),
        ("{\"Time\":\"t\",\"Action\":\"fail\",\"Package\":\"example.com/m\",\"Elapsed\":0.01}\n", true),
        ("FAIL! -- 4 Passed | 1 Failed | 0 Pending | 5 Skipped\n", true),
        ("===== 1 failed, 3 passed in 0.12s =====\n", true),
        ("1 failed, 3 passed in 0.12s\n", true),
        ("Executed 3 tests, with 1 failure (0 unexpected) in 0.003 (0.003) seconds\n", true),
        ("✘ Test run with 5 tests in 2 suites failed after 0.004 seconds with 1 issue.\n", true),
        ("test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n", true),
        ("--- FAIL: TestX (0.00s)\nok  \texample.com/m\t0.01s\n", false),
        ("{\"Action\":\"fail\",\"Package\":\"example.com/m\",\"Test\":\"TestX\"}\n", false),
        ("===== 3 passed in 0.12s =====\n", false),
        ("Executed 3 tests, with 0 failures (0 unexpected) in 0.003 (0.003) seconds\n", false),
        ("test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n", false),
        ("FAILED to compile: error[E0308]\n", false),
    ] as [(String, Bool)])
    func runOutcome(output: String, failed: Bool) {
        #expect(TestOutputAnalyzer.analyze(output).runFailed == failed)
    }

    @Test func lastLinesDropColourAndTrailingBlanks() {
        let output = (1...100).map { "line \($0)" }.joined(separator: "\n") + "\n\u{1B}[31mred\u{1B}[0m\n\n\n"
        let lines = LogExcerpt.lastLines(of: output, count: 3)
        #expect(lines == ["line 99", "line 100", "red"])
        #expect(LogExcerpt.lastLines(of: "x", count: 0).isEmpty)
    }

    @Test func noteCodecSkipsForeignLinesAndRoundTrips() throws {
        let codec = NoteCodec()
        let commit = try #require(ObjectID(hex: String(repeating: "a", count: 40)))
        let record = VerdictRecord(verdict: .pass, tier: .fast, commit: commit, tree: commit, digest: "d1", backend: "workspace",
                                   startedAt: .init(timeIntervalSince1970: 1_000), finishedAt: .init(timeIntervalSince1970: 1_002.5),
                                   steps: [StepRecord(name: "build", verdict: .pass, exitCode: 0, durationSeconds: 2.5)], summary: "")
        let line = try codec.encode(record)
        #expect(!line.contains("\n"))
        let note = "hand-written remark\n\(line)\n{\"verdict\": \"maybe\"}\n"
        let decoded = codec.decode(note)
        #expect(decoded.records == [record])
        #expect(decoded.warnings.count == 2)
        #expect(decoded.warnings[0].contains("line 1"))
        #expect(record.durationSeconds == 2.5)
    }
}
