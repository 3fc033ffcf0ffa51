import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// A hung step is asked for its state before it is killed: the processes below it are found
/// through /proc and each gets the signal its runtime answers with a dump. The stand-ins for Go
/// test binaries are real executables named `*.test` (compiled here from C), so that the
/// classification sees what it sees in a real `go test` tree; Python and the JVM are the real ones.
@Suite("hang diagnosis: asking a hung step for its state", .serialized, .timeLimit(.minutes(5)))
struct StateDumpTests {
    let launcher = SystemProcessLauncher(killGrace: 0.5)

    func run(_ command: String, in directory: URL, timeout: TimeInterval = 1, idle: TimeInterval? = nil,
             grace: TimeInterval? = 5, environment: [String: String] = [:]) async throws -> (ProcessResult, String) {
        var spec = ProcessSpec(command: command, directory: directory,
                               environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"].merging(environment) { $1 },
                               timeout: timeout)
        spec.idleTimeout = idle
        spec.stateDumpGrace = grace
        let sink = RecordingSink()
        let result = try await launcher.run(spec, output: sink, group: ProcessGroupSet())
        return (result, sink.text)
    }

    @Test func aGoTestBinaryGetsSIGQUITAndItsDumpReachesTheOutput() async throws {
        let scratch = ScratchDirectory("dump-go")
        _ = try FakeTestBinary.build(named: "cmd.test", in: scratch.url, signal: "SIGQUIT",
                                    dump: "SIGQUIT: quit\ngoroutine 7 [chan receive]:\n")
        // A shell between the step and the binary, as `go test` puts the go command there.
        let (result, output) = try await run("sh -c './cmd.test; echo \"cmd.test exited $?\"'; sleep 30", in: scratch.url)
        #expect(result.timedOut)
        #expect(result.stateRequests.map(\.program) == ["cmd.test"])
        #expect(result.stateRequests.map(\.kind) == [.goTest])
        #expect(output == "=== RUN   TestWait\nSIGQUIT: quit\ngoroutine 7 [chan receive]:\ncmd.test exited 2\n")
    }

    @Test func aGinkgoSuiteGetsSIGINTFirst() async throws {
        let scratch = ScratchDirectory("dump-ginkgo")
        _ = try FakeTestBinary.build(named: "e2e.test", in: scratch.url, signal: "SIGINT",
                                    dump: "Interrupted by User\n", marker: "github.com/onsi/ginkgo/v2")
        // The Ginkgo CLI starts its suites with -ginkgo. flags: its interrupt handler is running.
        let (result, output) = try await run("./e2e.test --ginkgo.seed=1", in: scratch.url)
        #expect(result.stateRequests.map(\.kind) == [.ginkgo])
        #expect(output == "=== RUN   TestWait\nInterrupted by User\n")
        // Under `go test` the same binary may be running a plain test: SIGQUIT's dump works either way.
        _ = try FakeTestBinary.build(named: "plain.test", in: scratch.url, signal: "SIGQUIT",
                                     dump: "SIGQUIT: quit\n", marker: "github.com/onsi/ginkgo/v2")
        let (plain, plainOutput) = try await run("./plain.test -test.v", in: scratch.url)
        #expect(plain.stateRequests.map(\.kind) == [.goTest])
        #expect(plainOutput == "=== RUN   TestWait\nSIGQUIT: quit\n")
    }

    @Test func onTimeoutKillAsksNothing() async throws {
        let scratch = ScratchDirectory("dump-kill")
        _ = try FakeTestBinary.build(named: "cmd.test", in: scratch.url, signal: "SIGQUIT", dump: "dump\n")
        let (result, output) = try await run("./cmd.test", in: scratch.url, grace: nil)
        #expect(result.timedOut)
        #expect(result.stateRequests.isEmpty)
        #expect(output == "=== RUN   TestWait\n")
    }

    @Test func pythonWithFaulthandlerPrintsItsTraceback() async throws {
        let scratch = ScratchDirectory("dump-python")
        try "import time\ndef wait_for_pod():\n    while True:\n        time.sleep(0.05)\nprint('waiting', flush=True)\nwait_for_pod()\n"
            .write(to: scratch.url.appendingPathComponent("hang.py"), atomically: true, encoding: .utf8)
        // The outer interpreter waits for the inner one (as pytest waits for a server its test
        // started, or tox for pytest): both are asked, deepest first and one at a time, so the
        // tracebacks do not interleave (the outer one may have ended by its turn).
        let (result, output) = try await run(
            "python3 -c 'import subprocess, sys; sys.exit(subprocess.call([sys.executable, \"hang.py\"]))'",
            in: scratch.url, timeout: 2, environment: ["PYTHONFAULTHANDLER": "1"])
        #expect((1...2).contains(result.stateRequests.count))
        #expect(result.stateRequests.allSatisfy { $0.kind == .python })
        #expect(result.stateRequests.map(\.pid) == result.stateRequests.map(\.pid).sorted(by: >), "the inner interpreter first")
        #expect(output.contains("Fatal Python error: Aborted"))
        #expect(output.contains("line 4 in wait_for_pod"))
    }

    @Test func pythonWithoutFaulthandlerIsNotAsked() async throws {
        let scratch = ScratchDirectory("dump-python-off")
        let (result, _) = try await run("python3 -c 'import time; time.sleep(60)'", in: scratch.url)
        #expect(result.timedOut)
        #expect(result.stateRequests.isEmpty)
    }

    @Test func aJVMPrintsAThreadDumpAndIsKilledAfterTheGrace() async throws {
        let scratch = ScratchDirectory("dump-jvm")
        try """
            public class Hang {
                static void waitForPod() throws Exception { while (true) Thread.sleep(50); }
                public static void main(String[] args) throws Exception { System.out.println("waiting"); waitForPod(); }
            }
            """.write(to: scratch.url.appendingPathComponent("Hang.java"), atomically: true, encoding: .utf8)
        let compile = try await run("javac Hang.java", in: scratch.url, timeout: 120, grace: nil)
        #expect(compile.0.exitCode == 0)
        // The step prints `waiting` once the JVM is up; the idle timeout fires a second after.
        let (result, output) = try await run("java -cp . Hang", in: scratch.url, timeout: 120, idle: 1, grace: 2)
        #expect(result.timedOut && result.idleTimedOut)
        #expect(result.stateRequests.map(\.kind) == [.jvm])
        #expect(output.contains("Full thread dump"))
        #expect(output.contains("at Hang.waitForPod(Hang.java:2)"))
    }

    @Test func aSwiftTestProcessWithTheBacktracerPrintsEveryThread() async throws {
        let scratch = ScratchDirectory("dump-swift")
        try "import Foundation\nfunc waitForPodRunning() { while true { usleep(10_000) } }\nprint(\"waiting\"); fflush(stdout)\nwaitForPodRunning()\n"
            .write(to: scratch.url.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let compile = try await run("swiftc -g -Onone main.swift -o HangPackageTests.xctest", in: scratch.url, timeout: 300, grace: nil)
        #expect(compile.0.exitCode == 0, "\(compile.1)")
        let (result, output) = try await run("./HangPackageTests.xctest", in: scratch.url, timeout: 120, idle: 1,
                                             environment: StepDefinition.diagnosisEnvironment)
        #expect(result.stateRequests.map(\.kind) == [.swift])
        #expect(output.contains("*** Program crashed: Aborted"), "\(output)")
        #expect(output.contains("main.swift:"), "\(output)")
        // Without the backtracer it is not asked (SIGABRT would only kill it).
        let (plain, _) = try await run("./HangPackageTests.xctest", in: scratch.url, timeout: 120, idle: 1)
        #expect(plain.timedOut && plain.stateRequests.isEmpty)
    }

    @Test func theIdleTimeoutFiresOnSilenceOnly() async throws {
        let scratch = ScratchDirectory("idle")
        let (silent, _) = try await run("echo started; sleep 30", in: scratch.url, timeout: 60, idle: 0.5, grace: nil)
        #expect(silent.timedOut && silent.idleTimedOut)
        // Output every 50 ms keeps a 1 s idle timeout away for the whole run.
        let (chatty, output) = try await run("i=0; while [ $i -lt 15 ]; do echo $i; sleep 0.05; i=$((i+1)); done",
                                              in: scratch.url, timeout: 60, idle: 1, grace: nil)
        #expect(!chatty.timedOut && chatty.exitCode == 0)
        #expect(output.split(separator: "\n").count == 15)
    }
}
