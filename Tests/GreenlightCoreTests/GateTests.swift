import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Records the gate's progress events so tests can see which steps really ran.
final class RecordingProgress: ProgressSink, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var started: [String] = []
    private(set) var warnings: [String] = []
    private(set) var locations: [String] = []
    func tierStarted(tier: Tier, steps: [String], location: String) { lock.withLock { locations.append("\(tier.rawValue) \(location)") } }
    func tierCached(tier: Tier, record: VerdictRecord) {}
    func stepStarted(tier: Tier, step: String, output: OutputCapture) { lock.withLock { started.append("\(tier.rawValue)/\(step)") } }
    func stepFinished(tier: Tier, result: StepResult) {}
    func tierFinished(tier: Tier, verdict: Verdict, duration: TimeInterval) {}
    func warning(_ message: String) { lock.withLock { warnings.append(message) } }
}

@Suite("the gate", .requiresSandbox, .timeLimit(.minutes(5)))
struct GateTests {
    /// A repository whose tests read `fixture.txt`, which the workspace has but never committed.
    private func repositoryDependingOnIgnoredFile(dependency: Bool) throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.write(".gitignore", "fixture.txt\n")
        try repo.write("test.sh", dependency
            ? "#!/bin/sh\ncat fixture.txt || { echo '--- FAIL: TestFixture (0.00s)'; exit 1; }\n"
            : "#!/bin/sh\necho ok\n", executable: true)
        try repo.write("fixture.txt", "present only in the workspace\n")
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - name: unit
                  run: ./test.sh
            clean_room:
              timeout: 1m
              steps:
                - name: test
                  run: ./test.sh
            """)
        try repo.commitAll("initial")
        return repo
    }

    private func gate(_ repo: ScratchRepository, progress: ProgressSink = RecordingProgress(),
                      processes: ProcessGroupSet = ProcessGroupSet(), bubblewrap: [String]? = nil) throws -> Gate {
        var environment = TestEnvironment.base
        environment["HOME"] = repo.scratch.url.path
        environment["WORKSPACE_ONLY_SECRET"] = "leaked"
        let context = TierContext(repository: try repo.open(), launcher: SystemProcessLauncher(killGrace: 0.5),
                                  progress: progress, processes: processes, environment: environment,
                                  temporaryDirectory: repo.scratch.url)
        var tiers = context
        if let bubblewrap { tiers.bubblewrapLocations = bubblewrap }
        return try Gate.load(tiers: tiers)
    }

    /// A machine without bubblewrap: the default (`isolation: required`) never runs a step and
    /// records an `error` that says how to fix it; only `best-effort` runs unsealed, says so
    /// in its record, and is a gate of its own (another digest).
    @Test func withoutBubblewrapRequiredIsAnErrorAndBestEffortRunsUnsealed() async throws {
        let repo = try repositoryDependingOnIgnoredFile(dependency: false)
        let progress = RecordingProgress()
        let required = try await gate(repo, progress: progress, bubblewrap: ["/nonexistent/bwrap"]).check(tiers: .cleanRoom)
        #expect(required.verdict == .error)
        #expect(progress.started.isEmpty, "no step may run unsealed under isolation: required")
        guard case let .ran(refused) = required.tiers[0].state else { Issue.record("clean room did not run"); return }
        #expect(refused.summary == "the clean room cannot be sealed: bubblewrap (bwrap) is not installed (looked in /nonexistent/bwrap); "
            + "install bubblewrap (`apt-get install bubblewrap`, which ./install.sh does) and allow unprivileged user namespaces "
            + "(sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 also kernel.apparmor_restrict_unprivileged_userns=0 or an "
            + "AppArmor profile for bwrap; in a container, a runtime that permits user namespaces), or set `clean_room.isolation: best-effort` to run unsealed")
        #expect(refused.isolation == .unsealed)

        let config = try repo.read(".greenlight.yml").replacingOccurrences(of: "clean_room:\n", with: "clean_room:\n  isolation: best-effort\n")
        try repo.write(".greenlight.yml", config)
        try repo.commitAll("best effort")
        let unsealed = RecordingProgress()
        let bestEffort = try await gate(repo, progress: unsealed, bubblewrap: ["/nonexistent/bwrap"]).check(tiers: .cleanRoom)
        #expect(bestEffort.verdict == .pass)
        #expect(unsealed.warnings.contains { $0.hasPrefix("the clean room runs unsealed (isolation: best-effort): bubblewrap (bwrap) is not installed") })
        #expect(unsealed.locations == ["clean-room in a fresh checkout, NOT sealed (local, best-effort)"])
        let records = NoteCodec().decode(try #require(try repo.note())).records
        #expect(records.map(\.isolation) == [.unsealed])
        #expect(records.first?.digest != required.tiers[0].digest, "best-effort is another gate")
    }

    @Test func ignoredFileDependencyPassesFastTierButFailsCleanRoom() async throws {
        let repo = try repositoryDependingOnIgnoredFile(dependency: true)
        let result = try await gate(repo).check()
        #expect(result.verdict == .fail)
        #expect(result.tiers.map(\.verdict) == [.pass, .fail])
        guard case let .ran(outcome) = result.tiers[1].state else { Issue.record("clean room did not run"); return }
        #expect(outcome.failingTests == ["TestFixture"])
        #expect(outcome.summary.contains("step 'test' failed with exit code 1"))
        let log = try String(contentsOfFile: try #require(outcome.log), encoding: .utf8)
        #expect(log.contains("No such file"))
        #expect(outcome.log?.hasPrefix(repo.url.appendingPathComponent(".git/greenlight/logs").path) == true)
        let report = CheckReport().render(result)
        #expect(report.contains("clean-room tier: FAIL"))
        #expect(report.contains("- TestFixture"))
        #expect(report.contains("full log: \(outcome.log!)"))
        // The clean room is gone afterwards.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.scratch.url.path).filter { $0.hasPrefix("greenlight-clean") }
        #expect(leftovers.isEmpty)
    }

    @Test func withoutTheDependencyBothTiersPassAndAreRecorded() async throws {
        let repo = try repositoryDependingOnIgnoredFile(dependency: false)
        let result = try await gate(repo).check()
        #expect(result.verdict == .pass)
        #expect(result.tiers.map(\.verdict) == [.pass, .pass])
        let note = try #require(try repo.note())
        let records = NoteCodec().decode(note).records
        #expect(records.map(\.tier) == [.fast, .cleanRoom])
        #expect(records.allSatisfy { $0.verdict == .pass && $0.commit.hex == result.commit.commit.hex })
        #expect(records[0].backend == "workspace")
        #expect(records[1].backend == "local")
        #expect(records[1].tree.hex == (try repo.git("rev-parse", "HEAD^{tree}")))
    }

    @Test func secondCheckIsServedFromTheNoteWithoutRunningAnyStep() async throws {
        let repo = try repositoryDependingOnIgnoredFile(dependency: false)
        _ = try await gate(repo).check()
        let progress = RecordingProgress()
        let again = try await gate(repo, progress: progress).check()
        #expect(again.verdict == .pass)
        #expect(again.isCached)
        #expect(progress.started.isEmpty)
        // --no-cache runs again.
        let forced = RecordingProgress()
        _ = try await gate(repo, progress: forced).check(useCache: false)
        #expect(forced.started == ["fast/unit", "clean-room/test"])
    }

    @Test func cachedFailIsReusedAndReported() async throws {
        let repo = try repositoryDependingOnIgnoredFile(dependency: true)
        _ = try await gate(repo).check()
        let progress = RecordingProgress()
        let again = try await gate(repo, progress: progress).check()
        #expect(again.verdict == .fail)
        #expect(progress.started.isEmpty)
        let report = CheckReport().render(again)
        #expect(report.contains("- TestFixture"))
        #expect(report.contains("--no-cache"))
    }

    @Test func changingAStepCommandRunsAgain() async throws {
        let repo = try repositoryDependingOnIgnoredFile(dependency: false)
        _ = try await gate(repo).check()
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - name: unit
                  run: ./test.sh --verbose
            clean_room:
              timeout: 1m
              steps:
                - name: test
                  run: ./test.sh
            """)
        // The edited config is in the working tree only: tracked files differ, so the fast tier runs in a checkout.
        let progress = RecordingProgress()
        let result = try await gate(repo, progress: progress).check()
        #expect(progress.started == ["fast/unit"])
        #expect(result.tiers[0].isCached == false)
        #expect(result.tiers[1].isCached == true)
        #expect(progress.locations.first?.contains("tracked files are modified") == true)
    }

    @Test func sameTreeDifferentCommitIsCheckedAnew() async throws {
        let repo = try repositoryDependingOnIgnoredFile(dependency: false)
        let first = try await gate(repo).check()
        try repo.git("commit", "-q", "--amend", "-m", "same tree, new message")
        let progress = RecordingProgress()
        let second = try await gate(repo, progress: progress).check()
        #expect(first.commit.tree == second.commit.tree)
        #expect(first.commit.commit != second.commit.commit)
        #expect(progress.started.count == 2)
        #expect(!second.isCached)
    }

    @Test func checkingAnotherCommitRunsTheFastTierInATemporaryCheckout() async throws {
        let repo = try repositoryDependingOnIgnoredFile(dependency: false)
        let old = try repo.git("rev-parse", "HEAD")
        try repo.write("test.sh", "#!/bin/sh\necho broken; exit 7\n", executable: true)
        try repo.commitAll("break it")
        let progress = RecordingProgress()
        let result = try await gate(repo, progress: progress).check(revision: String(old.prefix(8)), tiers: .fast)
        #expect(result.commit.commit.hex == old)
        #expect(result.verdict == .pass)
        #expect(progress.locations.first?.contains("HEAD is") == true)
        let broken = try await gate(repo).check(tiers: .fast)
        #expect(broken.verdict == .fail)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.scratch.url.path).filter { $0.hasPrefix("greenlight-fast") }
        #expect(leftovers.isEmpty)
    }

    @Test func cleanRoomEnvironmentIsScrubbed() async throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", """
            clean_room:
              env: {MODE: strict}
              steps:
                - name: env
                  run: 'echo "HOME=$HOME"; echo "MODE=$MODE"; echo "SECRET=${WORKSPACE_ONLY_SECRET-unset}"; echo "COMMIT=$GREENLIGHT_COMMIT"; test -z "$WORKSPACE_ONLY_SECRET"'
            """)
        let sha = try repo.commitAll("initial")
        let result = try await gate(repo).check()
        #expect(result.verdict == .pass)
        guard case let .ran(outcome) = result.tiers[1].state else { Issue.record("clean room did not run"); return }
        let log = try String(contentsOfFile: try #require(outcome.log), encoding: .utf8)
        #expect(log.contains("SECRET=unset"))
        #expect(log.contains("MODE=strict"))
        #expect(log.contains("COMMIT=\(sha)"))
        #expect(!log.contains("HOME=\(repo.scratch.url.path)\n"))
        #expect(result.tiers[0].state.isNotConfigured)
    }

    @Test func stepPastItsTimeoutIsAFailNamingTheStep() async throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - name: hangs
                  run: sleep 300
                  timeout: 500ms
                - name: quick
                  run: 'true'
            """)
        try repo.commitAll("initial")
        let result = try await gate(repo).check()
        #expect(result.verdict == .fail)
        guard case let .ran(outcome) = result.tiers[0].state else { Issue.record("fast tier did not run"); return }
        #expect(outcome.steps.map(\.verdict) == [.fail, .pass])
        #expect(outcome.steps[0].timedOut)
        #expect(outcome.summary.contains("step 'hangs' timed out after 500ms"))
        // A fail is cached.
        #expect(NoteCodec().decode(try #require(try repo.note())).records.first?.verdict == .fail)
    }

    @Test func tierPastItsTimeoutIsAnErrorThatIsNeverCached() async throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", """
            clean_room:
              timeout: 1s
              steps:
                - name: slow
                  run: sleep 300
            """)
        try repo.commitAll("initial")
        let result = try await gate(repo).check()
        #expect(result.verdict == .error)
        guard case let .ran(outcome) = result.tiers[1].state else { Issue.record("clean room did not run"); return }
        #expect(outcome.summary == "the clean-room tier timed out after 1s during step 'slow'")
        // Recorded for visibility...
        let records = NoteCodec().decode(try #require(try repo.note())).records
        #expect(records.map(\.verdict) == [.error])
        // ...but never reused: the next check runs again.
        let progress = RecordingProgress()
        _ = try await gate(repo, progress: progress).check()
        #expect(progress.started == ["clean-room/slow"])
    }

    @Test func failFastStopsTheOtherSteps() async throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", """
            fast:
              fail_fast: true
              steps:
                - {name: broken, run: 'exit 1'}
                - {name: slow, run: 'sleep 300'}
            """)
        try repo.commitAll("initial")
        let start = Date()
        let result = try await gate(repo).check()
        #expect(Date().timeIntervalSince(start) < 60)
        guard case let .ran(outcome) = result.tiers[0].state else { Issue.record("fast tier did not run"); return }
        #expect(outcome.verdict == .fail)
        #expect(outcome.steps.map(\.verdict) == [.fail, .skipped])
    }

    @Test func allParallelFailuresAreReportedTogether() async throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - {name: one, run: 'echo first broke; exit 1'}
                - {name: two, run: 'echo second broke; exit 2'}
                - {name: three, run: 'true'}
            """)
        try repo.commitAll("initial")
        let result = try await gate(repo).check()
        let report = CheckReport().render(result)
        #expect(report.contains("step one: failed with exit code 1"))
        #expect(report.contains("step two: failed with exit code 2"))
        #expect(report.contains("| first broke"))
        #expect(report.contains("| second broke"))
    }

    @Test func malformedConfigurationWritesNoNote() async throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - name: a\n      run: x\n      timeout: whenever\n")
        try repo.commitAll("initial")
        #expect(throws: ConfigError.self) { try gate(repo) }
        #expect(try repo.note() == nil)
    }

    @Test func corruptNoteLinesAreSkippedWithAWarningAndKept() async throws {
        let repo = try repositoryDependingOnIgnoredFile(dependency: false)
        try repo.git("notes", "--ref=greenlight", "add", "-m", "not json at all", "HEAD")
        let progress = RecordingProgress()
        let result = try await gate(repo, progress: progress).check()
        #expect(result.verdict == .pass)
        #expect(progress.warnings.contains { $0.contains("not a greenlight verdict record") })
        let note = try #require(try repo.note())
        #expect(note.hasPrefix("not json at all\n"))
        #expect(NoteCodec().decode(note).records.count == 2)
    }

    @Test func interruptStopsStepsAndRecordsNothing() async throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: long, run: 'sleep 300'}\n")
        try repo.commitAll("initial")
        let processes = ProcessGroupSet()
        let gate = try gate(repo, processes: processes)
        Task {
            try await Task.sleep(for: .milliseconds(300))
            processes.stopAll()
        }
        let error = await #expect(throws: GateError.self) { try await gate.check() }
        #expect(error?.kind == .interrupted)
        #expect(try repo.note() == nil)
    }

    @Test func notesFromTwoClonesMergeWithoutLoss() async throws {
        let origin = try ScratchRepository("origin", bare: true)
        let seed = try repositoryDependingOnIgnoredFile(dependency: false)
        try seed.git("push", "-q", origin.url.path, "main")
        var clones: [ScratchRepository] = []
        for name in ["one", "two"] {
            let path = origin.scratch.path(name)
            try Command.check(["git", "clone", "-q", origin.url.path, path.path], in: origin.scratch.url)
            clones.append(ScratchRepository(existing: path, scratch: origin.scratch))
        }
        // Each clone records its own verdicts for the same commit.
        _ = try await gate(clones[0]).check(tiers: .fast)
        _ = try await gate(clones[1]).check(tiers: .cleanRoom)
        try clones[0].git("push", "-q", "origin", "refs/notes/greenlight")
        try clones[1].git("fetch", "-q", "origin", "refs/notes/greenlight:refs/notes/theirs")
        try clones[1].git("notes", "--ref=greenlight", "merge", "-q", "-s", "cat_sort_uniq", "refs/notes/theirs")
        let merged = NoteCodec().decode(try #require(try clones[1].note())).records
        #expect(Set(merged.map(\.tier)) == [.fast, .cleanRoom])
        // And the merged note serves the cache.
        let progress = RecordingProgress()
        let result = try await gate(clones[1], progress: progress).check()
        #expect(result.isCached)
        #expect(progress.started.isEmpty)
    }
}

extension TierResult.State {
    var isNotConfigured: Bool {
        if case .notConfigured = self { return true }
        return false
    }
}
