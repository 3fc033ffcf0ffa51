import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Gates that run on without their caller, driven the way an agent harness does: commands that
/// return at once, waits that are killed or time out, pushes bounded by `max_wait` and `--wait`,
/// two worktrees on one commit, and a rehearsal replaced by a newer commit's.
@Suite("detached gates", .requiresSandbox, .serialized, .timeLimit(.minutes(5)))
struct DetachedGateTests {
    /// Runs a command that blocks for seconds (a wait, a bounded push) on a thread of its own, so
    /// the test does not hold one of the few cooperative threads every other suite needs.
    static func off<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// `test.sh` whose clean-room run takes `seconds` (the fast tier is instant).
    static func slow(_ seconds: Int) -> String {
        "#!/bin/sh\nif [ \"$1\" = clean ]; then sleep \(seconds); fi\necho \"tests ok ($1)\"\n"
    }

    /// The file whose appearance lets a held run go on (`held`).
    static func releaseFile(_ fixture: PushFixture) -> URL { fixture.scratch.path("release") }

    /// Lets every held run go on.
    static func release(_ fixture: PushFixture) throws {
        try "go\n".write(to: releaseFile(fixture), atomically: true, encoding: .utf8)
    }

    /// `test.sh` whose fast tier (it runs unsealed) waits until the test releases it (at most a
    /// minute), so a run is still going exactly as long as the test needs, however loaded the machine.
    static func held(_ release: URL) -> String {
        "#!/bin/sh\nif [ \"$1\" = fast ]; then i=0; while [ ! -e '\(release.path)' ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; fi\necho \"tests ok ($1)\"\n"
    }

    static func fixture(maxWait: String? = nil, seconds: Int? = nil) throws -> PushFixture {
        let fixture = try PushFixture()
        var config = PushFixture.config
        if let maxWait { config += "\nhooks:\n  pre_push:\n    max_wait: \(maxWait)\n" }
        try fixture.work.write(".greenlight.yml", config)
        try fixture.work.write("test.sh", seconds.map(slow) ?? held(releaseFile(fixture)), executable: true)
        try fixture.work.commitAll("slow clean room")
        return fixture
    }

    /// `stderr` without the notice that the fixture's remote has no trusted branch yet.
    static func said(_ result: Command.Result) -> String {
        result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("greenlight: warning: no trusted gate definition") }.joined(separator: "\n")
    }

    /// Every run's output, for failure messages.
    static func outputs(_ fixture: PushFixture) throws -> String {
        let runs = fixture.work.url.appendingPathComponent(".git/greenlight/runs")
        return try FileManager.default.contentsOfDirectory(atPath: runs.path).filter { $0.hasSuffix(".out") || $0.hasSuffix(".json") }
            .map { "== \($0)\n" + (try String(contentsOf: runs.appendingPathComponent($0), encoding: .utf8)) }.joined(separator: "\n")
    }

    /// How many times a clean room started, over every run's output.
    static func cleanRoomStarts(_ fixture: PushFixture) throws -> Int {
        let runs = fixture.work.url.appendingPathComponent(".git/greenlight/runs")
        let outputs = try FileManager.default.contentsOfDirectory(atPath: runs.path).filter { $0.hasSuffix(".out") }
        return try outputs.map { try String(contentsOf: runs.appendingPathComponent($0), encoding: .utf8) }
            .joined().components(separatedBy: "greenlight: clean-room: test started").count - 1
    }

    @Test func checkDetachReturnsAtOnceAndWaitJoinsItAfterAKilledWait() async throws {
        let fixture = try Self.fixture()
        let head = try fixture.work.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let detached = try await Self.off { try fixture.greenlight(["check", "--detach"]) }
        #expect(detached.status == 75, "\(Self.said(detached))")
        #expect(Self.said(detached).hasPrefix("greenlight: gate run ") && Self.said(detached).hasSuffix(" of \(head.prefix(12)) started in the background; "
            + "`greenlight wait \(head.prefix(12))` joins it\n"), "\(Self.said(detached))")
        let again = try await Self.off { try fixture.greenlight(["check", "--detach"]) }
        #expect(again.status == 75 && Self.said(again).contains(" is already running; "), "\(Self.said(again))")
        let status = try await Self.off { try fixture.greenlight(["status"]) }
        #expect(status.stdout.contains("running: gate run ") && status.stdout.contains(" of \(head.prefix(12)), for "), "\(status.stdout)")
        let json = try JSONValue.parse(Data(try await Self.off { try fixture.greenlight(["status", "--json"]) }.stdout.utf8))
        #expect(json["running"]?.array?.first?["commit"] == .string(head) && json["running"]?.array?.first?["rehearsal"] == .bool(false), "\(json)")

        let bounded = try await Self.off { try fixture.greenlight(["wait", "--timeout", "1s"]) }
        #expect(bounded.status == 75)
        #expect(Self.said(bounded).hasPrefix("greenlight: still running: re-run `greenlight wait \(head.prefix(12))` to continue; elapsed "), "\(Self.said(bounded))")
        // A harness kills its wait: the run goes on.
        let killed = try await Self.off { try FixtureProcess().run([GreenlightBinary.url.path, "wait"], in: fixture.work.url, environment: fixture.environment, timeout: 0.5) }
        #expect(killed.timedOut)
        try Self.release(fixture)
        let joined = try await Self.off { try fixture.greenlight(["wait"]) }
        #expect(joined.status == 0, "\(joined.stdout)\(joined.stderr)")
        #expect(joined.stdout.hasPrefix("greenlight: PASS \(head.prefix(12))\n  fast: pass in "), "\(joined.stdout)")
        #expect(try Self.cleanRoomStarts(fixture) == 1)
        // Decided now: --detach answers with the verdict at once.
        let decided = try await Self.off { try fixture.greenlight(["check", "--detach"]) }
        #expect(decided.status == 0 && decided.stdout.hasPrefix("greenlight: PASS \(head.prefix(12)) (cached)"), "\(decided.stdout)")
        let nothing = try await Self.off { try fixture.greenlight(["wait", "HEAD~1"]) }
        #expect(nothing.status == 2)
        #expect(Self.said(nothing).hasPrefix("greenlight: error: nothing is running or recorded for "), "\(Self.said(nothing))")
    }

    @Test func theHookRefusesAtMaxWaitAndTheNextPushRunsNothing() async throws {
        let fixture = try Self.fixture(maxWait: "1s")
        let head = try fixture.work.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let refused = try await Self.off { try fixture.git(["push", "origin", "main"]) }
        #expect(refused.status != 0)
        #expect(Self.said(refused).contains("greenlight: fast: unit started\n"), "the hook follows the run: \(Self.said(refused))")
        #expect(Self.said(refused).contains("greenlight: push refused for now: still running: re-run `git push` to continue, or `greenlight wait \(head.prefix(12))`; elapsed "),
                "\(Self.said(refused))")
        #expect(try fixture.remoteRef("refs/heads/main") == nil)
        try Self.release(fixture)
        #expect(try await Self.off { try fixture.greenlight(["wait"]) }.status == 0)
        let pushed = try await Self.off { try fixture.git(["push", "origin", "main"]) }
        #expect(pushed.status == 0, "\(Self.said(pushed))")
        #expect(!Self.said(pushed).contains("started"), "nothing runs again: \(Self.said(pushed))")
        #expect(try fixture.remoteRef("refs/heads/main") == head)
        #expect(try Self.cleanRoomStarts(fixture) == 1)
    }

    @Test func pushWaitAndDetachReturn75AndALaterPushPushesWithoutANewRun() async throws {
        let fixture = try Self.fixture()
        let head = try fixture.work.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let detached = try await Self.off { try fixture.greenlight(["push", "--detach", "origin", "main"]) }
        #expect(detached.status == 75, "\(Self.said(detached))")
        #expect(Self.said(detached).hasSuffix("going on in the background; `greenlight wait` joins it, `greenlight push` pushes once it passed\n"), "\(Self.said(detached))")
        let waited = try await Self.off { try fixture.greenlight(["push", "--wait=1s", "origin", "main"]) }
        #expect(waited.status == 75)
        #expect(Self.said(waited).contains("greenlight: still running: re-run `greenlight push` to continue, or `greenlight wait \(head.prefix(12))`; elapsed "), "\(Self.said(waited))")
        #expect(try fixture.remoteRef("refs/heads/main") == nil)
        try Self.release(fixture)
        #expect(try await Self.off { try fixture.greenlight(["wait"]) }.status == 0)
        let decided = try await Self.off { try fixture.greenlight(["push", "--detach", "origin", "main"]) }
        #expect(decided.status == 0 && Self.said(decided).contains("pass (cached"), "\(Self.said(decided))")
        #expect(try fixture.remoteRef("refs/heads/main") == nil, "--detach never pushes")
        let pushed = try await Self.off { try fixture.greenlight(["push", "--wait", "30s", "origin", "main"]) }
        #expect(pushed.status == 0, "\(Self.said(pushed))")
        #expect(try fixture.remoteRef("refs/heads/main") == head)
        #expect(try Self.cleanRoomStarts(fixture) == 1)
        // greenlight's options come before git's; after them they are git's (and git refuses this one).
        let misplaced = try await Self.off { try fixture.greenlight(["push", "origin", "--wait", "1s"]) }
        #expect(misplaced.status != 0 && misplaced.status != 75)
        let bad = try await Self.off { try fixture.greenlight(["push", "--wait", "soon"]) }
        #expect(bad.status == 64 && Self.said(bad).contains("--wait needs a duration such as 90s or 5m"), "\(Self.said(bad))")
    }

    @Test func twoWorktreesOnOneCommitShareOneRun() async throws {
        let fixture = try Self.fixture()
        let other = fixture.scratch.path("other")
        try fixture.work.git("worktree", "add", "-q", "--detach", other.path, "HEAD")
        #expect(try await Self.off { try fixture.greenlight(["check", "--detach"]) }.status == 75)
        let second = try await Self.off { try fixture.greenlight(["check", "--detach"], in: other) }
        #expect(second.status == 75 && Self.said(second).contains(" is already running; "), "\(Self.said(second))")
        try Self.release(fixture)
        #expect(try await Self.off { try fixture.greenlight(["wait"], in: other) }.status == 0)
        #expect(try await Self.off { try fixture.greenlight(["wait"]) }.status == 0)
        #expect(try Self.cleanRoomStarts(fixture) == 1)
    }

    @Test func aNewerCommitsRehearsalCancelsTheOlderOne() async throws {
        // Both rehearsals are held until the test releases them: the older is cancelled first.
        let fixture = try Self.fixture()
        let installed = try await Self.off { try fixture.greenlight(["install", "--rehearse"]) }
        #expect(installed.stdout.contains("installed the post-commit rehearsal hook at "), "\(installed.stdout)")
        // Committed as the fixture's user (the hook's rehearsal signs with that user's key).
        func commit(_ name: String) async throws -> String {
            try fixture.work.write("\(name).txt", "\(name)\n")
            #expect(try await Self.off { try fixture.git(["add", "-A"]) }.status == 0)
            #expect(try await Self.off { try fixture.git(["commit", "-qm", name]) }.status == 0)
            return try fixture.work.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let older = try await commit("b")
        // The older rehearsal must be running before the newer one replaces it.
        for _ in 0..<100 where !(try await Self.off { try fixture.greenlight(["status"]) }.stdout.contains("running: gate run ")) { usleep(50_000) }
        let newer = try await commit("c")
        // The older run was stopped while still held: nothing ever let it go on.
        let cancelled = try await Self.off { try fixture.greenlight(["wait", older]) }
        try Self.release(fixture)
        #expect(cancelled.status == 2)
        #expect(Self.said(cancelled).hasPrefix("greenlight: error: the gate run ") && Self.said(cancelled).hasSuffix(
            " of \(older.prefix(12)) was cancelled: a rehearsal of the newer commit \(newer) replaced it\n"), "\(Self.said(cancelled))")
        let joined = try await Self.off { try fixture.greenlight(["wait", newer]) }
        #expect(joined.status == 0, "\(joined.stdout)\(joined.stderr)\n---\n\((try? Self.outputs(fixture)) ?? "")")
        #expect(try fixture.work.note(older).map { $0.contains("\"tier\":\"clean-room\"") } != true, "the cancelled run recorded no clean-room verdict")
        #expect(try await Self.off { try fixture.greenlight(["uninstall"]) }.status == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.work.url.appendingPathComponent(".git/hooks/post-commit").path))
    }

    /// The status file is the run's report, not its verdict: a forged "finished, exit 0, pass" (even
    /// with a real pass copied from another commit) neither ends the wait for a run that holds the
    /// lock nor stands for a verdict the notes do not hold.
    @Test func aForgedStatusFileDecidesNothing() async throws {
        let fixture = try Self.fixture(seconds: 2)
        let good = try fixture.work.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await Self.off { try fixture.greenlight(["check", "--detach"]) }.status == 75)
        #expect(try await Self.off { try fixture.greenlight(["wait"]) }.status == 0)
        let runs = fixture.work.url.appendingPathComponent(".git/greenlight/runs")
        try fixture.work.write("test.sh", "#!/bin/sh\nif [ \"$1\" = clean ]; then sleep 2; exit 1; fi\n", executable: true)
        let bad = try fixture.work.commitAll("fails in the clean room")
        #expect(try await Self.off { try fixture.greenlight(["check", "--detach", bad]) }.status == 75)
        // A passing status of the good commit, dressed as the bad commit's run, written while it runs.
        let goodStatus = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasPrefix(good) && $0.hasSuffix(".json") })
        let badStatus = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasPrefix(bad) && $0.hasSuffix(".json") })
        let forged = try String(contentsOf: runs.appendingPathComponent(goodStatus), encoding: .utf8)
            .replacingOccurrences(of: "\"commit\" : \"\(good)\"", with: "\"commit\" : \"\(bad)\"")
        try forged.write(to: runs.appendingPathComponent(badStatus), atomically: true, encoding: .utf8)
        let waited = try await Self.off { try fixture.greenlight(["wait", bad]) }
        #expect(waited.status == 1, "the real run's fail, not the forged pass: \(waited.stdout)\(waited.stderr)")

        // A status that says pass for a commit that never ran: nothing counts.
        try fixture.work.write("more.txt", "more\n")
        let never = try fixture.work.commitAll("never ran")
        let key = runs.appendingPathComponent(badStatus.replacingOccurrences(of: bad, with: never))
        try forged.replacingOccurrences(of: "\"commit\" : \"\(bad)\"", with: "\"commit\" : \"\(never)\"").write(to: key, atomically: true, encoding: .utf8)
        let unrecorded = try await Self.off { try fixture.greenlight(["wait", never]) }
        #expect(unrecorded.status == 2)
        #expect(Self.said(unrecorded).contains("finished, but no verdict in the notes counts here"), "\(unrecorded.stderr)")
    }

    /// A wait stopped by a signal says the run goes on (it does); a run killed outright is reported
    /// as such, and the next request starts it anew.
    @Test func aStoppedWaitAndAKilledRunSayWhatHappened() async throws {
        let fixture = try Self.fixture()
        let head = try fixture.work.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await Self.off { try fixture.greenlight(["check", "--detach"]) }.status == 75)
        let stopped = try await Self.off { try FixtureProcess().run([GreenlightBinary.url.path, "wait"], in: fixture.work.url, environment: fixture.environment, timeout: 0.5) }
        #expect(stopped.stderr.contains("greenlight: stopped waiting; the gate run goes on in the background (`greenlight wait` joins it again)\n"),
                "\(stopped.stderr)")
        #expect(try await Self.off { try fixture.greenlight(["status"]) }.stdout.contains("running: gate run "))
        // kill -9 the run itself (the pid its status names, checked to be greenlight's gate-run).
        let runs = fixture.work.url.appendingPathComponent(".git/greenlight/runs")
        let statusFile = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasPrefix(head) && $0.hasSuffix(".json") })
        let status = try JSONValue.parse(try Data(contentsOf: runs.appendingPathComponent(statusFile)))
        let pid = try #require(status["pid"]?.int)
        #expect(try String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8).contains("gate-run"))
        kill(pid_t(pid), SIGKILL)
        for _ in 0..<100 where kill(pid_t(pid), 0) == 0 { usleep(20_000) }
        let died = try await Self.off { try fixture.greenlight(["wait"]) }
        #expect(died.status == 2)
        #expect(Self.said(died).contains("stopped without finishing (killed?)"), "\(died.stderr)")
        #expect(try await Self.off { try fixture.greenlight(["check", "--detach"]) }.status == 75, "a new run starts")
        try Self.release(fixture)
        #expect(try await Self.off { try fixture.greenlight(["wait"]) }.status == 0)
    }
}
