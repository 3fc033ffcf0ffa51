import Foundation
@testable import GreenlightCore
import GreenlightTestSupport
import Testing

/// The one launcher as everything but steps uses it: argument vectors, stdout and stderr
/// apart, the spec's own PATH, and groups that a second interrupt kills at once.
@Suite("running programs through the launcher", .timeLimit(.minutes(1)))
struct ProcessRunnerTests {
    let runner = ProcessRunner(launcher: SystemProcessLauncher(killGrace: 0.5), group: ProcessGroupSet())

    @Test func captureKeepsStdoutAndStderrApartWithTheExitCode() async throws {
        let scratch = ScratchDirectory("runner")
        let result = try await runner.capture(ProcessSpec(
            executable: "/bin/sh", arguments: ["-c", "echo out; echo err >&2; echo 'two words' \"$1\"; exit 4", "sh", "a b"],
            directory: scratch.url, environment: ["PATH": "/usr/bin:/bin"]))
        #expect(result.stdout == "out\ntwo words a b\n")
        #expect(result.stderr == "err\n")
        #expect(result.result.exitCode == 4)
        #expect(!result.succeeded)
        #expect(result.firstErrorLine == "err")
        #expect(!result.truncated)
    }

    /// A name without a slash is looked up on the PATH the child gets, not on greenlight's own.
    @Test func aProgramIsFoundOnTheSpecsPath() async throws {
        let scratch = ScratchDirectory("runner")
        let tools = scratch.path("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try ExecutableFile.write("#!/bin/sh\necho \"hello $1\"\n", to: tools.appendingPathComponent("greet"))
        let found = try await runner.capture(ProcessSpec(executable: "greet", arguments: ["world"], directory: scratch.url,
                                                         environment: ["PATH": "/nonexistent:\(tools.path)"]))
        #expect(found.stdout == "hello world\n")
        let error = await #expect(throws: SystemProcessLauncher.SpawnError.self) {
            try await runner.capture(ProcessSpec(executable: "greet", arguments: [], directory: scratch.url,
                                                 environment: ["PATH": "/usr/bin:/bin"]))
        }
        #expect(error?.errno == ENOENT)
        #expect(error?.description == "cannot start greet in \(scratch.url.path): No such file or directory")
    }

    @Test func outputPastTheLimitIsDroppedAndSaidSo() async throws {
        let scratch = ScratchDirectory("runner")
        let result = try await runner.capture(ProcessSpec(executable: "/bin/sh", arguments: ["-c", "yes | head -c 100000"],
                                                          directory: scratch.url, environment: ["PATH": "/usr/bin:/bin"]),
                                              limit: 1000)
        #expect(result.stdout.utf8.count == 1000)
        #expect(result.truncated)
        #expect(result.succeeded)
    }

    /// killAll does not wait for the kill grace: with a grace of ten minutes, only SIGKILL
    /// sent at once lets this test end within its time limit.
    @Test func killAllKillsAStepThatIgnoresTermAtOnce() async throws {
        let scratch = ScratchDirectory("runner")
        let group = ProcessGroupSet()
        let patient = ProcessRunner(launcher: SystemProcessLauncher(killGrace: 600), group: group.makeChild())
        let marker = scratch.path("trapped")
        async let running = patient.capture(ProcessSpec(command: "trap '' TERM INT; touch '\(marker.path)'; sleep 300",
                                                        directory: scratch.url, environment: ["PATH": "/usr/bin:/bin"]))
        while !FileManager.default.fileExists(atPath: marker.path) { try await Task.sleep(for: .milliseconds(20)) }
        group.stopAll()
        try await Task.sleep(for: .milliseconds(200))
        group.killAll()
        let result = try await running
        #expect(result.result.signal == SIGKILL)
        #expect(result.result.terminated)
    }

    /// git push --porcelain's documented status flag decides a retry, never its messages.
    @Test func aRejectedNotesPushIsReadFromThePorcelainFlag() {
        let ref = "refs/notes/greenlight"
        let rejected = "To ../remote.git\n!\trefs/notes/greenlight:refs/notes/greenlight\t[rejected] (fetch first)\nDone\n"
        let other = "To ../remote.git\n!\trefs/heads/main:refs/heads/main\t[rejected] (non-fast-forward)\nDone\n"
        let pushed = "To ../remote.git\n \trefs/notes/greenlight:refs/notes/greenlight\tabc..def\nDone\n"
        #expect(NotesSync.wasRejected(porcelain: rejected, ref: ref))
        #expect(!NotesSync.wasRejected(porcelain: other, ref: ref))
        #expect(!NotesSync.wasRejected(porcelain: pushed, ref: ref))
        #expect(!NotesSync.wasRejected(porcelain: "", ref: ref))
    }
}
