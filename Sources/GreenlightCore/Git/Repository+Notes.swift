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
    /// The read and the write are one compare-and-swap: the new notes commit is made on
    /// top of the notes commit the old text was read from, and the ref moves only if it
    /// still points there. A concurrent writer (another process, another clone's merge)
    /// makes the swap fail; the append is then redone on the newer tip, so no line is lost.
    public func appendToNote(on object: ObjectID, lines: [String], notesRef: String = Repository.defaultNotesRef) throws(GitError) {
        var attempt = 0
        while true {
            attempt += 1
            do {
                try withHandle { (repo) throws(GitError) in try Self.appendOnce(repo, object: object, lines: lines, notesRef: notesRef) }
                return
            } catch {
                let raced = error.code == GIT_EMODIFIED.rawValue || error.code == GIT_ELOCKED.rawValue || error.code == GIT_EEXISTS.rawValue
                if !raced || attempt >= 50 { throw error }
                usleep(UInt32.random(in: 1_000...(5_000 * UInt32(min(attempt, 10)))))
            }
        }
    }

    private static func appendOnce(_ repo: OpaquePointer, object: ObjectID, lines: [String], notesRef: String) throws(GitError) {
        // The notes commit everything below is based on; nil when the ref does not exist yet.
        var tip = git_oid()
        let lookup = git_reference_name_to_id(&tip, repo, notesRef)
        if lookup < 0 && lookup != GIT_ENOTFOUND.rawValue { throw GitError.last(call: "git_reference_name_to_id", code: lookup) }
        let hasTip = lookup == 0

        var parent: OpaquePointer?
        if hasTip { try gitCheck("git_commit_lookup", git_commit_lookup(&parent, repo, &tip)) }
        defer { git_commit_free(parent) }

        var oid = object.raw
        var text = ""
        if let parent {
            var note: OpaquePointer?
            let read = git_note_commit_read(&note, repo, parent, &oid)
            if read < 0 && read != GIT_ENOTFOUND.rawValue { throw GitError.last(call: "git_note_commit_read", code: read) }
            if read == 0 {
                defer { git_note_free(note) }
                if let message = git_note_message(note) { text = String(cString: message) }
            }
        }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += lines.map { $0 + "\n" }.joined()

        let signature = try signature(for: repo)
        defer { git_signature_free(signature) }
        var newCommit = git_oid()
        var blob = git_oid()
        try gitCheck("git_note_commit_create",
                     git_note_commit_create(&newCommit, &blob, repo, parent, signature, signature, &oid, text, 1))
        var reference: OpaquePointer?
        if hasTip {
            try gitCheck("git_reference_create_matching",
                         git_reference_create_matching(&reference, repo, notesRef, &newCommit, 1, &tip, "greenlight: record verdict"))
        } else {
            try gitCheck("git_reference_create", git_reference_create(&reference, repo, notesRef, &newCommit, 0, "greenlight: record verdict"))
        }
        git_reference_free(reference)
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
    static func signature(for repo: OpaquePointer) throws(GitError) -> UnsafeMutablePointer<git_signature>? {
        var signature: UnsafeMutablePointer<git_signature>?
        if git_signature_default(&signature, repo) == 0 { return signature }
        try gitCheck("git_signature_now", git_signature_now(&signature, "greenlight", "greenlight@localhost"))
        return signature
    }
}
