import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Signals sent to a running `greenlight check` whose step escapes its process group
/// (`setsid`) or ignores SIGTERM: every descendant dies, temporary directories go, no note
/// is written, and greenlight ends by the signal it got (a shell shows 128 + its number).
@Suite("greenlight under signals", .serialized, .timeLimit(.minutes(2)))
struct SignalTests {
    /// A repository whose step starts an escapee (`setsid sleep`), a child that ignores
    /// SIGTERM, and a plain background child, records their pids, then waits.
    struct Running {
        let repo: ScratchRepository
        let temporary: URL
        let process: Process
        /// The host pids of the escapee, the stubborn child and the plain child, found by their
        /// unique `sleep` arguments (a clean-room step runs in its own PID namespace).
        let recorded: [(name: String, pid: Int32)]

        init(tier: String, ignoreTerm: Bool) async throws {
            repo = try ScratchRepository()
            temporary = repo.scratch.path("tmp")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            // The fast tier can write anywhere; the sealed clean room only to its own /tmp.
            let marks = tier == "fast" ? repo.scratch.path("marks").path : "/tmp"
            try FileManager.default.createDirectory(atPath: repo.scratch.path("marks").path, withIntermediateDirectories: true)
            let unique = String(format: "%04d", Int.random(in: 0..<10000))
            let names = ["escaped": "301.\(unique)", "stubborn": "302.\(unique)", "child": "303.\(unique)"]
            let trap = ignoreTerm ? "trap '' TERM; " : ""
            let script = """
                \(trap)setsid sleep \(names["escaped"]!) & \
                (trap '' TERM; sleep \(names["stubborn"]!)) & \
                sleep \(names["child"]!) & \
                touch \(marks)/started; while :; do sleep 1; done
                """
            let key = tier == "fast" ? "fast" : "clean_room"
            try repo.write(".greenlight.yml", "\(key):\n  steps:\n    - name: long\n      run: \"\(script)\"\n")
            try repo.commitAll("initial")
            process = Process()
            process.executableURL = GreenlightBinary.url
            process.arguments = ["check", "--tier", tier]
            process.currentDirectoryURL = repo.url
            var environment = TestEnvironment.base
            environment["TMPDIR"] = temporary.path
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            FileManager.default.createFile(atPath: repo.scratch.path("stderr").path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: repo.scratch.path("stderr"))
            try process.run()
            let temporary = self.temporary
            func started() -> Bool {
                if tier == "fast" { return FileManager.default.fileExists(atPath: "\(marks)/started") }
                let rooms = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
                return rooms.contains { FileManager.default.fileExists(atPath: temporary.path + "/" + $0 + "/tmp/started") }
            }
            for _ in 0..<600 where !started() { try await Task.sleep(for: .milliseconds(25)) }
            #expect(started(), "the step never started")
            try await Task.sleep(for: .milliseconds(100))
            recorded = names.sorted { $0.key < $1.key }.map { name, argument in
                (name, ProcessProbe.pids(withArguments: ["sleep", argument]).first ?? -1)
            }
            #expect(recorded.allSatisfy { $0.pid > 0 }, "every recorded process must be running before the signal: \(recorded)")
        }

        func send(_ signal: Int32) {
            kill(process.processIdentifier, signal)
        }

        /// Waits for greenlight to end; `nil` when it did not within `seconds`.
        func waitForExit(seconds: Double) async throws -> (reason: Process.TerminationReason, status: Int32)? {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning {
                process.terminate()
                return nil
            }
            return (process.terminationReason, process.terminationStatus)
        }

        /// The recorded processes still alive (zombies count as gone).
        func survivors() async throws -> [String] {
            var alive: [String] = []
            for (name, pid) in recorded where pid > 0 {
                if try await !ProcessProbe.wentAway(pid) { alive.append("\(name) (\(pid))") }
            }
            return alive
        }

        /// What greenlight printed on stderr, line by line.
        func errorLines() throws -> [String] {
            try String(contentsOf: repo.scratch.path("stderr"), encoding: .utf8).components(separatedBy: "\n")
        }

        func leftoverTemporaryDirectories() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("greenlight-") }
        }
    }

    @Test(.requiresSandbox,
          arguments: [(SIGINT, "clean-room"), (SIGTERM, "clean-room"), (SIGHUP, "clean-room"), (SIGHUP, "fast")])
    func oneSignalStopsEverythingAndEndsByThatSignal(signal: Int32, tier: String) async throws {
        let running = try await Running(tier: tier, ignoreTerm: false)
        running.send(signal)
        let ended = try #require(await running.waitForExit(seconds: 20), "greenlight did not exit after signal \(signal)")
        #expect(ended.reason == .uncaughtSignal && ended.status == signal, "ended \(ended)")
        #expect(try running.errorLines().contains("greenlight: error: interrupted: every running step was stopped; no tier that was stopped recorded a verdict"))
        #expect(try await running.survivors() == [])
        #expect(try running.leftoverTemporaryDirectories() == [])
        #expect(try running.repo.note() == nil)
    }

    /// A step that ignores SIGTERM (in the workspace; a sealed clean room cannot: see below):
    /// the second Ctrl-C kills every group at once, and greenlight still cleans up and ends as
    /// interrupted, well before the kill grace.
    @Test func aSecondCtrlCKillsStepsThatIgnoreTerm() async throws {
        let running = try await Running(tier: "fast", ignoreTerm: true)
        running.send(SIGINT)
        try await Task.sleep(for: .milliseconds(200))
        #expect(running.process.isRunning, "greenlight should still be waiting for the step to stop")
        running.send(SIGINT)
        let ended = try #require(await running.waitForExit(seconds: 20), "greenlight did not exit after a second Ctrl-C")
        #expect(ended.reason == .uncaughtSignal && ended.status == SIGINT, "ended \(ended)")
        let lines = try running.errorLines()
        #expect(lines.contains("greenlight: interrupted again: killing every running step now (SIGKILL)"), "\(lines)")
        #expect(lines.contains("greenlight: error: interrupted: every running step was stopped; no tier that was stopped recorded a verdict"), "\(lines)")
        #expect(try await running.survivors() == [])
        #expect(try running.leftoverTemporaryDirectories() == [])
        #expect(try running.repo.note() == nil)
    }

    /// In the sealed clean room the first Ctrl-C ends the sandbox, and with it every process in
    /// its PID namespace, those that ignore SIGTERM and those that left the session included.
    @Test(.requiresSandbox)
    func oneCtrlCEndsASealedStepThatIgnoresTerm() async throws {
        let running = try await Running(tier: "clean-room", ignoreTerm: true)
        running.send(SIGINT)
        let ended = try #require(await running.waitForExit(seconds: 20), "greenlight did not exit after one Ctrl-C")
        #expect(ended.reason == .uncaughtSignal && ended.status == SIGINT, "ended \(ended)")
        #expect(try await running.survivors() == [])
        #expect(try running.leftoverTemporaryDirectories() == [])
        #expect(try running.repo.note() == nil)
    }

    /// A signal that arrives before greenlight is ready to handle it must still end it: the
    /// handled signals are never set to SIG_IGN (that once dropped a Ctrl-C sent in the moment
    /// between SIG_IGN and libdispatch's handler, and the check ran on and recorded a pass).
    @Test func handledSignalsAreNeverIgnoredOnTheWay() async throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: s, run: 'sleep 1'}\n")
        try repo.commitAll("initial")
        let process = Process()
        process.executableURL = GreenlightBinary.url
        process.arguments = ["check"]
        process.currentDirectoryURL = repo.url
        process.environment = TestEnvironment.base
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handled: UInt64 = [SIGHUP, SIGINT, SIGTERM].reduce(0) { $0 | (1 << UInt64($1 - 1)) }
        var samples = 0
        var ignored: [String] = []
        while process.isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigIgn:") }),
               let mask = UInt64(line.split(separator: "\t").last ?? "", radix: 16) {
                samples += 1
                if mask & handled != 0 { ignored.append(String(line)) }
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        #expect(process.terminationStatus == 0)
        #expect(samples > 10)
        #expect(ignored.isEmpty, "greenlight ignored a signal it handles: \(ignored.prefix(3))")
    }

    /// A chain of escapees, each in its own session and waiting on the next: the whole chain
    /// goes in one sweep (it once went one level per round and ran out of time at depth 200).
    @Test func aDeepChainOfEscapeesGoesAtOnce() async throws {
        let repo = try ScratchRepository()
        let ready = repo.scratch.path("ready")
        try repo.write("chain.sh", """
            if [ "$1" -gt 0 ]; then setsid sh ./chain.sh $(($1-1)) & wait; else echo $$ > '\(ready.path)'; exec sleep 300; fi

            """, executable: true)
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - {name: chain, run: "setsid sh ./chain.sh 300 >/dev/null 2>&1 & while [ ! -s '\(ready.path)' ]; do sleep 0.1; done"}
            """)
        try repo.commitAll("initial")
        let result = try GreenlightBinary.run(["check", "--tier", "fast"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let pid = try #require(Int32(try String(contentsOf: ready, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try await ProcessProbe.wentAway(pid, within: 0), "the bottom of the chain (\(pid)) outlived greenlight")
        let survivors = try Command.run(["pgrep", "-f", "chain.sh"], in: repo.scratch.url).stdout
            .split(separator: "\n").compactMap { Int32($0) }
        let inThisRepository = survivors.filter { survivor in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(survivor)/cwd")) == repo.url.path
        }
        #expect(inThisRepository.isEmpty, "links of the chain outlived greenlight: \(inThisRepository)")
        for survivor in inThisRepository { kill(survivor, SIGKILL) }
    }

    /// No signal at all: a step that leaves an escapee behind and passes. The escapee does
    /// not outlive its step, and the pass is recorded.
    @Test func anEscapeeDoesNotOutliveAPassingStep() async throws {
        let repo = try ScratchRepository()
        let marks = repo.scratch.path("marks")
        try FileManager.default.createDirectory(at: marks, withIntermediateDirectories: true)
        try repo.write(".greenlight.yml", """
            fast:
              parallel: false
              steps:
                - {name: detach, run: "setsid sleep 300 > /dev/null 2>&1 & echo $! > \(marks.path)/escaped.pid"}
                - {name: after, run: "kill -0 $(cat \(marks.path)/escaped.pid) && echo alive > \(marks.path)/seen || true"}
            """)
        try repo.commitAll("initial")
        let result = try GreenlightBinary.run(["check", "--tier", "fast"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let pid = try #require(Int32(try String(contentsOf: marks.appendingPathComponent("escaped.pid"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try await ProcessProbe.wentAway(pid, within: 0), "the escapee \(pid) outlived greenlight")
        // Steps run in order: by the second step the first one's escapee is already gone.
        #expect(!FileManager.default.fileExists(atPath: marks.appendingPathComponent("seen").path))
    }
}
