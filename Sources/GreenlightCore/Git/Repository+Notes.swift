import CLibGit2
import Foundation

extension Repository {
    /// The notes ref greenlight records verdicts on.
    public static let defaultNotesRef = "refs/notes/greenlight"

    /// The note attached to `object` on `notesRef`, byte for byte as stored (NUL, CR and
    /// invalid UTF-8 included); `nil` when there is none (also when the ref does not exist).
    ///
    /// - Throws: `GitError` when the ref, its commit, its tree or the note's blob cannot be read.
    public func note(on object: ObjectID, notesRef: String = Repository.defaultNotesRef) throws(GitError) -> Data? {
        try withHandle { (repo) throws(GitError) -> Data? in
            guard var tip = try Self.notesTip(repo, notesRef) else { return nil }
            var commit: OpaquePointer?
            try gitCheck("git_commit_lookup", git_commit_lookup(&commit, repo, &tip))
            defer { git_commit_free(commit) }
            var tree: OpaquePointer?
            try gitCheck("git_commit_tree", git_commit_tree(&tree, commit))
            defer { git_tree_free(tree) }
            guard let blob = try Self.locateNote(repo, tree: tree, object: object).blob else { return nil }
            return Data(try Self.blobBytes(repo, blob))
        }
    }

    /// Appends `lines` to the note on `object`, keeping every byte already there (a
    /// newline is added first when the old note does not end with one); each line gets a
    /// newline and must not contain one.
    ///
    /// The read and the write are one compare-and-swap: the new notes commit is made on
    /// top of the notes commit the old note was read from, and the ref moves only if it
    /// still points there. A concurrent writer that also compares (another greenlight,
    /// another clone's merge) makes the swap fail; the append is then redone on the newer
    /// tip, so no line is lost. A writer that does not compare (plain `git notes`) can
    /// still replace this commit afterwards: see `VerdictStore.confirm(_:settle:)`.
    ///
    /// The note keeps its place in the notes tree: under a fanout directory (`ab/cdef…`)
    /// when it is there; a new note goes into the deepest existing `ab/` directory for its
    /// name, as git and libgit2 place it.
    ///
    /// - Throws: `GitError` when git fails, when the ref kept moving for 50 attempts, or
    ///   (code -1) when a line contains a newline.
    public func appendToNote(on object: ObjectID, lines: [String], notesRef: String = Repository.defaultNotesRef) throws(GitError) {
        let bytes = lines.map { Array($0.utf8) }
        if let bad = lines.first(where: { $0.utf8.contains(NoteLines.newline) }) {
            throw GitError(call: "appendToNote", code: -1, message: "a note line cannot contain a newline: \(NoteLines.printable(Array(bad.utf8)))")
        }
        var attempt = 0
        while true {
            attempt += 1
            do {
                try withHandle { (repo) throws(GitError) in try Self.appendOnce(repo, object: object, lines: bytes, notesRef: notesRef) }
                return
            } catch {
                if !Self.isRace(error) || attempt >= 50 { throw error }
                usleep(UInt32.random(in: 1_000...(5_000 * UInt32(min(attempt, 10)))))
            }
        }
    }

    /// Whether a failed ref update lost a race with another writer (worth redoing on the new tip).
    static func isRace(_ error: GitError) -> Bool {
        error.code == GIT_EMODIFIED.rawValue || error.code == GIT_ELOCKED.rawValue || error.code == GIT_EEXISTS.rawValue
    }

    private static func appendOnce(_ repo: OpaquePointer, object: ObjectID, lines: [[UInt8]], notesRef: String) throws(GitError) {
        // The notes commit everything below is based on; nil when the ref does not exist yet.
        var tip = try notesTip(repo, notesRef)

        var parent: OpaquePointer?
        var tree: OpaquePointer?
        defer { git_commit_free(parent); git_tree_free(tree) }
        if var id = tip {
            try gitCheck("git_commit_lookup", git_commit_lookup(&parent, repo, &id))
            try gitCheck("git_commit_tree", git_commit_tree(&tree, parent))
        }

        let location = try locateNote(repo, tree: tree, object: object)
        let old = try location.blob.map { (id) throws(GitError) in try blobBytes(repo, id) } ?? []
        let blob = try writeBlob(repo, NoteLines.appending(lines, to: old))
        var newTree = try updatedTree(repo, base: tree, updates: [(location.path, blob)])

        let signature = try signature(for: repo)
        defer { git_signature_free(signature) }
        var treeObject: OpaquePointer?
        try gitCheck("git_tree_lookup", git_tree_lookup(&treeObject, repo, &newTree))
        defer { git_tree_free(treeObject) }
        var newCommit = git_oid()
        var parents: [OpaquePointer?] = parent.map { [$0] } ?? []
        try gitCheck("git_commit_create", git_commit_create(&newCommit, repo, nil, signature, signature, nil,
                                                            "Notes added by greenlight", treeObject, parents.count, &parents))
        var reference: OpaquePointer?
        if tip != nil {
            try gitCheck("git_reference_create_matching",
                         git_reference_create_matching(&reference, repo, notesRef, &newCommit, 1, &tip!, "greenlight: record verdict"))
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

// MARK: - Notes trees, read and written as bytes

extension Repository {
    /// Where a note lives in a notes tree, or where a new one goes.
    struct NoteLocation {
        /// Slash-separated path from the tree's root: `<hex>` or `ab/<rest>` (deeper for deeper fanout).
        var path: String
        /// The note's blob; `nil` when the object has no note (then `path` is where it goes).
        var blob: git_oid?
    }

    /// The commit `notesRef` points at; `nil` when the ref does not exist.
    static func notesTip(_ repo: OpaquePointer, _ notesRef: String) throws(GitError) -> git_oid? {
        var tip = git_oid()
        let lookup = git_reference_name_to_id(&tip, repo, notesRef)
        if lookup == GIT_ENOTFOUND.rawValue { return nil }
        try gitCheck("git_reference_name_to_id", lookup)
        return tip
    }

    /// Finds the note on `object` in `tree` the way git and libgit2 do: at each level the
    /// entry named by the rest of the object's hex name, else the directory named by its
    /// next two digits. A missing note's path is at the deepest level that exists.
    static func locateNote(_ repo: OpaquePointer, tree root: OpaquePointer?, object: ObjectID) throws(GitError) -> NoteLocation {
        guard let root else { return NoteLocation(path: object.hex, blob: nil) }
        var owned: [OpaquePointer?] = []
        defer { owned.forEach { git_tree_free($0) } }
        var tree = root
        var prefix = ""
        var rest = Substring(object.hex)
        while true {
            if let entry = git_tree_entry_byname(tree, String(rest)), git_tree_entry_type(entry) == GIT_OBJECT_BLOB {
                return NoteLocation(path: prefix + rest, blob: git_tree_entry_id(entry).pointee)
            }
            guard rest.count > 2, let entry = git_tree_entry_byname(tree, String(rest.prefix(2))),
                  git_tree_entry_type(entry) == GIT_OBJECT_TREE else {
                return NoteLocation(path: prefix + rest, blob: nil)
            }
            var subtree: OpaquePointer?
            try gitCheck("git_tree_lookup", git_tree_lookup(&subtree, repo, git_tree_entry_id(entry)))
            owned.append(subtree)
            tree = subtree!
            prefix += rest.prefix(2) + "/"
            rest = rest.dropFirst(2)
        }
    }

    /// Every byte of a blob.
    static func blobBytes(_ repo: OpaquePointer, _ id: git_oid) throws(GitError) -> [UInt8] {
        var oid = id
        var blob: OpaquePointer?
        try gitCheck("git_blob_lookup", git_blob_lookup(&blob, repo, &oid))
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// Writes `bytes` as a blob, exactly.
    static func writeBlob(_ repo: OpaquePointer, _ bytes: [UInt8]) throws(GitError) -> git_oid {
        var id = git_oid()
        let result = bytes.withUnsafeBytes { buffer in git_blob_create_from_buffer(&id, repo, buffer.baseAddress, buffer.count) }
        try gitCheck("git_blob_create_from_buffer", result)
        return id
    }

    /// `base` (an empty tree when `nil`) with a blob put at each path (created or replaced,
    /// mode 100644); every other entry, fanout directories included, stays as it was.
    static func updatedTree(_ repo: OpaquePointer, base: OpaquePointer?, updates: [(path: String, blob: git_oid)]) throws(GitError) -> git_oid {
        var empty: OpaquePointer?
        defer { git_tree_free(empty) }
        var baseline = base
        if baseline == nil {
            var builder: OpaquePointer?
            try gitCheck("git_treebuilder_new", git_treebuilder_new(&builder, repo, nil))
            defer { git_treebuilder_free(builder) }
            var emptyId = git_oid()
            try gitCheck("git_treebuilder_write", git_treebuilder_write(&emptyId, builder))
            try gitCheck("git_tree_lookup", git_tree_lookup(&empty, repo, &emptyId))
            baseline = empty
        }
        let paths = updates.map { strdup($0.path) }
        defer { paths.forEach { free($0) } }
        var changes = zip(updates, paths).map { update, path in
            git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: update.blob, filemode: GIT_FILEMODE_BLOB, path: path)
        }
        var out = git_oid()
        try gitCheck("git_tree_create_updated", git_tree_create_updated(&out, repo, baseline, changes.count, &changes))
        return out
    }
}
