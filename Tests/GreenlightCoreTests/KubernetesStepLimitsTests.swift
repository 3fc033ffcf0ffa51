import FakeKubernetes
import Foundation
@testable import GreenlightCore
import GreenlightTestSupport
import Testing

/// The step script enforces each step's `timeout` and `idle_timeout` inside the pod, asks the
/// hung test process for its state first, and sends the step's JUnit reports back through the
/// log: run for real by the fake kubelet (the script, /proc and the signals are real).
@Suite("clean room on Kubernetes: step limits, hangs and reports", .serialized, .timeLimit(.minutes(5)))
struct KubernetesStepLimitsTests {
    static let goroutineDump = """
        SIGQUIT: quit
        PC=0x46b0e1 m=0 sigcode=0

        goroutine 7 [chan receive]:
        example.com/hang/cmd.waitForPodRunning(...)
        \t/workspace/src/cmd/cache_list.go:212
        example.com/hang/cmd.TestCacheList(0xc000007860)
        \t/workspace/src/cmd/cache_list_test.go:9 +0x25
        testing.tRunner(0xc000007860, 0x5a3d48)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        created by testing.(*T).Run
        \t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

        """

    @Test func aHungTestIsAskedForItsStateInsideThePodBeforeTheJobDeadline() async throws {
        try await KubernetesFixture.with { fixture in
            _ = try FakeTestBinary.build(named: "cmd.test", in: fixture.repo.url, signal: "SIGQUIT", dump: Self.goroutineDump)
            try fixture.writeConfig(timeout: "2m", step: "./cmd.test", stepFields: ", timeout: 2s")
            try fixture.repo.commitAll("a test that hangs")
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .fail, "\(outcome.summary)")
            let step = try #require(outcome.steps.first)
            #expect(step.timedOut && !step.idleTimedOut)
            #expect(step.stateRequests.count == 1 && step.stateRequests[0].hasPrefix("SIGQUIT to cmd.test (pid "), "\(step.stateRequests)")
            #expect(step.hang == HangReport(test: "TestCacheList", frames: ["cmd/cache_list.go:212 waitForPodRunning", "cmd/cache_list_test.go:9 TestCacheList"]))
            #expect(outcome.summary == "step 'test' timed out after 2s: hung in TestCacheList (cmd/cache_list.go:212 waitForPodRunning)")
            let note = try #require(try fixture.repo.note())
            let record = try #require(NoteCodec().decode(note).records.first)
            #expect(record.steps.first?.hang == step.hang)
            #expect(record.steps.first?.timedOut == true)
        }
    }

    @Test func theIdleTimeoutEndsASilentStep() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(timeout: "2m", step: "echo started; sleep 60", stepFields: ", idle_timeout: 2s, on_timeout: kill")
            try fixture.repo.commitAll("silent")
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .fail, "\(outcome.summary)")
            let step = try #require(outcome.steps.first)
            #expect(step.timedOut && step.idleTimedOut && step.stateRequests.isEmpty)
            #expect(step.output == "started")
            #expect(outcome.summary == "step 'test' produced no output for 2s (idle_timeout) (killed with its process group)")
        }
    }

    /// A child the step leaves running holds its output open: the step still ends when its own
    /// shell does, with its status and every line it printed (the last one without a newline too).
    @Test func aStepWithAnIdleTimeoutEndsWithItsShellNotItsChildren() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(timeout: "2m", step: "sleep 60 & printf \"first\\n\\nlast\"", stepFields: ", idle_timeout: 30s")
            try fixture.repo.commitAll("a step that leaves a child behind")
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .pass, "\(outcome.summary)")
            let step = try #require(outcome.steps.first)
            #expect(!step.timedOut)
            #expect(step.output == "first\n\nlast")
        }
    }

    @Test func junitReportsComeBackThroughTheLog() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.repo.write("report.xml", """
                <testsuite name="e2e"><testcase classname="tests.e2e.test_pod" name="test_creates_the_pod"><failure message="AssertionError: timed out waiting for Running">/workspace/src/tests/e2e/test_pod.py:41: AssertionError</failure></testcase><testcase classname="tests.e2e.test_pod" name="test_lists"/></testsuite>
                """)
            try fixture.writeConfig(step: "mkdir -p out && cp report.xml out/e2e.xml && exit 1", stepFields: ", reports: [out/*.xml]")
            try fixture.repo.commitAll("an e2e failure")
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .fail, "\(outcome.summary)")
            let step = try #require(outcome.steps.first)
            #expect(step.tests == TestCounts(passed: 1, failed: 1))
            #expect(step.failures == [TestFailure(name: "tests.e2e.test_pod.test_creates_the_pod", message: "AssertionError: timed out waiting for Running", location: "tests/e2e/test_pod.py:41")])
            // The report's lines are not the step's output.
            #expect(!step.output.contains("report"), "\(step.output)")
            #expect(outcome.failingTests == ["tests.e2e.test_pod.test_creates_the_pod"])
        }
    }

    @Test func aJobWhoseStepsRanNoTestsIsAFailWithoutTheClusterSignature() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(step: "echo \"?   \texample.com/m\t[no test files]\"")
            try fixture.repo.commitAll("no tests")
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .fail, "\(outcome.summary)")
            #expect(outcome.summary == "step 'test' ran no tests: its output is a test run (go) that ran none; if that is intended, set allow_no_tests: true on the step")
            #expect(outcome.attestations.isEmpty)
        }
    }
}
