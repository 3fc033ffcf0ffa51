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
    /// The ref is moved with a compare-and-swap; on a race the merge is redone.
    public func mergeNotes(from other: ObjectID, into notesRef: String = Repository.defaultNotesRef) throws(GitError) -> NotesMergeResult {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try withHandle { (repo) throws(GitError) -> NotesMergeResult in
                    try Self.mergeOnce(repo, other: other, notesRef: notesRef)
                }
            } catch {
                let raced = error.code == GIT_EMODIFIED.rawValue || error.code == GIT_EEXISTS.rawValue || error.code == GIT_ELOCKED.rawValue
                if !raced || attempt >= 20 { throw error }
                usleep(UInt32.random(in: 1_000...20_000))
            }
        }
    }

    private static func mergeOnce(_ repo: OpaquePointer, other: ObjectID, notesRef: String) throws(GitError) -> NotesMergeResult {
        var theirs = other.raw
        var ours = git_oid()
        let lookup = git_reference_name_to_id(&ours, repo, notesRef)
        if lookup == GIT_ENOTFOUND.rawValue {
            var reference: OpaquePointer?
            try gitCheck("git_reference_create", git_reference_create(&reference, repo, notesRef, &theirs, 0, "greenlight: notes from remote"))
            git_reference_free(reference)
            return .fastForwarded
        }
        try gitCheck("git_reference_name_to_id", lookup)
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
        try gitCheck("git_commit_lookup", git_commit_lookup(&oursCommit, repo, &ours))
        defer { git_commit_free(oursCommit) }
        try gitCheck("git_commit_lookup", git_commit_lookup(&theirsCommit, repo, &theirs))
        defer { git_commit_free(theirsCommit) }

        // Every annotated object of their side, with its note text.
        final class Collector { var ids: [git_oid] = [] }
        let collector = Collector()
        var iterator: OpaquePointer?
        try gitCheck("git_note_commit_iterator_new", git_note_commit_iterator_new(&iterator, theirsCommit))
        defer { git_note_iterator_free(iterator) }
        while true {
            var noteId = git_oid()
            var annotated = git_oid()
            let next = git_note_next(&noteId, &annotated, iterator)
            if next == GIT_ITEROVER.rawValue { break }
            try gitCheck("git_note_next", next)
            collector.ids.append(annotated)
        }

        let author = try Self.signature(for: repo)
        defer { git_signature_free(author) }
        // Build the union on top of our commit, one note at a time (each step is a commit that is not kept).
        var current: OpaquePointer? = oursCommit
        var intermediates: [OpaquePointer?] = []
        defer { intermediates.forEach { git_commit_free($0) } }
        var changed = 0
        for var annotated in collector.ids {
            let theirText = try noteText(repo, commit: theirsCommit, object: &annotated) ?? ""
            let ourText = try noteText(repo, commit: current, object: &annotated)
            let union = NoteLines.union(ourText ?? "", theirText)
            if union == ourText { continue }
            var newCommit = git_oid()
            var blob = git_oid()
            try gitCheck("git_note_commit_create",
                         git_note_commit_create(&newCommit, &blob, repo, current, author, author, &annotated, union, 1))
            var next: OpaquePointer?
            try gitCheck("git_commit_lookup", git_commit_lookup(&next, repo, &newCommit))
            intermediates.append(next)
            current = next
            changed += 1
        }
        // The merge commit: the union's tree, with both sides as parents so either side fast-forwards to it.
        var tree: OpaquePointer?
        try gitCheck("git_commit_tree", git_commit_tree(&tree, current))
        defer { git_tree_free(tree) }
        var merge = git_oid()
        var parents: [OpaquePointer?] = [oursCommit, theirsCommit]
        try gitCheck("git_commit_create", git_commit_create(&merge, repo, nil, author, author, nil,
                                                            "Notes merged by greenlight (line union)", tree, 2, &parents))
        var reference: OpaquePointer?
        try gitCheck("git_reference_create_matching",
                     git_reference_create_matching(&reference, repo, notesRef, &merge, 1, &ours, "greenlight: merge notes"))
        git_reference_free(reference)
        return .merged(notes: changed)
    }

    private static func noteText(_ repo: OpaquePointer, commit: OpaquePointer?, object: inout git_oid) throws(GitError) -> String? {
        var note: OpaquePointer?
        let read = git_note_commit_read(&note, repo, commit, &object)
        if read == GIT_ENOTFOUND.rawValue { return nil }
        try gitCheck("git_note_commit_read", read)
        defer { git_note_free(note) }
        return git_note_message(note).map { String(cString: $0) } ?? ""
    }
}

/// Line arithmetic on note texts.
enum NoteLines {
    /// `ours` with every line of `theirs` it lacks appended; each line ends with a newline.
    static func union(_ ours: String, _ theirs: String) -> String {
        var lines = ours.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        var seen = Set(lines)
        for line in theirs.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) where seen.insert(line).inserted {
            lines.append(line)
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
