import CLibGit2
import Foundation

extension Repository {
    /// The notes ref greenlight records verdicts on.
    public static let defaultNotesRef = "refs/notes/greenlight"

    /// The note attached to `object` on `notesRef`, `nil` when there is none.
    public func note(on object: ObjectID, notesRef: String = Repository.defaultNotesRef) throws(GitError) -> String? {
        try withHandle { (repo) throws(GitError) -> String? in
            var note: OpaquePointer?
            var oid = object.raw
            let result = git_note_read(&note, repo, notesRef, &oid)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try gitCheck("git_note_read", result)
            defer { git_note_free(note) }
            guard let message = git_note_message(note) else { return "" }
            return String(cString: message)
        }
    }

    /// Appends `lines` to the note on `object`, keeping every line already there.
    ///
    /// libgit2 commits the notes tree with a compare-and-swap on the notes ref,
    /// so a concurrent writer makes the update fail instead of losing a line;
    /// it is then re-read and retried.
    public func appendToNote(on object: ObjectID, lines: [String], notesRef: String = Repository.defaultNotesRef) throws(GitError) {
        var attempt = 0
        while true {
            attempt += 1
            do {
                try writeAppendedNote(on: object, lines: lines, notesRef: notesRef)
                return
            } catch {
                let retriable = error.code == GIT_EMODIFIED.rawValue || error.code == GIT_ELOCKED.rawValue
                if !retriable || attempt >= 20 { throw error }
                usleep(UInt32(10_000 * attempt))
            }
        }
    }

    private func writeAppendedNote(on object: ObjectID, lines: [String], notesRef: String) throws(GitError) {
        let existing = try note(on: object, notesRef: notesRef) ?? ""
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += lines.map { $0 + "\n" }.joined()
        try withHandle { (repo) throws(GitError) in
            let signature = try Self.signature(for: repo)
            defer { git_signature_free(signature) }
            var oid = object.raw
            var written = git_oid()
            try gitCheck("git_note_create", git_note_create(&written, repo, notesRef, signature, signature, &oid, text, 1))
        }
    }

    /// Every object that carries a note on `notesRef`.
    public func annotatedObjects(notesRef: String = Repository.defaultNotesRef) throws(GitError) -> [ObjectID] {
        try withHandle { (repo) throws(GitError) -> [ObjectID] in
            final class Collector { var ids: [ObjectID] = [] }
            let collector = Collector()
            let result = withExtendedLifetime(collector) { () -> Int32 in
                git_note_foreach(repo, notesRef, { _, annotated, payload in
                    let collector = Unmanaged<Collector>.fromOpaque(payload!).takeUnretainedValue()
                    collector.ids.append(ObjectID(annotated!.pointee))
                    return 0
                }, Unmanaged.passUnretained(collector).toOpaque())
            }
            if result == GIT_ENOTFOUND.rawValue { return [] }
            try gitCheck("git_note_foreach", result)
            return collector.ids
        }
    }

    /// The configured identity, or greenlight's own when user.name/user.email are unset.
    private static func signature(for repo: OpaquePointer) throws(GitError) -> UnsafeMutablePointer<git_signature>? {
        var signature: UnsafeMutablePointer<git_signature>?
        if git_signature_default(&signature, repo) == 0 { return signature }
        try gitCheck("git_signature_now", git_signature_now(&signature, "greenlight", "greenlight@localhost"))
        return signature
    }
}
