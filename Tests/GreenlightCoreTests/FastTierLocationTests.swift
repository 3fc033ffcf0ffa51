import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Where the fast tier runs: the workspace only when it holds exactly the commit's tracked
/// content, and only for a result nothing touched while the steps ran.
@Suite("fast tier location and workspace integrity", .timeLimit(.minutes(5)))
struct FastTierLocationTests {
    /// A committed repository with a tracked file, an ignored pattern, and a fast tier only.
    private func project(fastStep: String = "./test.sh") throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.write(".gitignore", "build/\n")
        try repo.write("test.sh", "#!/bin/sh\necho ok\n", executable: true)
        try repo.write("src/code.txt", "content\n")
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: '\(fastStep)'}\n")
        try repo.commitAll("initial")
        return repo
    }

    private func projectWithSubmodule() throws -> (main: ScratchRepository, lib: ScratchRepository, older: String) {
        let project = try SubmoduleProject()
        return (project.main, project.lib, project.older)
    }

    private func gate(_ repo: ScratchRepository, progress: RecordingProgress = RecordingProgress()) throws -> Gate {
        var environment = TestEnvironment.base
        environment["HOME"] = repo.scratch.url.path
        let context = TierContext(repository: try repo.open(), launcher: SystemProcessLauncher(killGrace: 0.5),
                                  progress: progress, environment: environment, temporaryDirectory: repo.scratch.url)
        return try Gate.load(tiers: context)
    }

    private func noteCount(_ repo: ScratchRepository) throws -> Int {
        try repo.git("notes", "--ref=greenlight", "list").split(separator: "\n").count
    }

    // MARK: what counts as "may differ from the commit"

    @Test func untrackedAndIgnoredFilesDoNotCount() throws {
        let repo = try project()
        try repo.write("build/out.o", "object\n")
        try repo.write("notes.txt", "scratch\n")
        let repository = try repo.open()
        #expect(try repository.trackedChangeReason() == nil)
        #expect(try repository.hasTrackedChanges() == false)
    }

    @Test(arguments: ["--assume-unchanged", "--skip-worktree"])
    func editsHiddenByIndexFlagsCount(flag: String) throws {
        let repo = try project()
        try repo.git("update-index", flag, "src/code.txt")
        let repository = try repo.open()
        // The flag alone is enough: git no longer looks at the file, so neither can we.
        #expect(try repository.hasTrackedChanges() == true)
        try repo.write("src/code.txt", "hidden edit\n")
        #expect(try repo.git("status", "--porcelain") == "")
        #expect(try repository.hasTrackedChanges() == true)
        let reason = try #require(try repository.trackedChangeReason())
        #expect(reason.contains("'src/code.txt'"))
        #expect(reason.contains(flag.dropFirst(2)))
    }

    /// `core.fileMode false` makes git ignore the executable bit; the workspace then need not hold the commit's modes.
    @Test func anExecutableBitHiddenByCoreFileModeCounts() throws {
        let repo = try project()
        try repo.git("config", "core.fileMode", "false")
        #expect(try repo.open().trackedChangeReason() == nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: repo.url.appendingPathComponent("test.sh").path)
        #expect(try repo.git("status", "--porcelain") == "", "git itself does not see it")
        let reason = try #require(try repo.open().trackedChangeReason())
        #expect(reason.contains("'test.sh' has another executable bit"))
    }

    @Test func intentToAddEntriesCount() throws {
        let repo = try project()
        try repo.write("new.txt", "new\n")
        try repo.git("add", "-N", "new.txt")
        let repository = try repo.open()
        #expect(try repository.hasTrackedChanges() == true)
        #expect(try repository.trackedChangeReason()?.contains("'new.txt'") == true)
    }

    @Test func sparseCheckoutsCount() throws {
        let repo = try project()
        try repo.git("sparse-checkout", "set", "--no-cone", "/src/")
        #expect(try repo.open().hasTrackedChanges() == true)
        // A sparse index has directory entries libgit2 cannot read: still "may differ", not an error.
        try repo.git("sparse-checkout", "init", "--cone", "--sparse-index")
        try repo.git("sparse-checkout", "set", "src")
        #expect(try repo.open().hasTrackedChanges() == true)
    }

    @Test func stagedAndModifiedFilesCountAndAreNamed() throws {
        let repo = try project()
        try repo.write("src/code.txt", "changed\n")
        #expect(try repo.open().trackedChangeReason() == "'src/code.txt' is modified")
        try repo.git("add", "src/code.txt")
        #expect(try repo.open().trackedChangeReason() == "'src/code.txt' is staged but not committed")
    }

    @Test func submoduleAtItsGitlinkIsTrustedAndUntrackedFilesInsideDoNotCount() throws {
        let (main, _, _) = try projectWithSubmodule()
        try main.write("lib/build.log", "untracked inside the submodule\n")
        #expect(try main.open().trackedChangeReason() == nil)
    }

    @Test func submoduleAtAnotherCommitCounts() throws {
        let (main, _, older) = try projectWithSubmodule()
        try Command.check(["git", "checkout", "-q", older], in: main.url.appendingPathComponent("lib"))
        let repository = try main.open()
        #expect(try repository.hasTrackedChanges() == true)
        #expect(try repository.trackedChangeReason()?.contains("submodule 'lib' is at \(older.prefix(12))") == true)
    }

    @Test func modifiedContentInsideASubmoduleCounts() throws {
        let (main, _, _) = try projectWithSubmodule()
        try main.write("lib/lib.txt", "edited in the submodule\n")
        #expect(try main.open().hasTrackedChanges() == true)
        #expect(try main.open().trackedChangeReason() == "in submodule 'lib': 'lib.txt' is modified")
        // Hidden inside the submodule is still hidden.
        try Command.check(["git", "checkout", "-q", "lib.txt"], in: main.url.appendingPathComponent("lib"))
        try Command.check(["git", "update-index", "--assume-unchanged", "lib.txt"], in: main.url.appendingPathComponent("lib"))
        #expect(try main.open().hasTrackedChanges() == true)
    }

    @Test func uninitialisedSubmoduleCounts() throws {
        let (main, _, _) = try projectWithSubmodule()
        try main.git("submodule", "deinit", "-q", "-f", "lib")
        #expect(try main.open().hasTrackedChanges() == true)
        #expect(try main.open().trackedChangeReason() == "submodule 'lib' is not checked out")
    }

    // MARK: the snapshot

    @Test func snapshotIgnoresWhatDoesNotChangeTrackedContent() throws {
        let repo = try project()
        let repository = try repo.open()
        let before = try repository.workspaceSnapshot()
        #expect(before.count == 4)
        try repo.write("build/out.o", "object\n")
        try repo.write("untracked.txt", "x\n")
        try FileManager.default.createDirectory(at: repo.url.appendingPathComponent("src/new"), withIntermediateDirectories: true)
        // git status rewrites the index file to refresh its stat cache; build tools run it.
        try repo.git("status", "--porcelain")
        try repo.git("diff", "--quiet")
        let after = try repository.workspaceSnapshot()
        #expect(after == before)
        #expect(after.firstDifference(from: before) == nil)
    }

    @Test func snapshotSeesAnEditPutBackWithTheSameBytes() throws {
        let repo = try project()
        let repository = try repo.open()
        let before = try repository.workspaceSnapshot()
        let original = try repo.read("src/code.txt")
        try repo.write("src/code.txt", "broken\n")
        try repo.write("src/code.txt", original)
        #expect(try repo.git("status", "--porcelain") == "")
        let after = try repository.workspaceSnapshot()
        #expect(after != before)
        #expect(after.firstDifference(from: before) == "src/code.txt")
    }

    @Test func snapshotSeesRemovedAddedAndStagedEntriesAndHEAD() throws {
        let repo = try project()
        let repository = try repo.open()
        let before = try repository.workspaceSnapshot()
        try repo.write("a-new.txt", "new\n")
        try repo.git("add", "a-new.txt")
        #expect(try repository.workspaceSnapshot().firstDifference(from: before) == "a-new.txt")
        try repo.git("rm", "-q", "--cached", "a-new.txt")
        #expect(try repository.workspaceSnapshot() == before)
        try repo.git("commit", "-q", "--allow-empty", "-m", "moved")
        #expect(try repository.workspaceSnapshot().firstDifference(from: before) == "HEAD")
    }

    @Test func snapshotLooksInsideSubmodules() throws {
        let (main, _, _) = try projectWithSubmodule()
        let repository = try main.open()
        let before = try repository.workspaceSnapshot()
        try main.write("lib/build.log", "untracked\n")
        #expect(try repository.workspaceSnapshot() == before)
        let original = try main.read("lib/lib.txt")
        try main.write("lib/lib.txt", "x\n")
        try main.write("lib/lib.txt", original)
        #expect(try repository.workspaceSnapshot().firstDifference(from: before) == "lib/lib.txt")
    }

    // MARK: through the gate

    @Test(.timeLimit(.minutes(2)))
    func hiddenEditIsNotTestedInsteadOfTheCommit() async throws {
        let repo = try project()
        try repo.write("test.sh", "#!/bin/sh\necho '--- FAIL: TestCommitted (0.00s)'\nexit 1\n", executable: true)
        try repo.commitAll("failing")
        try repo.git("update-index", "--assume-unchanged", "test.sh")
        try repo.write("test.sh", "#!/bin/sh\necho ok\n", executable: true)
        let progress = RecordingProgress()
        let result = try await gate(repo, progress: progress).check(tiers: .fast)
        #expect(result.verdict == .fail)
        guard case let .ran(outcome) = result.tiers[0].state else { Issue.record("the fast tier did not run"); return }
        #expect(outcome.backend == "worktree")
        #expect(progress.locations.first?.contains("'test.sh' is marked assume-unchanged") == true)
    }

    @Test(.timeLimit(.minutes(2)))
    func cleanWorkspaceRunsInPlaceWithoutFalseAlarm() async throws {
        let repo = try project(fastStep: "mkdir -p build && echo x > build/out.o && echo y > scratch.txt && git status --porcelain >/dev/null && ./test.sh")
        let result = try await gate(repo).check(tiers: .fast)
        #expect(result.verdict == .pass)
        guard case let .ran(outcome) = result.tiers[0].state else { Issue.record("the fast tier did not run"); return }
        #expect(outcome.backend == "workspace")
        #expect(outcome.workspaceChanged == nil)
        #expect(try noteCount(repo) == 1)
    }

    @Test(.timeLimit(.minutes(2)))
    func editDuringTheRunRecordsNothing() async throws {
        let repo = try project(fastStep: "cp src/code.txt code.bak && echo broken > src/code.txt && sleep 0.2 && cp code.bak src/code.txt && rm code.bak")
        let error = await #expect(throws: GateError.self) { try await gate(repo).check(tiers: .fast) }
        #expect(error?.kind == .workspaceChanged)
        #expect(error?.message.contains("the workspace changed during the check") == true)
        #expect(error?.message.contains("'src/code.txt'") == true)
        #expect(try noteCount(repo) == 0)
        #expect(try repo.git("status", "--porcelain") == "")
    }
}

/// The snapshot's and the check's cost on a large repository (not run by default):
/// `GREENLIGHT_MEASURE_REPO=/path/to/clean/repo swift test --skip-build --filter FastTierCost`.
@Suite("fast tier location cost", .enabled(if: ProcessInfo.processInfo.environment["GREENLIGHT_MEASURE_REPO"] != nil))

struct FastTierCost {
    @Test func measure() throws {
        let path = try #require(ProcessInfo.processInfo.environment["GREENLIGHT_MEASURE_REPO"])
        let repository = try Repository.discover(from: URL(fileURLWithPath: path))
        let clock = ContinuousClock()
        var snapshot = try repository.workspaceSnapshot()
        var reason: String?
        for _ in 0..<5 {
            let snapshotTime = try clock.measure { snapshot = try repository.workspaceSnapshot() }
            let compareTime = clock.measure { _ = snapshot.firstDifference(from: snapshot) }
            let checkTime = try clock.measure { reason = try repository.trackedChangeReason() }
            print("snapshot of \(snapshot.count) paths: \(snapshotTime); compare: \(compareTime); tracked-change check: \(checkTime) (\(reason ?? "clean"))")
        }
    }
}
