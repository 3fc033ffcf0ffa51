import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// What the gate makes of a step's tests: hangs named with the project's frames, JUnit reports
/// read (fresh ones only), an empty suite failed, a shrunken suite warned about, and all of it
/// in the note.
@Suite("failure feedback from test runs", .serialized, .timeLimit(.minutes(5)))
struct TestFeedbackTests {
    static var goInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/go") }
    }

    private func gate(_ repo: ScratchRepository, progress: RecordingProgress = RecordingProgress()) throws -> Gate {
        var environment = TestEnvironment.base
        environment["HOME"] = repo.scratch.url.path
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let context = TierContext(repository: try repo.open(), launcher: SystemProcessLauncher(killGrace: 0.5),
                                  progress: progress, processes: ProcessGroupSet(), environment: environment,
                                  temporaryDirectory: repo.scratch.url)
        return try Gate.load(tiers: context)
    }

    private func fastTier(_ result: GateResult) throws -> TierRunResult {
        guard case let .ran(ran) = try #require(result.tiers.first).state else {
            Issue.record("the fast tier did not run")
            throw CancellationError()
        }
        return ran
    }

    private func recordedSteps(_ repo: ScratchRepository) throws -> [StepRecord] {
        let note = try #require(try repo.note())
        return try #require(NoteCodec().decode(note).records.first).steps
    }

    /// The motivating regression: a Go test waiting forever for a pod. The step's timeout asks
    /// the `*.test` binary for its goroutines, and the report names the test and the project's
    /// frames, innermost first.
    @Test(.enabled(if: goInstalled, "needs a Go toolchain (apt-get install golang-go)"))
    func aHungGoTestIsNamedWithItsFrames() async throws {
        let repo = try ScratchRepository()
        try repo.write("go.mod", "module example.com/hang\n\ngo 1.19\n")
        try repo.write("cmd/cache_list.go", """
            package cmd

            import "time"

            func waitForPodRunning(ready <-chan struct{}) {
            \tfor {
            \t\tselect {
            \t\tcase <-ready:
            \t\t\treturn
            \t\tdefault:
            \t\t\ttime.Sleep(10 * time.Millisecond)
            \t\t}
            \t}
            }

            """)
        try repo.write("cmd/cache_list_test.go", """
            package cmd

            import "testing"

            func TestQuick(t *testing.T) {}

            func TestCacheList(t *testing.T) {
            \twaitForPodRunning(make(chan struct{}))
            }

            """)
        try repo.write(".greenlight.yml", """
            fast:
              parallel: false
              env: {GOFLAGS: -mod=mod, GOPROXY: "off", GOTOOLCHAIN: local}
              steps:
                - name: compile
                  run: go test -count=1 -run XXX ./...
                - name: test
                  run: go test -count=1 ./...
                  timeout: 3s
            """)
        try repo.commitAll("a test that waits forever")
        let ran = try fastTier(try await gate(repo).check())
        let step = ran.steps[1]
        #expect(step.verdict == .fail && step.timedOut)
        #expect(step.stateRequests.count == 1 && step.stateRequests[0].hasPrefix("SIGQUIT to cmd.test"))
        #expect(step.hang == HangReport(test: "TestCacheList", frames: [
            "cmd/cache_list.go:11 waitForPodRunning", "cmd/cache_list_test.go:8 TestCacheList",
        ]))
        #expect(step.summary == "timed out after 3s: hung in TestCacheList (cmd/cache_list.go:11 waitForPodRunning)")
        #expect(try recordedSteps(repo)[1].hang == step.hang)
    }

    /// Inside the sealed clean room (its own PID namespace) the test binary is found and asked
    /// all the same, and paths under the sandbox's checkout are made relative.
    @Test(.requiresSandbox) func aHungTestInTheSealedCleanRoomIsDiagnosed() async throws {
        let repo = try ScratchRepository()
        let dump = KubernetesStepLimitsTests.goroutineDump.replacingOccurrences(of: "/workspace/src/", with: "/clean-room/src/")
        _ = try FakeTestBinary.build(named: "cmd.test", in: repo.url, signal: "SIGQUIT", dump: dump)
        try repo.write(".greenlight.yml", """
            clean_room:
              steps:
                - name: e2e
                  run: ./cmd.test
                  idle_timeout: 1s
            """)
        try repo.commitAll("a test that hangs")
        let result = try await gate(repo).check(tiers: .cleanRoom)
        guard case let .ran(ran) = try #require(result.tiers.last).state else { Issue.record("the clean room did not run"); return }
        let step = try #require(ran.steps.first)
        #expect(ran.isolation == .bwrap)
        #expect(step.timedOut && step.idleTimedOut)
        #expect(step.stateRequests.count == 1 && step.stateRequests[0].hasPrefix("SIGQUIT to cmd.test"), "\(step.stateRequests)")
        #expect(step.summary == "produced no output for 1s (idle_timeout): hung in TestCacheList (cmd/cache_list.go:212 waitForPodRunning)")
    }

    @Test func aTestRunThatRanNoTestsFailsUnlessAllowed() async throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - name: unit
                  run: printf '?   \\texample.com/m/a\\t[no test files]\\nok  \\texample.com/m/b\\t0.01s [no tests to run]\\n'
                - name: build
                  run: echo compiled 3 packages
            """)
        try repo.commitAll("tests deleted")
        let ran = try fastTier(try await gate(repo).check())
        #expect(ran.verdict == .fail)
        #expect(ran.steps.map(\.verdict) == [.fail, .pass])
        #expect(ran.steps[0].summary == "ran no tests: its output is a test run (go) that ran none; if that is intended, set allow_no_tests: true on the step")
        // A build's output is not a test run: unknown, never zero.
        #expect(ran.steps[1].tests == nil)

        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - name: unit
                  run: printf '?   \\texample.com/m/a\\t[no test files]\\n'
                  allow_no_tests: true
            """)
        try repo.commitAll("allowed")
        #expect(try await gate(repo).check().verdict == .pass)
    }

    /// `go test | tee log` exits with tee's status: the tests' own word decides, in text and in reports.
    @Test func failuresTheOutputReportsFailAStepThatExitedZero() async throws {
        let repo = try ScratchRepository()
        try repo.write("report.xml", "<testsuite><testcase classname='t' name='broken'><failure message='boom'/></testcase></testsuite>")
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - name: piped
                  run: "printf '=== RUN   TestBroken\\\\n    p_test.go:4: boom\\\\n--- FAIL: TestBroken (0.00s)\\\\nFAIL\\\\n' | cat"
                - name: reported
                  run: mkdir -p out && cp report.xml out/r.xml
                  reports: [out/r.xml]
            """)
        try repo.commitAll("failures behind a pipe")
        let ran = try fastTier(try await gate(repo).check())
        #expect(ran.steps.map(\.verdict) == [.fail, .fail])
        #expect(ran.steps[0].summary == "exited 0, but its output reports 1 failing test (TestBroken); a pipe or `|| true` may hide the test command's status")
        #expect(ran.steps[1].summary == "exited 0, but its output reports 1 failing test (t.broken); a pipe or `|| true` may hide the test command's status")
    }

    /// Only a runner's own verdict overrules exit 0: a passing test that prints a failure line
    /// as text (a test of a CLI or of a test runner) passes, and its step records no failures.
    @Test func aFailureLineAPassingTestPrintsIsText() async throws {
        let repo = try ScratchRepository()
        try repo.write("out.txt", "=== RUN   TestPrintsFixture\n--- FAIL: TestSomethingElse (0.00s)\n--- PASS: TestPrintsFixture (0.00s)\nPASS\nok  \texample.com/ff/p\t0.01s\n"
            + "running 1 test\ntest tests::other ... FAILED\ntest tests::prints ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n")
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - {name: unit, run: cat out.txt}
            """)
        try repo.commitAll("a test that prints a failure line")
        let ran = try fastTier(try await gate(repo).check())
        #expect(ran.verdict == .pass, "\(ran.summary)")
        #expect(ran.steps[0].failures.isEmpty)
    }

    @Test func aSuiteThatShrankIsWarnedAbout() async throws {
        let repo = try ScratchRepository()
        try repo.write("count", "10")
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - name: unit
                  run: echo "==== $(cat count) passed in 0.10s ===="
            """)
        try repo.commitAll("ten tests")
        let first = try await gate(repo).check()
        #expect(first.verdict == .pass && first.warnings.isEmpty)
        #expect(try recordedSteps(repo)[0].tests == TestCounts(passed: 10))
        try repo.write("count", "9")
        try repo.commitAll("nine tests: within 90 %")
        #expect(try await gate(repo).check().warnings.isEmpty)
        try repo.write("count", "4")
        try repo.commitAll("four tests")
        let progress = RecordingProgress()
        let shrunk = try await gate(repo, progress: progress).check()
        #expect(shrunk.verdict == .pass)
        let head = try #require(try repo.open().headCommit())
        let parent = try #require(try repo.open().firstParent(of: head))
        #expect(shrunk.warnings == ["fast step 'unit': the suite shrank from 9 to 4 tests since \(parent.short()), the last pass under this gate (were tests deleted or skipped?)"])
        #expect(progress.warnings == shrunk.warnings)
        // The warning is kept with the verdict: whoever is served it later is told too.
        let cached = RecordingProgress()
        #expect(try await gate(repo, progress: cached).check().warnings == shrunk.warnings)
        #expect(cached.warnings == shrunk.warnings)
        #expect(try await gate(repo).cachedResult(try repo.open().resolve("HEAD"))?.warnings == shrunk.warnings)
    }

    /// A suite shrunk a little at a time on a branch, each commit within 90 % of the one before,
    /// is still compared with what the trusted branch ran.
    @Test func aSuiteShrunkStepByStepIsComparedWithTheTrustedBranch() async throws {
        let repo = try ScratchRepository()
        try repo.write("count", "100")
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - name: unit
                  run: echo "==== $(cat count) passed in 0.10s ===="
            """)
        let base = try repo.commitAll("a hundred tests")
        #expect(try await gate(repo).check().verdict == .pass)
        try repo.git("update-ref", "refs/remotes/origin/main", base)
        try repo.git("config", "greenlight.trustedRef", "refs/remotes/origin/main")
        var warnings: [[String]] = []
        for count in [95, 90, 86, 82] {
            try repo.write("count", "\(count)")
            try repo.commitAll("\(count) tests")
            warnings.append(try await gate(repo).check().warnings)
        }
        let short = try #require(ObjectID(hex: base)).short()
        // 86 is within 90 % of the 90 before it, not of the trusted branch's 100.
        #expect(warnings == [[], [], [
            "fast step 'unit': the suite shrank from 100 to 86 tests since \(short), the last pass on the trusted branch (were tests deleted or skipped?)",
        ], [
            "fast step 'unit': the suite shrank from 100 to 82 tests since \(short), the last pass on the trusted branch (were tests deleted or skipped?)",
        ]])
    }

    @Test func junitReportsGiveFailuresAndStaleOnesAreNotRead() async throws {
        let repo = try ScratchRepository()
        let report = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites><testsuite name="api" tests="2" failures="1">
              <testcase classname="tests.test_api" name="test_get"/>
              <testcase classname="tests.test_api" name="test_put"><failure message="assert 404 == 200">tests/test_api.py:12: AssertionError</failure></testcase>
            </testsuite></testsuites>
            """
        try repo.write("fixture.xml", report)
        // Left over from an earlier run: committed, never written by this one.
        try repo.write("reports/stale.xml", report.replacingOccurrences(of: "test_put", with: "test_old"))
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - name: api
                  run: mkdir -p out && cp fixture.xml out/junit.xml && exit 1
                  reports: [out/*.xml, reports/stale.xml, out/junit.xml]
            """)
        try repo.commitAll("a failing API test")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: repo.url.appendingPathComponent("reports/stale.xml").path)
        let result = try await gate(repo).check()
        let step = try fastTier(result).steps[0]
        #expect(step.tests == TestCounts(passed: 1, failed: 1))
        #expect(step.failures == [TestFailure(name: "tests.test_api.test_put", message: "assert 404 == 200", location: "tests/test_api.py:12")])
        #expect(result.warnings == ["step 'api': report 'reports/stale.xml': no file written by this run matched"])
        #expect(try recordedSteps(repo)[0].failures == step.failures)
        #expect(try fastTier(result).failingTests == ["tests.test_api.test_put"])
        // --json carries the same, so an agent does not parse text; failing_tests stays a list of names.
        let document = try JSONSerialization.jsonObject(with: Data(try CheckDocument(result).json().utf8)) as? [String: Any]
        let tier = try #require((document?["tiers"] as? [[String: Any]])?.first)
        #expect(tier["failing_tests"] as? [String] == ["tests.test_api.test_put"])
        let jsonStep = try #require((tier["steps"] as? [[String: Any]])?.first)
        #expect(jsonStep["tests"] as? [String: Int] == ["passed": 1, "failed": 1, "skipped": 0])
        #expect(jsonStep["failures"] as? [[String: String]] == [["name": "tests.test_api.test_put", "message": "assert 404 == 200", "location": "tests/test_api.py:12"]])
    }
}
