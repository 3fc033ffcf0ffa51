import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// The fast tier tests the commit, or records nothing: `greenlight check` against workspaces
/// whose index hides edits, whose submodules moved, or whose tracked files change mid-run.
@Suite("workspace integrity (CLI)", .timeLimit(.minutes(5)))
struct WorkspaceIntegrityTests {
    private static let failing = "#!/bin/sh\necho '--- FAIL: TestCommitted (0.00s)'\nexit 1\n"
    private static let passing = "#!/bin/sh\necho ok\n"

    /// A repository with a fast tier only, whose single step is `fastStep`.
    private func project(fastStep: String = "./test.sh", test: String = passing) throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.write(".gitignore", "build/\n")
        try repo.write("test.sh", test, executable: true)
        try repo.write("src/code.txt", "content\n")
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: '\(fastStep)'}\n")
        try repo.commitAll("initial")
        return repo
    }

    private func environment(_ repo: ScratchRepository) -> [String: String] {
        var environment = TestEnvironment.base
        environment["HOME"] = repo.scratch.url.path
        environment["TMPDIR"] = repo.scratch.url.path
        return environment
    }

    private func check(_ repo: ScratchRepository) throws -> Command.Result {
        try GreenlightBinary.run(["check"], in: repo.url, environment: environment(repo))
    }

    /// Every note under refs/notes/greenlight, as `git notes list` shows them.
    private func notes(_ repo: ScratchRepository) throws -> [String] {
        try repo.git("notes", "--ref=greenlight", "list").split(separator: "\n").map(String.init)
    }

    @Test(.timeLimit(.minutes(2)), arguments: ["--assume-unchanged", "--skip-worktree"])
    func editHiddenByAnIndexFlagIsNotTested(flag: String) throws {
        let repo = try project(test: Self.failing)
        try repo.git("update-index", flag, "test.sh")
        try repo.write("test.sh", Self.passing, executable: true)
        #expect(try repo.git("status", "--porcelain") == "")

        let result = try check(repo)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("TestCommitted"))
        let note = try #require(try repo.note())
        #expect(note.contains("\"backend\":\"worktree\""))
        #expect(!note.contains("\"backend\":\"workspace\""))
        #expect(note.contains("\"verdict\":\"fail\""))
        // The workspace is left as it was.
        #expect(try repo.read("test.sh") == Self.passing)
    }

    @Test(.timeLimit(.minutes(2)))
    func submoduleAtAnotherCommitIsNotTested() throws {
        let project = try SubmoduleProject()
        let (repo, older) = (project.main, project.older)
        try Command.check(["git", "checkout", "-q", older], in: repo.url.appendingPathComponent("lib"))

        let result = try check(repo)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("submodule 'lib' is at \(older.prefix(12))"))
        let note = try #require(try repo.note())
        #expect(note.contains("\"backend\":\"worktree\""))
    }

    @Test(.timeLimit(.minutes(2)))
    func stepThatEditsAndRestoresATrackedFileRecordsNothing() throws {
        let repo = try project(fastStep: "cp src/code.txt code.bak; echo broken > src/code.txt; sleep 0.2; cp code.bak src/code.txt; rm code.bak")
        let result = try check(repo)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("greenlight: error: the workspace changed during the check"))
        #expect(result.stderr.contains("'src/code.txt'"))
        #expect(try notes(repo).isEmpty)
        #expect(try repo.git("status", "--porcelain") == "")
    }

    @Test(.timeLimit(.minutes(2)))
    func parallelStepThatEditsWhileAnotherRunsRecordsNothing() throws {
        let repo = try ScratchRepository()
        try repo.write("src/code.txt", "content\n")
        try repo.write(".greenlight.yml", """
            fast:
              parallel: true
              steps:
                - {name: unit, run: 'sleep 0.5; cat src/code.txt'}
                - {name: generate, run: 'cp src/code.txt code.bak; echo broken > src/code.txt; sleep 0.2; cp code.bak src/code.txt; rm code.bak'}
            clean_room:
              timeout: 1m
              steps:
                - {name: test, run: 'true'}
            """)
        try repo.commitAll("initial")
        let result = try check(repo)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("the workspace changed during the check"))
        #expect(result.stderr.contains("'src/code.txt'"))
        // Nothing for any tier: no fast record, and the clean room never ran.
        #expect(try notes(repo).isEmpty)
        #expect(!result.stderr.contains("clean-room tier"))
    }

    @Test(.timeLimit(.minutes(2)))
    func cleanWorkspaceRunsInPlaceAndPasses() throws {
        // Untracked and ignored output, and a `git status` that rewrites the index, are no change.
        let repo = try project(fastStep: "mkdir -p build && echo x > build/out.o && echo y > scratch.txt && git status --porcelain >/dev/null && ./test.sh")
        let result = try check(repo)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let note = try #require(try repo.note())
        #expect(note.contains("\"backend\":\"workspace\""))
        #expect(note.contains("\"verdict\":\"pass\""))
        #expect(try notes(repo).count == 1)
    }
}
