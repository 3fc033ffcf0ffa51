import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Real `git push` into a real bare remote, with greenlight's pre-push hook installed.
@Suite("git push through the hook", .requiresSandbox, .timeLimit(.minutes(5)))
struct PushTests {
    @Test func passingPushGoesThroughAndCarriesTheVerdictToTheRemote() throws {
        let fixture = try PushFixture()
        let head = try fixture.work.git("rev-parse", "HEAD")
        let push = try fixture.git(["push", "origin", "main"])
        #expect(push.status == 0, "\(push.stderr)")
        #expect(push.stderr.contains("greenlight: pass: \(head.prefix(12))"))
        #expect(try fixture.remoteRef("refs/heads/main") == head)
        let note = try #require(try fixture.remoteNote(head))
        let records = NoteCodec().decode(note).records
        #expect(records.map(\.tier) == [.fast, .cleanRoom])
        #expect(records.allSatisfy { $0.verdict == .pass })
    }

    @Test func failingPushIsRefusedWithTheReport() throws {
        let fixture = try PushFixture()
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        let broken = try fixture.work.commitAll("broken")
        let push = try fixture.git(["push", "origin", "main"])
        #expect(push.status != 0)
        #expect(push.stderr.contains("push refused"))
        #expect(push.stderr.contains("- TestBroken"))
        #expect(push.stderr.contains("step unit: failed with exit code 1"))
        #expect(try fixture.remoteRef("refs/heads/main") == nil)
        // The fail is recorded locally for the next push to reuse.
        #expect(try fixture.work.note(broken)?.contains("\"verdict\":\"fail\"") == true)
    }

    @Test func secondPushOfTheSameCommitDoesNoWork() throws {
        let fixture = try PushFixture()
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
        let again = try fixture.git(["push", "origin", "main:refs/heads/copy"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("(cached"))
        #expect(!again.stderr.contains("started"))
        // Nothing new to share: the notes are not pushed again, so no second network round trip.
        #expect(!again.stderr.contains("refs/notes/greenlight"))
    }

    @Test func pushOfTwoBranchesWhereTheSecondFailsIsRefused() throws {
        let fixture = try PushFixture()
        try fixture.work.git("branch", "good")
        try fixture.work.git("checkout", "-q", "-b", "bad")
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.commitAll("broken")
        let push = try fixture.git(["push", "origin", "good", "bad"])
        #expect(push.status != 0)
        #expect(push.stderr.contains("refs/heads/bad"))
        #expect(push.stderr.contains("1 of 2 commits did not pass"))
        #expect(try fixture.remoteRef("refs/heads/good") == nil)
        #expect(try fixture.remoteRef("refs/heads/bad") == nil)
    }

    @Test func deletionsGoThroughWithoutAGate() throws {
        let fixture = try PushFixture()
        #expect(try fixture.git(["push", "origin", "main", "main:refs/heads/old"]).status == 0)
        // Break the config: a deletion must not even need it to be valid.
        try fixture.work.write(".greenlight.yml", "fast: {steps: [{name: a, run: 'exit 1'}]}\n")
        let delete = try fixture.git(["push", "origin", "--delete", "old"])
        #expect(delete.status == 0, "\(delete.stderr)")
        #expect(try fixture.remoteRef("refs/heads/old") == nil)
    }

    @Test func tagsAreGatedOnlyWhenConfigured() throws {
        let fixture = try PushFixture()
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.commitAll("broken")
        try fixture.work.git("tag", "v0-broken")
        #expect(try fixture.git(["push", "origin", "v0-broken"]).status == 0)
        try fixture.work.git("tag", "v1-broken")
        try fixture.work.write(".greenlight.yml", PushFixture.config + "\nhooks:\n  pre_push:\n    refs: ['refs/heads/*', 'refs/tags/v*']\n")
        let refused = try fixture.git(["push", "origin", "v1-broken"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("refs/tags/v1-broken"))
    }

    @Test func aSecondCloneReusesTheFirstClonesCleanRoomVerdict() throws {
        let fixture = try PushFixture()
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
        let second = try fixture.clone("second")
        let push = try fixture.git(["push", "origin", "main:refs/heads/from-second"], in: second.url)
        #expect(push.status == 0, "\(push.stderr)")
        #expect(!push.stderr.contains("clean-room: test started"))
        #expect(push.stderr.contains("clean-room tier: pass (cached"))
    }

    @Test func notesPushedConcurrentlyFromTwoClonesBothSurvive() throws {
        let fixture = try PushFixture()
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
        let clones = try ["a", "b"].map { try fixture.clone($0) }
        var commits: [String] = []
        for (index, clone) in clones.enumerated() {
            try clone.write("file-\(index).txt", "\(index)\n")
            commits.append(try clone.commitAll("change \(index)"))
        }
        let group = DispatchGroup()
        let results = ResultBox()
        for (index, clone) in clones.enumerated() {
            group.enter()
            DispatchQueue.global().async {
                let result = try? fixture.git(["push", "origin", "HEAD:refs/heads/branch-\(index)"], in: clone.url)
                results.set(index, result?.status ?? -1)
                group.leave()
            }
        }
        group.wait()
        #expect(results.values == [0: 0, 1: 0])
        for commit in commits {
            let note = try #require(try fixture.remoteNote(commit), "no note for \(commit) on the remote")
            #expect(NoteCodec().decode(note).records.count == 2)
        }
        // The first push's verdict is still there too.
        let initial = try fixture.work.git("rev-parse", "HEAD")
        #expect(try fixture.remoteNote(initial) != nil)
    }

    @Test func linkedWorktreePushesAreGated() throws {
        let fixture = try PushFixture(installHook: false)
        let worktree = fixture.scratch.path("wt")
        try fixture.work.git("worktree", "add", "-q", "-b", "feature", worktree.path)
        let install = try fixture.greenlight(["install"], in: worktree)
        #expect(install.stdout.contains(fixture.work.url.appendingPathComponent(".git/hooks/pre-push").path))
        try String(PushFixture.failing).write(to: worktree.appendingPathComponent("test.sh"), atomically: false, encoding: .utf8)
        _ = try fixture.git(["commit", "-qam", "broken in worktree"], in: worktree)
        let push = try fixture.git(["push", "origin", "feature"], in: worktree)
        #expect(push.status != 0)
        #expect(push.stderr.contains("TestBroken"))
    }

    @Test func greenlightPushGatesFirstThenPushesWithTheHookFindingTheCache() throws {
        let fixture = try PushFixture()
        let push = try fixture.greenlight(["push", "origin", "main"])
        #expect(push.status == 0, "\(push.stderr)")
        #expect(try fixture.remoteRef("refs/heads/main") == (try fixture.work.git("rev-parse", "HEAD")))
        // The gate ran once, before git push; the hook answered from the cache.
        #expect(push.stderr.components(separatedBy: "unit started").count == 2)
        #expect(push.stderr.contains("(cached"))

        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.commitAll("broken")
        let refused = try fixture.greenlight(["push"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("TestBroken"))
    }

    /// `greenlight push` becomes `git push` by exec: git must start as if from the shell, with
    /// no signal blocked or ignored (Ctrl-C must reach it) and greenlight's handlers gone.
    @Test func theExecutedGitPushStartsWithSignalsAsFromTheShell() throws {
        let fixture = try PushFixture()
        let shims = fixture.scratch.path("shims")
        try FileManager.default.createDirectory(at: shims, withIntermediateDirectories: true)
        let record = fixture.scratch.path("git-push-status")
        let realGit = try #require(ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) })
        // Python reads its own status before anything else (a shell blocks signals around its forks).
        try ExecutableFile.write("""
            #!/usr/bin/python3
            import os, sys
            if sys.argv[1:3] == ["push", "origin"]:
                with open('/proc/self/status') as status, open('\(record.path)', 'w') as out:
                    out.writelines(line for line in status if line.startswith(('SigBlk:', 'SigIgn:')))
            os.execv('\(realGit)', ['git'] + sys.argv[1:])
            """, to: shims.appendingPathComponent("git"))
        var environment = fixture.environment
        environment["PATH"] = "\(shims.path):\(environment["PATH"] ?? "/usr/bin:/bin")"
        let push = try fixture.greenlight(["push", "origin", "main"], environment: environment)
        #expect(push.status == 0, "\(push.stderr)")
        let status = try String(contentsOf: record, encoding: .utf8)
        // greenlight itself was started (by Foundation's Process) with nearly every signal blocked;
        // git must not inherit that, nor the SIG_IGN greenlight sets for the signals it handles
        // (Python itself ignores SIGPIPE and SIGXFSZ, so those are not looked at).
        let fields = Dictionary(uniqueKeysWithValues: status.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t")
            return (String(parts[0]), UInt64(parts[1], radix: 16) ?? .max)
        })
        #expect(fields["SigBlk:"] == 0, "\(status)")
        let handled: UInt64 = [SIGHUP, SIGINT, SIGQUIT, SIGTERM].reduce(0) { $0 | (1 << UInt64($1 - 1)) }
        #expect(fields["SigIgn:"].map { $0 & handled } == 0, "\(status)")
    }

    @Test func bypassedPushIsCaughtByVerify() throws {
        let fixture = try PushFixture()
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
        let verifiedClone = try fixture.clone("ci")
        let verified = try fixture.greenlight(["verify", "HEAD"], in: verifiedClone.url)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("verified"))

        try fixture.work.write("extra.txt", "x\n")
        let sneaky = try fixture.work.commitAll("pushed with --no-verify")
        #expect(try fixture.git(["push", "--no-verify", "origin", "main"]).status == 0)
        _ = try fixture.git(["pull", "-q", "--ff-only"], in: verifiedClone.url)
        let refused = try fixture.greenlight(["verify", sneaky, "--json"], in: verifiedClone.url)
        #expect(refused.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(refused.stdout.utf8)) as? [String: Any])
        #expect(document["verified"] as? Bool == false)
        let tiers = try #require(document["tiers"] as? [[String: Any]])
        #expect(tiers.map { $0["status"] as? String } == ["missing", "missing"])

        // The gate is the trusted ref's: an edit in CI's working tree changes nothing...
        try fixture.work.write("feature.txt", "x\n")
        let feature = try fixture.work.commitAll("a feature")
        #expect(try fixture.git(["push", "origin", "main:refs/heads/feature"]).status == 0)
        _ = try fixture.git(["fetch", "-q", "origin"], in: verifiedClone.url)
        try verifiedClone.write(".greenlight.yml", PushFixture.config.replacingOccurrences(of: "./test.sh clean", with: "./test.sh clean-v2"))
        #expect(try fixture.greenlight(["verify", feature], in: verifiedClone.url).status == 0)
        // ...a changed gate on the default branch makes the verdicts of a branch made under the old one stale.
        try verifiedClone.commitAll("a stronger gate")
        #expect(try fixture.git(["push", "-q", "--no-verify", "origin", "main"], in: verifiedClone.url).status == 0)
        let stale = try fixture.greenlight(["verify", feature], in: verifiedClone.url)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("clean-room: stale"), "\(stale.stdout)")
        #expect(stale.stdout.contains("fast: pass"))
    }

    /// A commit is never its own gate: one pushed straight to the trusted branch (with
    /// --no-verify, its own weaker definition's verdicts in the notes) is judged in CI by its
    /// first parent's definition.
    @Test func aWeakerGatePushedStraightToTheTrustedBranchIsNotItsOwnGate() throws {
        let fixture = try PushFixture()
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: \"true\"}\nclean_room:\n  steps:\n    - {name: test, run: \"true\"}\n")
        let weakened = try fixture.work.commitAll("weaken the gate on main itself")
        #expect(try fixture.git(["push", "-q", "--no-verify", "origin", "main"]).status == 0)
        // Now origin/main is the weakened commit: checks in this clone use its gate...
        let own = try fixture.greenlight(["check"])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(try fixture.git(["push", "-q", "--no-verify", "origin", "refs/notes/greenlight"]).status == 0)
        // ...but CI judges the commit by its parent's gate.
        let ci = try fixture.clone("ci-main")
        let verify = try fixture.greenlight(["verify", weakened], in: ci.url)
        #expect(verify.status == 1, "\(verify.stdout)")
        #expect(verify.stdout.contains("clean-room: gate weakened: verdicts are for digest"), "\(verify.stdout)")
    }

    /// A commit that weakens its own gate cannot verify itself, however its verdicts were made:
    /// verify computes the digests it requires from the trusted ref's definition.
    @Test func aCommitThatWeakensItsOwnGateIsReportedAsWeakened() throws {
        let fixture = try PushFixture()
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: \"true\"}\nclean_room:\n  steps:\n    - {name: test, run: \"true\"}\n")
        let weakened = try fixture.work.commitAll("tests fail, so skip them")
        // The hook gates with the trusted definition: the real failure stands.
        let push = try fixture.git(["push", "origin", "main"])
        #expect(push.status == 1, "\(push.stderr)")
        #expect(push.stderr.contains(".greenlight.yml in the working tree differs from the trusted one; using the gate at refs/remotes/origin/main"), "\(push.stderr)")
        #expect(push.stderr.contains("TestBroken"))
        // Its own definition passes, and says so in the records; pushed anyway.
        let own = try fixture.greenlight(["check", "--config", "worktree"])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(try fixture.work.note()?.contains(#""definition":"worktree""#) == true)
        #expect(try fixture.git(["push", "--no-verify", "origin", "main:refs/heads/feature", "refs/notes/greenlight"]).status == 0)
        let ci = try fixture.clone("ci-weak")
        let verify = try fixture.greenlight(["verify", weakened], in: ci.url)
        #expect(verify.status == 1, "\(verify.stdout)")
        let ownDigest = try ConfigLoader().load(fromRoot: fixture.work.url)
        let trusted = try ConfigLoader().parse(Data(PushFixture.config.utf8), files: WorkingTreeFiles(root: fixture.work.url))
        // The fast tier's trusted verdict is the real failure (from the refused push); the clean room
        // has verdicts only under the commit's own, weaker definition.
        let lines = verify.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 5 && lines[4].isEmpty, "\(verify.stdout)")
        #expect(lines.dropFirst(3).first == "verified nothing cryptographic: no trusted keys (no .greenlight/trusted-keys at the trusted ref, "
            + "no --trust), so anyone who can write the notes can write a pass", "\(verify.stdout)")
        #expect(lines.first == "greenlight verify \(weakened): NOT verified")
        #expect(lines.dropFirst().first?.hasPrefix("  fast: failed: step 'unit' failed with exit code 1 after ") == true, "\(verify.stdout)")
        #expect(lines.dropFirst(2).first == "  clean-room: gate weakened: verdicts are for digest \(try ownDigest.cleanRoom.digest().prefix(12)) "
            + "(this commit's own .greenlight.yml), the trusted gate is \(try trusted.cleanRoom.digest().prefix(12))", "\(verify.stdout)")
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int: Int32] = [:]
    func set(_ key: Int, _ value: Int32) { lock.withLock { values[key] = value } }
}

/// The hook's fast path (greenlight-fastpath, plain C) and when it must hand over.
@Suite("pre-push fast path", .requiresSandbox, .timeLimit(.minutes(5)))
struct FastPathTests {
    @Test func aCachedPushIsAnsweredByTheFastPathAndEverythingElseByGreenlight() throws {
        let fixture = try PushFixture()
        let first = try fixture.git(["push", "origin", "main"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stderr.contains("fast path"))

        // Same commit, another branch: every tier passed, notes are synced.
        let second = try fixture.git(["push", "origin", "main:refs/heads/copy"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("greenlight: pass (cached, fast path): \(try fixture.work.git("rev-parse", "HEAD").prefix(12)) refs/heads/copy"))

        // A deletion needs no gate at all.
        let deletion = try fixture.git(["push", "origin", ":refs/heads/copy"])
        #expect(deletion.status == 0)

        // An edited .greenlight.yml is a new gate definition: the full binary decides (and re-runs).
        try fixture.work.write(".greenlight.yml", PushFixture.config.replacingOccurrences(of: "./test.sh fast", with: "./test.sh fast-v2"))
        try fixture.work.commitAll("new gate definition")
        let edited = try fixture.git(["push", "origin", "main"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(!edited.stderr.contains("fast path"))
        #expect(edited.stderr.contains("unit started"))

        // A failing commit is never passed by the fast path.
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.commitAll("broken")
        let broken = try fixture.git(["push", "origin", "main"])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("TestBroken"))
        let again = try fixture.git(["push", "origin", "main"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("TestBroken"))
    }

    @Test func aNewerFailOutranksTheFastPathsOlderPass() throws {
        let fixture = try PushFixture()
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
        // The same commit, re-checked after the environment broke: the newest verdict is a fail.
        var environment = fixture.environment
        // notes.sync off: otherwise the unpushed fail record alone would send the push to the full binary.
        try fixture.work.write(".greenlight.yml", PushFixture.config.replacingOccurrences(of: "./test.sh fast", with: "./test.sh fast && test -z \"$BREAK_IT\"")
                               + "\nnotes:\n  sync: false\n")
        try fixture.work.git("commit", "-qam", "config that can be broken from outside")
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
        environment["BREAK_IT"] = "1"
        let recheck = try fixture.greenlight(["check", "--no-cache", "--tier", "fast"], environment: environment)
        #expect(recheck.status == 1)
        let push = try fixture.git(["push", "origin", "main:refs/heads/again"])
        #expect(push.status != 0, "a newer fail must win over the older pass: \(push.stderr)")
        #expect(!push.stderr.contains("fast path"))
    }

    /// git passes the remote's name to the hook as it is; one spelled like an option (`-h`,
    /// `--help`, `--version`) must not turn `greenlight pre-push` into a help screen that exits 0.
    @Test(arguments: ["-h", "--help", "--version"])
    func aRemoteNamedLikeAnOptionIsStillGated(_ name: String) throws {
        let fixture = try PushFixture()
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.commitAll("broken")
        #expect(try fixture.git(["remote", "add", "--", name, fixture.remote.path]).status == 0)
        for environment in [fixture.environment, fixture.environment.merging(["GREENLIGHT_NO_FASTPATH": "1"]) { $1 }] {
            let push = try Command.run(["git", "push", "--", name, "HEAD:refs/heads/smuggled"], in: fixture.work.url, environment: environment)
            #expect(push.status != 0, "a failing commit was pushed to a remote named \(name): \(push.stderr)")
            #expect(push.stderr.contains("TestBroken"))
        }
        #expect(try Command.run(["git", "rev-parse", "--verify", "-q", "refs/heads/smuggled"], in: fixture.remote).status != 0)
    }

    @Test func unpushedNotesGoThroughTheFullBinarySoTheyReachTheRemote() throws {
        let fixture = try PushFixture()
        let head = try fixture.work.git("rev-parse", "HEAD")
        // Checked locally, never pushed: the verdict is cached but the remote lacks the notes.
        let check = try fixture.greenlight(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        let push = try fixture.git(["push", "origin", "main"])
        #expect(push.status == 0, "\(push.stderr)")
        #expect(!push.stderr.contains("fast path"))
        #expect(try fixture.remoteNote(head) != nil)
        let next = try fixture.git(["push", "origin", "main:refs/heads/other"])
        #expect(next.stderr.contains("fast path"))
    }
}
