import CLibGit2
import Foundation

extension Repository {
    /// What merging another notes commit into the local notes ref did.
    public enum NotesMergeResult: Equatable, Sendable {
        /// The local ref already contained it.
        case upToDate
        /// The local ref had nothing the other lacked; it now points at the other commit.
        case fastForwarded
        /// Both had lines of their own: a merge commit with both as parents holds the union.
        case merged(notes: Int)
    }

    /// The commit a reference points at, `nil` when the reference does not exist.
    public func referenceTarget(_ name: String) throws(GitError) -> ObjectID? {
        try withHandle { (repo) throws(GitError) -> ObjectID? in
            var oid = git_oid()
            let result = git_reference_name_to_id(&oid, repo, name)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try gitCheck("git_reference_name_to_id", result)
            return ObjectID(oid)
        }
    }

    /// Points `name` at `target` (creating it), or deletes it when `target` is nil.
    public func setReference(_ name: String, to target: ObjectID?, message: String) throws(GitError) {
        try withHandle { (repo) throws(GitError) in
            guard let target else {
                let result = git_reference_remove(repo, name)
                if result != GIT_ENOTFOUND.rawValue { try gitCheck("git_reference_remove", result) }
                return
            }
            var oid = target.raw
            var reference: OpaquePointer?
            try gitCheck("git_reference_create", git_reference_create(&reference, repo, name, &oid, 1, message))
            git_reference_free(reference)
        }
    }

    /// Merges the notes commit `other` into `notesRef` by line union, the way
    /// `git notes merge -s cat_sort_uniq` keeps every line of both sides, except that
    /// the local order is kept and the other side's new lines are appended.
    ///
    /// Notes are bytes: lines end at 0x0A only, and the local note is kept byte for byte
    /// (NUL, CR, invalid UTF-8 included), as is every line taken from the other side.
    /// A note only the other side has is taken as it is; notes keep their fanout path.
    ///
    /// The ref is moved with a compare-and-swap; on a race the merge is redone.
    ///
    /// - Throws: `GitError` when git fails or the ref kept moving for 20 attempts.
    public func mergeNotes(from other: ObjectID, into notesRef: String = Repository.defaultNotesRef) throws(GitError) -> NotesMergeResult {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try withHandle { (repo) throws(GitError) -> NotesMergeResult in
                    try Self.mergeOnce(repo, other: other, notesRef: notesRef)
                }
            } catch {
                if !Self.isRace(error) || attempt >= 20 { throw error }
                usleep(UInt32.random(in: 1_000...20_000))
            }
        }
    }

    private static func mergeOnce(_ repo: OpaquePointer, other: ObjectID, notesRef: String) throws(GitError) -> NotesMergeResult {
        var theirs = other.raw
        guard var ours = try notesTip(repo, notesRef) else {
            var reference: OpaquePointer?
            try gitCheck("git_reference_create", git_reference_create(&reference, repo, notesRef, &theirs, 0, "greenlight: notes from remote"))
            git_reference_free(reference)
            return .fastForwarded
        }
        if git_oid_equal(&ours, &theirs) == 1 { return .upToDate }
        if git_graph_descendant_of(repo, &ours, &theirs) == 1 { return .upToDate }
        if git_graph_descendant_of(repo, &theirs, &ours) == 1 {
            var reference: OpaquePointer?
            try gitCheck("git_reference_create_matching",
                         git_reference_create_matching(&reference, repo, notesRef, &theirs, 1, &ours, "greenlight: fast-forward notes"))
            git_reference_free(reference)
            return .fastForwarded
        }

        var oursCommit: OpaquePointer?
        var theirsCommit: OpaquePointer?
        var oursTree: OpaquePointer?
        defer { git_commit_free(oursCommit); git_commit_free(theirsCommit); git_tree_free(oursTree) }
        try gitCheck("git_commit_lookup", git_commit_lookup(&oursCommit, repo, &ours))
        try gitCheck("git_commit_lookup", git_commit_lookup(&theirsCommit, repo, &theirs))
        try gitCheck("git_commit_tree", git_commit_tree(&oursTree, oursCommit))

        // Every note of their side: the annotated object and the note's blob.
        var theirNotes: [(annotated: ObjectID, blob: git_oid)] = []
        var seen = Set<ObjectID>()
        var iterator: OpaquePointer?
        let started = git_note_commit_iterator_new(&iterator, theirsCommit)
        defer { git_note_iterator_free(iterator) }
        if started != GIT_ENOTFOUND.rawValue {
            try gitCheck("git_note_commit_iterator_new", started)
            while true {
                var noteId = git_oid()
                var annotated = git_oid()
                let next = git_note_next(&noteId, &annotated, iterator)
                if next == GIT_ITEROVER.rawValue { break }
                try gitCheck("git_note_next", next)
                let object = ObjectID(annotated)
                if seen.insert(object).inserted { theirNotes.append((object, noteId)) }
            }
        }

        // The union of each note, written into our tree in one update.
        var updates: [(path: String, blob: git_oid)] = []
        for (annotated, theirBlob) in theirNotes {
            let location = try locateNote(repo, tree: oursTree, object: annotated)
            guard var ourBlob = location.blob else {
                updates.append((location.path, theirBlob))  // only they have it: their blob, untouched
                continue
            }
            var theirId = theirBlob
            if git_oid_equal(&ourBlob, &theirId) == 1 { continue }
            let ourBytes = try blobBytes(repo, ourBlob)
            let union = NoteLines.union(ourBytes, try blobBytes(repo, theirBlob))
            if union == ourBytes { continue }
            updates.append((location.path, try writeBlob(repo, union)))
        }
        var treeId = updates.isEmpty ? git_tree_id(oursTree).pointee : try updatedTree(repo, base: oursTree, updates: updates)
        var tree: OpaquePointer?
        try gitCheck("git_tree_lookup", git_tree_lookup(&tree, repo, &treeId))
        defer { git_tree_free(tree) }

        // The merge commit: the union's tree, with both sides as parents so either side fast-forwards to it.
        let author = try signature(for: repo)
        defer { git_signature_free(author) }
        var merge = git_oid()
        var parents: [OpaquePointer?] = [oursCommit, theirsCommit]
        try gitCheck("git_commit_create", git_commit_create(&merge, repo, nil, author, author, nil,
                                                            "Notes merged by greenlight (line union)", tree, 2, &parents))
        var reference: OpaquePointer?
        try gitCheck("git_reference_create_matching",
                     git_reference_create_matching(&reference, repo, notesRef, &merge, 1, &ours, "greenlight: merge notes"))
        git_reference_free(reference)
        return .merged(notes: updates.count)
    }
}
