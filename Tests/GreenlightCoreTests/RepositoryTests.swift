import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

@Suite("libgit2 wrapper")
struct RepositoryTests {
    @Test func discoversFromSubdirectoryAndResolvesRevisions() throws {
        let scratch = try ScratchRepository()
        try scratch.write("src/deep/file.txt", "one\n")
        let first = try scratch.commitAll("first")
        try scratch.write("src/deep/file.txt", "two\n")
        let second = try scratch.commitAll("second")
        try scratch.git("tag", "v1", first)

        let repository = try Repository.discover(from: scratch.url.appendingPathComponent("src/deep"))
        #expect(repository.workingDirectory?.path == scratch.url.path)
        #expect(try repository.resolve("HEAD").commit.hex == second)
        #expect(try repository.resolve("main").commit.hex == second)
        #expect(try repository.resolve(String(first.prefix(7))).commit.hex == first)
        #expect(try repository.resolve("HEAD~1").commit.hex == first)
        #expect(try repository.resolve("v1").commit.hex == first)
        #expect(try repository.resolve("HEAD").tree.hex == (try scratch.git("rev-parse", "HEAD^{tree}")))
        #expect(try repository.headCommit()?.hex == second)
    }

    @Test func unknownRevisionCarriesLibgit2Message() throws {
        let scratch = try ScratchRepository()
        try scratch.commitAll("first")
        let repository = try scratch.open()
        let error = #expect(throws: GitError.self) { try repository.resolve("no-such-branch") }
        #expect(error?.call == "git_revparse_single")
        #expect(error?.description.contains("no-such-branch") == true)
        #expect(error?.isNotFound == true)
    }

    @Test func outsideARepositoryIsAClearError() throws {
        let scratch = ScratchDirectory("norepo")
        let error = #expect(throws: GitError.self) { try Repository.discover(from: scratch.url) }
        #expect(error?.description.contains("not a git repository") == true)
    }

    @Test func opensLinkedWorktreeWithSharedCommonDirectory() throws {
        let scratch = try ScratchRepository()
        try scratch.write("a.txt", "a\n")
        try scratch.commitAll("first")
        try scratch.git("branch", "feature")
        let worktree = scratch.scratch.path("wt")
        try scratch.git("worktree", "add", "-q", worktree.path, "feature")
        try String("b\n").write(to: worktree.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try Command.check(["git", "add", "b.txt"], in: worktree)
        try Command.check(["git", "commit", "-q", "-m", "on feature"], in: worktree)

        let repository = try Repository.discover(from: worktree)
        #expect(repository.workingDirectory?.path == worktree.path)
        #expect(repository.commonDirectory.path == scratch.url.appendingPathComponent(".git").path)
        #expect(repository.gitDirectory.path != repository.commonDirectory.path)
        let head = try Command.check(["git", "rev-parse", "HEAD"], in: worktree).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try repository.resolve("HEAD").commit.hex == head)
        #expect(try repository.headCommit()?.hex == head)
    }

    @Test func trackedChangesIgnoreUntrackedFiles() throws {
        let scratch = try ScratchRepository()
        try scratch.write("tracked.txt", "v1\n")
        try scratch.commitAll("first")
        let repository = try scratch.open()
        #expect(try repository.hasTrackedChanges() == false)
        try scratch.write("untracked.txt", "x\n")
        #expect(try repository.hasTrackedChanges() == false)
        try scratch.write("tracked.txt", "v2\n")
        #expect(try repository.hasTrackedChanges() == true)
    }

    @Test func notesAreWrittenReadAndListedAsGitSeesThem() throws {
        let scratch = try ScratchRepository()
        let first = try scratch.commitAll("first")
        let second = try scratch.commitAll("second")
        let repository = try scratch.open()
        let id = try #require(ObjectID(hex: first))
        #expect(try repository.note(on: id) == nil)

        try repository.appendToNote(on: id, lines: ["line one"])
        try repository.appendToNote(on: id, lines: ["line two"])
        #expect(try repository.note(on: id) == Data("line one\nline two\n".utf8))
        #expect(try scratch.note(first) == "line one\nline two\n")
        #expect(try repository.annotatedObjects().map(\.hex) == [first])
        #expect(try repository.note(on: #require(ObjectID(hex: second))) == nil)
        // Another ref is another namespace.
        #expect(try repository.note(on: id, notesRef: "refs/notes/other") == nil)
    }

    @Test func concurrentAppendsFromTwoHandlesKeepEveryLine() async throws {
        let scratch = try ScratchRepository()
        let sha = try scratch.commitAll("first")
        let id = try #require(ObjectID(hex: sha))
        let writers = 4
        let perWriter = 10
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    // Separate handles, like separate processes: only the ref's compare-and-swap protects them.
                    let repository = try! scratch.open()
                    for index in 0..<perWriter {
                        try! repository.appendToNote(on: id, lines: ["w\(writer)-\(index)"])
                    }
                }
            }
        }
        let lines = try #require(try scratch.note(sha)).split(separator: "\n").map(String.init)
        #expect(Set(lines).count == writers * perWriter)
    }

    @Test func detachedCheckoutHoldsExactlyTheCommit() async throws {
        let scratch = try ScratchRepository()
        try scratch.write("kept.txt", "committed\n")
        try scratch.write(".gitignore", "ignored.txt\n")
        let sha = try scratch.commitAll("first")
        try scratch.write("ignored.txt", "secret\n")
        try scratch.write("untracked.txt", "loose\n")
        try scratch.write("kept.txt", "modified in workspace\n")
        let repository = try scratch.open()

        let target = scratch.scratch.path("clean")
        let checkout = try await repository.makeDetachedCheckout(of: #require(ObjectID(hex: sha)), at: target,
                                                                runner: ProcessRunner(group: ProcessGroupSet()))
        #expect(try checkout.headCommit()?.hex == sha)
        #expect(try String(contentsOf: target.appendingPathComponent("kept.txt"), encoding: .utf8) == "committed\n")
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("ignored.txt").path))
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("untracked.txt").path))
        // Objects are borrowed, not copied, and git itself sees a clean detached checkout.
        let alternates = try String(contentsOf: target.appendingPathComponent(".git/objects/info/alternates"), encoding: .utf8)
        #expect(alternates.contains(scratch.url.appendingPathComponent(".git/objects").path))
        #expect(try Command.check(["git", "status", "--porcelain"], in: target).isEmpty)
        #expect(try Command.check(["git", "rev-parse", "HEAD"], in: target).trimmingCharacters(in: .whitespacesAndNewlines) == sha)
    }
}
