import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

@Suite("notes sync", .timeLimit(.minutes(5)))
struct NotesSyncTests {
    @Test func offlineRemoteAndRemoteWithoutNotesAreWarningsNotErrors() async throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        let repository = try repo.open()
        try repository.appendToNote(on: #require(ObjectID(hex: sha)), lines: ["local record"])
        let git = GitCLI(repository: repository, environment: TestEnvironment.base, runner: ProcessRunner(group: ProcessGroupSet()))

        let offline = NotesSync(git: git, remote: repo.scratch.path("no-such-remote.git").path)
        let fetchWarnings = try await offline.fetchAndMerge()
        #expect(fetchWarnings.count == 1)
        #expect(fetchWarnings.first?.contains("could not fetch verdict notes") == true)
        let pushWarnings = try await offline.push()
        #expect(pushWarnings.contains { $0.contains("stay local") })
        #expect(try repository.note(on: #require(ObjectID(hex: sha))) == Data("local record\n".utf8))

        let bare = try ScratchRepository("bare", in: repo.scratch, bare: true)
        let empty = NotesSync(git: git, remote: bare.url.path)
        #expect(try await empty.fetchAndMerge().isEmpty)
        #expect(try empty.hasUnpushedNotes())
        #expect(try await empty.push().isEmpty)
        #expect(try !empty.hasUnpushedNotes())
        let remoteNote = try Command.run(["git", "notes", "--ref=greenlight", "show", sha], in: bare.url)
        #expect(remoteNote.stdout == "local record\n")
    }
}
