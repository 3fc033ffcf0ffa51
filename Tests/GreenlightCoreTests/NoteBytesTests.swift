import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Notes are bytes: lines end at 0x0A only, and every byte another tool wrote survives
/// greenlight's reads, appends and merges. Checked against git's own view of the notes.
@Suite("notes are bytes", .timeLimit(.minutes(2)))
struct NoteBytesTests {
    // MARK: reading

    @Test func aForeignCRLFLineDoesNotHideTheRecordAfterIt() async throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        let commit = try #require(ObjectID(hex: sha))
        let record = Self.record(on: commit)
        let note = Array("written by another tool\r\n".utf8) + Array(try NoteCodec().encode(record).utf8) + [0x0A]
        try Self.writeNote(note, on: sha, in: repo)

        let store = VerdictStore(repository: try repo.open())
        let read = try store.records(for: commit)
        #expect(read.records == [record])
        #expect(read.warnings.count == 1)
        #expect(read.warnings.first?.contains("note line 1 ") == true)
        let cached = try await SignedVerdictCache(store: store, signer: nil, keys: TrustedKeys()).lookup(commit: commit, tier: .fast, digest: record.digest)
        #expect(cached.record == record)
        #expect(cached.warnings.count == 1)
    }

    @Test func recordsAfterUnicodeSeparatorsAndRecordsEndingInCRAreFound() async throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        let commit = try #require(ObjectID(hex: sha))
        let first = Self.record(on: commit, finishedAt: 1_000)
        let second = Self.record(on: commit, finishedAt: 2_000)
        // U+2028, U+2029 and NEL are line breaks to some readers, never to git: they stay inside their line.
        var note = Array("a\u{2028}b\u{2029}c\u{85}d\n".utf8)
        note += Array(try NoteCodec().encode(first).utf8) + Array("\r\n".utf8)  // a record whose line was converted to CRLF
        note += Array(try NoteCodec().encode(second).utf8) + [0x0A]
        try Self.writeNote(note, on: sha, in: repo)

        let store = VerdictStore(repository: try repo.open())
        let read = try store.records(for: commit)
        #expect(read.records == [first, second])
        #expect(read.warnings.count == 1)
        let cache = SignedVerdictCache(store: store, signer: nil, keys: TrustedKeys())
        #expect(try await cache.lookup(commit: commit, tier: .fast, digest: first.digest).record == second)
    }

    @Test func warningsShowForeignBytesPrintably() async throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        let commit = try #require(ObjectID(hex: sha))
        let record = Self.record(on: commit)
        let note: [UInt8] = Array("nul\0here\n".utf8) + [0xFF, 0xFE] + Array(" bad\u{1B}[31m\u{202E}x\n".utf8)
            + Array(try NoteCodec().encode(record).utf8) + [0x0A]
        try Self.writeNote(note, on: sha, in: repo)

        let store = VerdictStore(repository: try repo.open())
        let read = try store.records(for: commit)
        #expect(read.records == [record])
        try #require(read.warnings.count == 2)
        #expect(read.warnings[0].hasSuffix("nul\\x00here"))
        #expect(read.warnings[1].hasSuffix("\\xFF\\xFE bad\\x1B[31m\\u{202E}x"))
        let cached = try await SignedVerdictCache(store: store, signer: nil, keys: TrustedKeys()).lookup(commit: commit, tier: .fast, digest: record.digest)
        #expect(cached.warnings == read.warnings)
        for warning in read.warnings + cached.warnings {
            #expect(!warning.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FFFD}" || $0 == "\u{202E}" })
        }
    }

    @Test func noteOnReturnsTheStoredBytes() throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        let note: [UInt8] = Array("a\0b\r\n".utf8) + [0xFF, 0xFE, 0x0A] + Array("lone\rcr".utf8)
        try Self.writeNote(note, on: sha, in: repo)
        #expect(try repo.open().note(on: #require(ObjectID(hex: sha))) == Data(note))
    }

    // MARK: appending

    @Test(arguments: [true, false])
    func appendKeepsEveryByteOfTheNote(endsWithNewline: Bool) throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        let commit = try #require(ObjectID(hex: sha))
        var original: [UInt8] = Array("foreign\0with NUL\n".utf8) + [0xFF, 0xFE] + Array(" invalid UTF-8\n".utf8)
            + Array("lone\rCR".utf8)
        if endsWithNewline { original.append(0x0A) }
        try Self.writeNote(original, on: sha, in: repo)

        let record = Self.record(on: commit)
        try VerdictStore(repository: try repo.open()).append(record)

        let line = Array(try NoteCodec().encode(record).utf8)
        let expected = original + (endsWithNewline ? [] : [0x0A]) + line + [0x0A]
        #expect(try Self.gitNote(sha, in: repo) == expected)
        #expect(try VerdictStore(repository: try repo.open()).records(for: commit).records == [record])
    }

    @Test func aNewNoteIsExactlyTheLines() throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        try repo.open().appendToNote(on: #require(ObjectID(hex: sha)), lines: ["one", "two"])
        #expect(try Self.gitNote(sha, in: repo) == Array("one\ntwo\n".utf8))
        #expect(try repo.git("notes", "--ref=greenlight", "list").hasSuffix(" \(sha)"))
    }

    // MARK: fanout

    @Test func appendsKeepTheFanoutOfTheNotesTree() throws {
        let repo = try ScratchRepository()
        try repo.commitAll("first")
        // Two objects whose names share their first two digits (out of 257 blobs, some do).
        let blobs = try Self.blobs(count: 257, in: repo)
        let pair = try #require(Dictionary(grouping: blobs, by: { $0.prefix(2) }).values.first { $0.count >= 2 })
        let (annotated, newcomer) = (pair[0], pair[1])
        let fan = String(annotated.prefix(2))

        // A notes tree fanned out by hand, as git writes it for many notes: <2 digits>/<38 digits>.
        let old: [UInt8] = Array("old\0line\n".utf8) + [0xFF, 0x0A]
        let noteBlob = try Self.hashObject(old, in: repo)
        let subtree = try Self.mktree("100644 blob \(noteBlob)\t\(annotated.dropFirst(2))\n", in: repo)
        let root = try Self.mktree("040000 tree \(subtree)\t\(fan)\n", in: repo)
        let notesCommit = try repo.git("commit-tree", root, "-m", "notes")
        try repo.git("update-ref", "refs/notes/greenlight", notesCommit)
        #expect(try Self.gitNote(annotated, in: repo) == old)

        let repository = try repo.open()
        try repository.appendToNote(on: #require(ObjectID(hex: annotated)), lines: ["new line"])
        #expect(try Self.gitNote(annotated, in: repo) == old + Array("new line\n".utf8))
        // A note the tree had no note for yet goes into the existing directory for its first two digits.
        try repository.appendToNote(on: #require(ObjectID(hex: newcomer)), lines: ["newcomer"])
        #expect(try Self.gitNote(newcomer, in: repo) == Array("newcomer\n".utf8))

        let paths = try repo.git("ls-tree", "-r", "--name-only", "refs/notes/greenlight").split(separator: "\n").map(String.init)
        #expect(paths.sorted() == ["\(fan)/\(annotated.dropFirst(2))", "\(fan)/\(newcomer.dropFirst(2))"].sorted())
        let listed = try repo.git("notes", "--ref=greenlight", "list").split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) }
        #expect(listed.sorted { ($0 ?? "") < ($1 ?? "") } == [annotated, newcomer].sorted())
        #expect(try repo.git("rev-parse", "refs/notes/greenlight~2") == notesCommit)  // two appends on top of it
    }

    // MARK: another writer that does not compare-and-swap

    /// 40 plain `git notes append`s, each line echoed when git wrote it: `git notes append` reads
    /// the tip, writes, and moves the ref without checking it.
    static let foreignAppends = """
        i=1
        while [ "$i" -le 40 ]; do
            git notes --ref=greenlight append -m "foreign line $i" HEAD 2>/dev/null && echo "foreign line $i"
            i=$((i + 1))
        done
        """

    /// A command hands its records over without waiting: what is written is checked at once,
    /// what has not settled is saved, and the next command, once the settle time has passed,
    /// writes again whatever `git notes append` replaced meanwhile.
    @Test func handedOverRecordsSurviveGitNotesAppendOnceTheNextCommandConfirmsThem() async throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        let commit = try #require(ObjectID(hex: sha))
        let store = VerdictStore(repository: try repo.open())
        let gitDone = DispatchSemaphore(value: 0)
        Thread {
            _ = try? Command.run(["sh", "-c", Self.foreignAppends], in: repo.url)
            gitDone.signal()
        }.start()
        var receipts: [VerdictReceipt] = []
        for index in 0..<20 {
            receipts.append(try store.append(Self.record(on: commit, finishedAt: TimeInterval(index))))
            try await Task.sleep(for: .milliseconds(15))
        }
        let started = ContinuousClock.now
        try await store.handOver(receipts, settle: .seconds(30))
        #expect(ContinuousClock.now - started < .seconds(10), "handOver does not wait out the settle time")
        let pending = repo.url.appendingPathComponent(".git/greenlight/notes-pending")
        #expect(try FileManager.default.contentsOfDirectory(atPath: pending.path).count == 20, "every unsettled receipt is saved")
        gitDone.wait()
        #expect(try store.confirmPending(settle: .seconds(30)) == 0, "receipts younger than the settle time are left alone")
        #expect(try FileManager.default.contentsOfDirectory(atPath: pending.path).count == 20)
        try store.confirmPending(settle: .zero)
        try store.confirmPending(settle: .zero)  // a record written again settles anew
        let note = try Self.gitNote(sha, in: repo)
        #expect(NoteCodecLines.lines(note).filter { $0.contains("\"greenlight_version\"") }.count == 20)
        #expect(try FileManager.default.contentsOfDirectory(atPath: pending.path).isEmpty)
    }

    @Test func confirmedRecordsSurviveGitNotesAppendRacingThem() async throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        let commit = try #require(ObjectID(hex: sha))
        let store = VerdictStore(repository: try repo.open())
        let appends = Self.foreignAppends
        let gitDone = DispatchSemaphore(value: 0)
        let gitOutput = Locked("")
        Thread {
            gitOutput.set((try? Command.run(["sh", "-c", appends], in: repo.url).stdout) ?? "")
            gitDone.signal()
        }.start()
        var receipts: [VerdictReceipt] = []
        for index in 0..<20 {
            receipts.append(try store.append(Self.record(on: commit, finishedAt: TimeInterval(index))))
            try await Task.sleep(for: .milliseconds(15))
        }
        let rewritten = try await store.confirm(receipts)
        gitDone.wait()

        let note = try Self.gitNote(sha, in: repo)
        let lines = NoteCodecLines.lines(note)
        #expect(lines.filter { $0.contains("\"greenlight_version\"") }.count == 20, "\(rewritten) rewritten at confirmation")
        for line in gitOutput.get().split(separator: "\n") {
            #expect(lines.contains(String(line)))
        }
    }

    // MARK: merging

    @Test func unionMergeKeepsForeignLinesByteForByte() throws {
        let repo = try ScratchRepository()
        let sha = try repo.commitAll("first")
        let other = try repo.commitAll("second")
        let ours: [UInt8] = Array("ours\0NUL\n".utf8) + [0xFF, 0xFE] + Array(" ours invalid\n".utf8) + Array("shared\n".utf8)
        let theirs: [UInt8] = Array("shared\n".utf8) + Array("theirs CRLF\r\n".utf8) + [0xC3, 0x28] + Array(" theirs invalid\n".utf8)
            + Array("theirs\0NUL\n".utf8)
        let onlyTheirs: [UInt8] = Array("only\0theirs\r".utf8) + [0x80]
        try Self.writeNote(ours, on: sha, in: repo)
        try Self.writeNote(theirs, on: sha, in: repo, ref: "theirs")
        try Self.writeNote(onlyTheirs, on: other, in: repo, ref: "theirs")

        let repository = try repo.open()
        let theirTip = try #require(try repository.referenceTarget("refs/notes/theirs"))
        let result = try repository.mergeNotes(from: theirTip)
        #expect(result == .merged(notes: 2))

        let expected = ours + Array("theirs CRLF\r\n".utf8) + [0xC3, 0x28] + Array(" theirs invalid\n".utf8) + Array("theirs\0NUL\n".utf8)
        #expect(try Self.gitNote(sha, in: repo) == expected)
        #expect(try Self.gitNote(other, in: repo) == onlyTheirs)
        #expect(try repo.git("rev-list", "--parents", "-1", "refs/notes/greenlight").split(separator: " ").count == 3)
        // Merging again changes nothing.
        #expect(try repository.mergeNotes(from: theirTip) == .upToDate)
    }

    // MARK: helpers

    static func record(on commit: ObjectID, finishedAt: TimeInterval = 1_000) -> VerdictRecord {
        VerdictRecord(verdict: .pass, tier: .fast, commit: commit, tree: commit, digest: "sha256:feedface", backend: "workspace",
                      startedAt: Date(timeIntervalSince1970: 1_700_000_000), finishedAt: Date(timeIntervalSince1970: 1_700_000_000 + finishedAt),
                      steps: [], summary: "")
    }

    /// Stores `bytes` as a blob, exactly (`git hash-object -w`).
    static func hashObject(_ bytes: [UInt8], in repo: ScratchRepository) throws -> String {
        let file = repo.scratch.path("blob-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        return try repo.git("hash-object", "-w", file.path)
    }

    static func mktree(_ listing: String, in repo: ScratchRepository) throws -> String {
        try Command.run(["git", "mktree"], in: repo.url, stdin: listing).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Makes `bytes` the note on `revision` on `refs/notes/<ref>` with git itself (`-C` keeps the blob as it is).
    static func writeNote(_ bytes: [UInt8], on revision: String, in repo: ScratchRepository, ref: String = "greenlight") throws {
        let blob = try hashObject(bytes, in: repo)
        try repo.git("notes", "--ref=\(ref)", "add", "-f", "-C", blob, revision)
    }

    /// The note on `revision` as git shows it, byte for byte.
    static func gitNote(_ revision: String, in repo: ScratchRepository) throws -> [UInt8] {
        let file = repo.scratch.path("shown-\(UUID().uuidString)")
        try Command.check(["sh", "-c", "LC_ALL=C git notes --ref=greenlight show \"$1\" > \"$2\"", "sh", revision, file.path], in: repo.url)
        return [UInt8](try Data(contentsOf: file))
    }

    /// `count` distinct blobs, by name.
    static func blobs(count: Int, in repo: ScratchRepository) throws -> [String] {
        let directory = repo.scratch.path("blobs")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = try (0..<count).map { index in
            let file = directory.appendingPathComponent("\(index)")
            try Data("object \(index)\n".utf8).write(to: file)
            return file.path
        }
        let result = try Command.run(["git", "hash-object", "-w", "--stdin-paths"], in: repo.url, stdin: files.joined(separator: "\n") + "\n")
        return result.stdout.split(separator: "\n").map(String.init)
    }
}

private enum NoteCodecLines {
    static func lines(_ note: [UInt8]) -> [String] {
        note.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}

private final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value { lock.withLock { value } }
}
