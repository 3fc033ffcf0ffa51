import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Collects everything a process printed, for assertions.
final class RecordingSink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    func write(_ chunk: UnsafeRawBufferPointer) {
        lock.lock()
        bytes.append(contentsOf: chunk)
        lock.unlock()
    }
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

@Suite("child processes", .timeLimit(.minutes(5)))
struct ProcessLauncherTests {
    let launcher = SystemProcessLauncher(killGrace: 0.5)

    @Test func runsInDirectoryWithExactlyTheGivenEnvironment() async throws {
        let scratch = ScratchDirectory("proc")
        let sink = RecordingSink()
        let outcome = try await launcher.run(
            ProcessSpec(command: "pwd; echo \"A=$A\"; echo \"HOME=${HOME-unset}\"; echo oops >&2; exit 3",
                        directory: scratch.url, environment: ["A": "one", "PATH": "/usr/bin:/bin"]),
            output: sink, group: ProcessGroupSet())
        #expect(outcome.exitCode == 3)
        #expect(!outcome.succeeded)
        #expect(sink.text == "\(scratch.url.path)\nA=one\nHOME=unset\noops\n")
    }

    /// A stop that comes after the leader ended by itself does not hide how it ended: two steps of
    /// a fail-fast tier that fail at once both fail; only one still running is "stopped".
    @Test func aStopAfterTheLeaderEndedKeepsItsOwnExitStatus() async throws {
        let scratch = ScratchDirectory("proc")
        let launcher = SystemProcessLauncher(killGrace: 0.5, drainGrace: 5)
        for (command, stopped) in [("sleep 30 & echo bye; exit 3", false), ("echo bye; sleep 30; exit 3", true)] {
            let group = ProcessGroupSet()
            let sink = RecordingSink()
            let running = Task {
                try await launcher.run(ProcessSpec(command: command, directory: scratch.url, environment: ["PATH": "/usr/bin:/bin"]),
                                       output: sink, group: group)
            }
            // The background sleep keeps the output open, so the launcher is still draining when the
            // stop comes; "bye" says the leader is at its end (on a loaded machine this takes a while).
            for _ in 0..<300 where !sink.text.contains("bye") { try await Task.sleep(for: .milliseconds(100)) }
            try await Task.sleep(for: .milliseconds(500))
            group.stopAll()
            let outcome = try await running.value
            #expect(outcome.terminated == stopped, "\(command)")
            if !stopped { #expect(outcome.exitCode == 3 && outcome.signal == nil, "\(command): \(outcome)") }
        }
    }

    /// A descriptor greenlight holds open (a log, a note, a file being written) must not reach a step.
    @Test func aChildInheritsOnlyStandardDescriptors() async throws {
        let scratch = ScratchDirectory("proc")
        let held = open(scratch.path("held-open").path, O_WRONLY | O_CREAT, 0o644)  // deliberately not close-on-exec
        #expect(held > 2)
        defer { close(held) }
        let sink = RecordingSink()
        let outcome = try await launcher.run(
            ProcessSpec(command: "ls /proc/self/fd", directory: scratch.url, environment: ["PATH": "/usr/bin:/bin"]),
            output: sink, group: ProcessGroupSet())
        #expect(outcome.succeeded)
        // 0, 1, 2, and the directory `ls` itself opens to list them.
        let descriptors = sink.text.split(separator: "\n").compactMap { Int32($0) }
        #expect(descriptors.contains(0) && descriptors.contains(1) && descriptors.contains(2))
        #expect(!descriptors.contains(held), "the step inherited descriptor \(held): \(descriptors)")
        #expect(descriptors.count == 4, "\(descriptors)")
    }

    @Test func timeoutKillsTheWholeProcessGroup() async throws {
        let scratch = ScratchDirectory("proc")
        let pidFile = scratch.path("grandchild.pid")
        let sink = RecordingSink()
        // The grandchild ignores nothing special; it must die with the group, not linger.
        let outcome = try await launcher.run(
            ProcessSpec(command: "sleep 300 & echo $! > '\(pidFile.path)'; wait", directory: scratch.url,
                        environment: ["PATH": "/usr/bin:/bin"], timeout: 0.5),
            output: sink, group: ProcessGroupSet())
        #expect(outcome.timedOut)
        #expect(!outcome.succeeded)
        #expect(outcome.duration < 30)
        let pid = try #require(Int32(try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // kill(pid, 0) fails with ESRCH once the process is gone (it was reaped by init or is a zombie at most briefly).
        var gone = false
        for _ in 0..<50 {
            if ProcessProbe.isGone(pid) { gone = true; break }
            usleep(20_000)
        }
        #expect(gone, "grandchild \(pid) survived the step's timeout")
    }

    @Test func termIgnoringProcessIsKilled() async throws {
        let scratch = ScratchDirectory("proc")
        let outcome = try await launcher.run(
            ProcessSpec(command: "trap '' TERM; sleep 300", directory: scratch.url, environment: ["PATH": "/usr/bin:/bin"], timeout: 0.3),
            output: RecordingSink(), group: ProcessGroupSet())
        #expect(outcome.timedOut)
        #expect(outcome.signal == SIGKILL || outcome.signal == SIGTERM)
    }

    @Test func stopAllTerminatesRunningAndLaterMembers() async throws {
        let scratch = ScratchDirectory("proc")
        let group = ProcessGroupSet()
        let child = group.makeChild()
        async let running = launcher.run(ProcessSpec(command: "sleep 300", directory: scratch.url, environment: [:]),
                                         output: RecordingSink(), group: child)
        try await Task.sleep(for: .milliseconds(200))
        group.stopAll()
        let outcome = try await running
        #expect(outcome.terminated)
        #expect(!outcome.timedOut)
        let late = try await launcher.run(ProcessSpec(command: "sleep 300", directory: scratch.url, environment: [:]),
                                          output: RecordingSink(), group: child)
        #expect(late.terminated)
    }

    @Test func backgroundChildHoldingThePipeDoesNotHangTheStep() async throws {
        let scratch = ScratchDirectory("proc")
        let outcome = try await launcher.run(
            ProcessSpec(command: "(sleep 300) & echo started", directory: scratch.url, environment: ["PATH": "/usr/bin:/bin"]),
            output: RecordingSink(), group: ProcessGroupSet())
        #expect(outcome.exitCode == 0)
        #expect(outcome.duration < 30)
    }

    @Test func missingDirectoryIsAnErrorNamingIt() async throws {
        let error = await #expect(throws: SystemProcessLauncher.SpawnError.self) {
            try await launcher.run(ProcessSpec(command: "true", directory: URL(fileURLWithPath: "/nonexistent/dir"), environment: [:]),
                                   output: RecordingSink(), group: ProcessGroupSet())
        }
        #expect(error?.description.contains("/nonexistent/dir") == true)
    }

    @Test func captureKeepsHeadAndTailOfAFlood() async throws {
        let scratch = ScratchDirectory("proc")
        let capture = OutputCapture(headLimit: 1024, tailLimit: 4096)
        final class CaptureSink: OutputSink, @unchecked Sendable {
            let capture: OutputCapture
            init(_ capture: OutputCapture) { self.capture = capture }
            func write(_ bytes: UnsafeRawBufferPointer) { capture.append(bytes) }
        }
        let outcome = try await launcher.run(
            ProcessSpec(command: "echo FIRST; yes filler | head -c 5000000; echo; echo LAST", directory: scratch.url,
                        environment: ["PATH": "/usr/bin:/bin"]),
            output: CaptureSink(capture), group: ProcessGroupSet())
        #expect(outcome.exitCode == 0)
        #expect(capture.totalBytes == 6 + 5_000_000 + 1 + 5)
        let text = capture.text
        #expect(text.hasPrefix("FIRST\n"))
        #expect(text.hasSuffix("LAST\n"))
        #expect(text.contains("bytes of output cut here"))
        #expect(text.utf8.count < 1024 + 4096 + 200)
        #expect(capture.cutBytes == capture.totalBytes - 1024 - 4096)
        #expect(capture.lastLine == "LAST")
    }

}
