import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// The reports' exact text: agents parse it, so it is a contract. SHAs, paths, times and
/// durations are normalised (see `Golden`); every other byte is compared.
@Suite("report text", .requiresSandbox, .timeLimit(.minutes(2)))
struct ReportGoldenTests {
    static let config = """
        fast:
          steps:
            - {name: lint, run: "echo linting"}
        clean_room:
          timeout: 1m
          steps:
            - {name: test, run: "./test.sh"}
        """

    func repository(test script: String) throws -> (ScratchRepository, Golden) {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", Self.config)
        try repo.write("test.sh", script, executable: true)
        let sha = try repo.commitAll("initial")
        let commit = try repo.open().resolve(sha)
        let golden = Golden(paths: [(repo.url.path, "<repo>"), (repo.scratch.url.path, "<scratch>"),
                                    (NSTemporaryDirectory().hasSuffix("/") ? String(NSTemporaryDirectory().dropLast()) : NSTemporaryDirectory(), "<tmp>")],
                            objects: [commit.commit.hex, commit.tree.hex])
        return (repo, golden)
    }

    func expectGolden(_ actual: String, _ expected: String, _ golden: Golden, sourceLocation: SourceLocation = #_sourceLocation) {
        let normalized = golden.normalize(actual)
        #expect(normalized == expected, "\(Golden.difference(expected: expected, actual: normalized))", sourceLocation: sourceLocation)
    }

    @Test func passAndThenCached() throws {
        let (repo, golden) = try repository(test: "#!/bin/sh\necho 'ok 1 - widget'\n")
        let first = try GreenlightBinary.run(["check"], in: repo.url)
        #expect(first.status == 0)
        expectGolden(first.stdout, """
            greenlight: PASS <sha1:12>
              fast: pass in <d>s (workspace)
              clean-room: pass in <d>s (local)

            """, golden)
        expectGolden(first.stderr, """
            greenlight: fast tier: 1 step (lint) in the workspace <repo>
            greenlight: fast: lint started
            greenlight: fast: lint passed in <d>s
            greenlight: fast tier: pass in <d>s
            greenlight: clean-room tier: 1 step (test) in a sealed fresh checkout (local, bubblewrap)
            greenlight: clean-room: test started
            greenlight: clean-room: test passed in <d>s
            greenlight: clean-room tier: pass in <d>s

            """, golden)
        let cached = try GreenlightBinary.run(["check"], in: repo.url)
        #expect(cached.status == 0)
        expectGolden(cached.stdout, """
            greenlight: PASS <sha1:12> (cached)
              fast: pass (cached from <time>, re-run with --no-cache)
              clean-room: pass (cached from <time>, re-run with --no-cache)

            """, golden)
        expectGolden(cached.stderr, """
            greenlight: fast tier: pass (cached from <time>)
            greenlight: clean-room tier: pass (cached from <time>)

            """, golden)
    }

    @Test func failAndThenCachedFail() throws {
        let (repo, golden) = try repository(test: "#!/bin/sh\necho 'running tests'\necho '--- FAIL: TestWidget (0.00s)'\nexit 1\n")
        let first = try GreenlightBinary.run(["check"], in: repo.url)
        #expect(first.status == 1)
        expectGolden(first.stdout, """
            greenlight: FAIL <sha1:12>
              fast: pass in <d>s (workspace)
              clean-room: fail in <d>s (local)

            clean-room tier: FAIL: step 'test' failed with exit code 1 after <d>s

              step test: failed with exit code 1 after <d>s
              failing tests:
                - TestWidget
              last 2 lines:
                | running tests
                | --- FAIL: TestWidget (0.00s)
              full log: <repo>/.git/greenlight/logs/<sha1>-<digest12>.log

            """, golden)
        let cached = try GreenlightBinary.run(["check"], in: repo.url)
        #expect(cached.status == 1)
        expectGolden(cached.stdout, """
            greenlight: FAIL <sha1:12> (cached)
              fast: pass (cached from <time>, re-run with --no-cache)
              clean-room: fail (cached from <time>, re-run with --no-cache)

            clean-room tier: FAIL (recorded <time>): step 'test' failed with exit code 1 after <d>s
              step test:
              failing tests:
                - TestWidget
              last 9 lines of the log:
                | === greenlight <version>: clean-room tier for <sha1> (tree <sha2>) at <time>
                | checked out <sha1> into <tmp>/greenlight-clean-<sha1:12>-XXXXXX/src
                | sealed with bubblewrap (read-only: /usr /etc; writable: the checkout, its HOME and TMPDIR; network: on)
                | 
                | ==> step test: ./test.sh
                | running tests
                | --- FAIL: TestWidget (0.00s)
                | ==> step test: failed with exit code 1 after <d>s
                | === verdict: fail: step 'test' failed with exit code 1 after <d>s
              full log: <repo>/.git/greenlight/logs/<sha1>-<digest12>.log
              this verdict is cached for this commit; change the code, or run `greenlight check --no-cache` to retry

            """, golden)
    }

    /// The tier's own limit stops a step: the gate could not decide, so `error`, exit 2, not cached.
    @Test func errorWhenTheTierTimesOut() throws {
        let (repo, initial) = try repository(test: "#!/bin/sh\necho started\nsleep 30\n")
        try repo.write(".greenlight.yml", Self.config.replacingOccurrences(of: "timeout: 1m", with: "timeout: 1s"))
        let sha = try repo.commitAll("short limit")
        var golden = initial
        golden.objects = [sha]
        let result = try GreenlightBinary.run(["check"], in: repo.url)
        #expect(result.status == 2)
        expectGolden(result.stdout, """
            greenlight: ERROR <sha1:12>
              fast: pass in <d>s (workspace)
              clean-room: error in <d>s (local)

            clean-room tier: ERROR: the clean-room tier timed out after 1s during step 'test'

              step test: the clean-room tier timed out after 1s during step 'test'
              last line:
                | started
              full log: <repo>/.git/greenlight/logs/<sha1>-<digest12>.log

            The gate could not decide; nothing about the code was concluded and nothing was cached.
            Fix what the message says and run `greenlight check` again.

            """, golden)
    }

    /// A parallel clean room where one step fails and fail_fast stops the other: every step is
    /// in the report, the failing one with its own log, the stopped one with why.
    @Test func parallelCleanRoomWithAStoppedStep() throws {
        let (repo, initial) = try repository(test: "#!/bin/sh\necho '--- FAIL: TestWidget (0.00s)'\nexit 1\n")
        try repo.write(".greenlight.yml", """
            clean_room:
              parallel: true
              steps:
                - {name: test, run: "sleep 0.3; ./test.sh"}
                - {name: e2e, run: "sleep 60"}
                - {name: lint, run: "echo clean"}
            """)
        let sha = try repo.commitAll("parallel")
        var golden = initial
        golden.objects = [sha]
        let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url)
        #expect(result.status == 1)
        expectGolden(result.stdout, """
            greenlight: FAIL <sha1:12>
              clean-room: fail in <d>s (local)

            clean-room tier: FAIL: step 'test' failed with exit code 1 after <d>s

              step test: failed with exit code 1 after <d>s
              failing tests:
                - TestWidget
              last line:
                | --- FAIL: TestWidget (0.00s)
              full log: <repo>/.git/greenlight/logs/<sha1>-<digest12>.test.log

              step e2e: stopped: another step failed first (fail_fast)

            """, golden)
    }

    /// `greenlight push` of a failing commit: the push report, and nothing reaches the remote.
    @Test func refusedPush() throws {
        let fixture = try PushFixture()
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        let sha = try fixture.work.commitAll("broken")
        let golden = Golden(paths: [(fixture.work.url.path, "<repo>"), (fixture.remote.path, "<remote>"),
                                    (fixture.scratch.url.path, "<scratch>")], objects: [sha])
        let result = try fixture.greenlight(["push", "origin", "main"])
        #expect(result.status == 1)
        #expect(try fixture.remoteRef("refs/heads/main") == nil)
        expectGolden(result.stderr, """
            greenlight: warning: no trusted gate definition: refs/remotes/origin/HEAD or refs/remotes/origin/main does not exist; using the working tree's .greenlight.yml (fetch the default branch, `git remote set-head origin --auto`, or `git config greenlight.trustedRef <ref>`)
            greenlight: fast tier: 1 step (unit) in the workspace <repo>
            greenlight: fast: unit started
            greenlight: fast: unit failed with exit code 1 after <d>s
            greenlight: fast tier: fail in <d>s
            greenlight: push refused: 1 of 1 commit did not pass

            === refs/heads/main → <sha1>: FAIL
            greenlight: FAIL <sha1:12>
              fast: fail in <d>s (workspace)
              clean-room: skipped: the fast tier did not pass

            fast tier: FAIL: step 'unit' failed with exit code 1 after <d>s

              step unit: failed with exit code 1 after <d>s
              failing tests:
                - TestBroken
              last line:
                | --- FAIL: TestBroken (0.00s)
              full log: <repo>/.git/greenlight/logs/<sha1>-<digest12>.unit.log

            Fix the code and commit, then push again: only what changed is re-run.
            Bypass (not recommended): git push --no-verify. Re-check a flaky failure: greenlight check --no-cache <commit>.

            """, golden)
    }

    /// A real `git push` through the installed hook: the hook's whole output on a pass.
    @Test func passingPushThroughTheHook() throws {
        let fixture = try PushFixture()
        let golden = Golden(paths: [(fixture.work.url.path, "<repo>"), (fixture.remote.path, "<remote>"),
                                    (fixture.scratch.url.path, "<scratch>")], objects: [try fixture.work.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)])
        let result = try fixture.git(["push", "-q", "origin", "main"])
        #expect(result.status == 0)
        expectGolden(result.stderr, """
            greenlight: warning: no trusted gate definition: refs/remotes/origin/HEAD or refs/remotes/origin/main does not exist; using the working tree's .greenlight.yml (fetch the default branch, `git remote set-head origin --auto`, or `git config greenlight.trustedRef <ref>`)
            greenlight: fast tier: 1 step (unit) in the workspace <repo>
            greenlight: fast: unit started
            greenlight: fast: unit passed in <d>s
            greenlight: fast tier: pass in <d>s
            greenlight: clean-room tier: 1 step (test) in a sealed fresh checkout (local, bubblewrap)
            greenlight: clean-room: test started
            greenlight: clean-room: test passed in <d>s
            greenlight: clean-room tier: pass in <d>s
            greenlight: pass: <sha1:12> refs/heads/main

            """, golden)
    }

    /// A hung test: the report names it and the project's frames, innermost first; the
    /// excerpt is the dump the test binary printed when it was asked.
    @Test func aHungTestIsNamedWithTheProjectsFrames() throws {
        let (repo, golden) = try repository(test: "#!/bin/sh\nexec ./cmd.test\n")
        _ = try FakeTestBinary.build(named: "cmd.test", in: repo.url, signal: "SIGQUIT", dump: """
            SIGQUIT: quit

            goroutine 7 [chan receive]:
            example.com/hang/cmd.waitForPodRunning(...)
            \t/clean-room/src/cmd/cache_list.go:212
            example.com/hang/cmd.TestCacheList(0xc000007860)
            \t/clean-room/src/cmd/cache_list_test.go:9 +0x25
            testing.tRunner(0xc000007860, 0x5a3d48)
            \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b

            """, started: "=== RUN   TestCacheList")
        try repo.write(".greenlight.yml", Self.config.replacingOccurrences(of: "run: \"./test.sh\"}", with: "run: \"./test.sh\", timeout: 1s}"))
        try repo.commitAll("a test that waits for a pod forever")
        let golden2 = Golden(paths: golden.paths, objects: [try repo.git("rev-parse", "HEAD"), try repo.git("rev-parse", "HEAD^{tree}")])
        let result = try GreenlightBinary.run(["check", "--lines", "6"], in: repo.url)
        #expect(result.status == 1)
        expectGolden(result.stdout, """
            greenlight: FAIL <sha1:12>
              fast: pass in <d>s (workspace)
              clean-room: fail in <d>s (local)

            clean-room tier: FAIL: step 'test' timed out after 1s: hung in TestCacheList (cmd/cache_list.go:212 waitForPodRunning)

              step test: timed out after 1s: hung in TestCacheList (cmd/cache_list.go:212 waitForPodRunning)
              hung in TestCacheList, in the project's code at:
                cmd/cache_list.go:212 waitForPodRunning
                cmd/cache_list_test.go:9 TestCacheList
              last 6 lines:
                | example.com/hang/cmd.waitForPodRunning(...)
                | \t/clean-room/src/cmd/cache_list.go:212
                | example.com/hang/cmd.TestCacheList(0xc000007860)
                | \t/clean-room/src/cmd/cache_list_test.go:9 +0x25
                | testing.tRunner(0xc000007860, 0x5a3d48)
                | \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
              full log: <repo>/.git/greenlight/logs/<sha1>-<digest12>.log

            """, golden2)
    }

    /// The failure's own lines come first (the assertion and where it failed), then the tail,
    /// within the same budget, so a long run's progress lines do not push the failure out.
    @Test func theFailureComesBeforeTheTail() throws {
        let progress = (1...50).map { "progress \($0)" }.joined(separator: "\\n")
        let (repo, golden) = try repository(test: """
            #!/bin/sh
            echo '=== RUN   TestWidget'
            echo '    widget_test.go:12: expected 3 widgets, got 2'
            echo '--- FAIL: TestWidget (0.00s)'
            echo '=== RUN   TestOther'
            echo '--- PASS: TestOther (0.00s)'
            printf '\(progress)\\n'
            echo FAIL
            exit 1

            """)
        let result = try GreenlightBinary.run(["check", "--lines", "10"], in: repo.url)
        #expect(result.status == 1)
        expectGolden(result.stdout, """
            greenlight: FAIL <sha1:12>
              fast: pass in <d>s (workspace)
              clean-room: fail in <d>s (local)

            clean-room tier: FAIL: step 'test' failed with exit code 1 after <d>s

              step test: failed with exit code 1 after <d>s
              tests: 1 passed, 1 failed, 0 skipped
              failing tests:
                - TestWidget (widget_test.go:12): expected 3 widgets, got 2
              the failures, then the last lines (10 lines):
                | --- FAIL: TestWidget (0.00s)
                |     widget_test.go:12: expected 3 widgets, got 2
                | …
                | progress 45
                | progress 46
                | progress 47
                | progress 48
                | progress 49
                | progress 50
                | FAIL
              full log: <repo>/.git/greenlight/logs/<sha1>-<digest12>.log

            """, golden)
    }
}
