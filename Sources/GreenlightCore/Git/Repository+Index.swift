import CLibGit2
import Foundation

extension Repository {
    /// Why the working tree may not hold exactly HEAD's content, `nil` when it does.
    ///
    /// "When in doubt, it differs": the fast tier runs in the workspace only on a `nil`.
    /// Untracked and ignored files do not count (they are not part of any commit); all of
    /// these do:
    /// - an index entry flagged assume-unchanged or skip-worktree (libgit2's status, like
    ///   git's, trusts those flags and never looks at the file), intent-to-add, or conflicted;
    /// - an index that cannot be read (a sparse index, an unknown mandatory extension);
    /// - a staged change (HEAD's tree against the index, gitlinks included);
    /// - a modified tracked file (the index against the working tree), including an executable
    ///   bit that `core.fileMode false` hides from git;
    /// - a submodule that is not checked out, checked out at another commit than the
    ///   gitlink, or (recursively, by these same rules) modified inside.
    public func trackedChangeReason() throws(GitError) -> String? {
        guard let workdir = workingDirectory else { return "the repository has no working tree" }
        let found = try withHandle { (repo) throws(GitError) -> (reason: String?, gitlinks: [(path: String, id: ObjectID)]) in
            var index: OpaquePointer?
            // A sparse index, or any mandatory extension libgit2 does not know, fails here: the index
            // cannot vouch for the working tree, so it "may differ"; that is not an error.
            let loaded = git_repository_index(&index, repo)
            if loaded < 0 {
                return ("the index cannot be read (\(GitError.last(call: "git_repository_index", code: loaded).message))", [])
            }
            defer { git_index_free(index) }
            let read = git_index_read(index, 1)
            if read < 0 {
                return ("the index cannot be read (\(GitError.last(call: "git_index_read", code: read).message))", [])
            }
            // With core.fileMode false, git (and libgit2's diff) ignore the executable bit: compare it here.
            let comparesModes = try Self.configBool(repo, "core.filemode") ?? true
            var gitlinks: [(path: String, id: ObjectID)] = []
            for position in 0..<git_index_entrycount(index) {
                guard let entry = git_index_get_byindex(index, position)?.pointee else { continue }
                let path = String(cString: entry.path)
                if let flag = Self.untrustworthyFlag(flags: entry.flags, extended: entry.flags_extended) {
                    return ("'\(path)' is \(flag) in the index", [])
                }
                if !comparesModes, let differs = Self.executableBitDiffers(entry.mode, at: workdir.appendingPathComponent(path).path), differs {
                    return ("'\(path)' has another executable bit than the commit records (hidden from git by core.fileMode false)", [])
                }
                if entry.mode == UInt32(GIT_FILEMODE_COMMIT.rawValue) { gitlinks.append((path, ObjectID(entry.id))) }
            }
            if let staged = try Self.firstDelta(repo: repo, index: index!, toWorkdir: false) {
                return ("'\(staged)' is staged but not committed", [])
            }
            if let modified = try Self.firstDelta(repo: repo, index: index!, toWorkdir: true) {
                return ("'\(modified)' is modified", [])
            }
            return (nil, gitlinks)
        }
        if let reason = found.reason { return reason }
        for gitlink in found.gitlinks {
            if let reason = try Self.submoduleChange(at: gitlink.path, recorded: gitlink.id, in: workdir) { return reason }
        }
        return nil
    }

    /// A boolean setting with git's precedence; `nil` when unset.
    private static func configBool(_ repo: OpaquePointer, _ key: String) throws(GitError) -> Bool? {
        var config: OpaquePointer?
        try gitCheck("git_repository_config_snapshot", git_repository_config_snapshot(&config, repo))
        defer { git_config_free(config) }
        var value: Int32 = 0
        let result = git_config_get_bool(&value, config, key)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try gitCheck("git_config_get_bool", result)
        return value != 0
    }

    /// For a regular-file entry (mode 100644 or 100755): whether the file's owner-executable bit
    /// differs from the entry's; `nil` for other entries and for files that cannot be stat'ed
    /// (the diff reports those).
    static func executableBitDiffers(_ mode: UInt32, at path: String) -> Bool? {
        guard mode == UInt32(GIT_FILEMODE_BLOB.rawValue) || mode == UInt32(GIT_FILEMODE_BLOB_EXECUTABLE.rawValue) else { return nil }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (info.st_mode & S_IXUSR != 0) != (mode == UInt32(GIT_FILEMODE_BLOB_EXECUTABLE.rawValue))
    }

    /// The flag that makes an index entry say nothing reliable about its file, `nil` for a plain entry.
    static func untrustworthyFlag(flags: UInt16, extended: UInt16) -> String? {
        if flags & UInt16(GIT_INDEX_ENTRY_VALID.rawValue) != 0 { return "marked assume-unchanged" }
        if extended & UInt16(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0 { return "marked skip-worktree (sparse checkout?)" }
        if extended & UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue) != 0 { return "added with intent-to-add" }
        if (flags & UInt16(GIT_INDEX_ENTRY_STAGEMASK)) >> UInt16(GIT_INDEX_ENTRY_STAGESHIFT) != 0 { return "in conflict" }
        return nil
    }

    /// The first path that differs between HEAD's tree and the index (`toWorkdir` false, gitlinks
    /// compared by the commit they record) or between the index and the working tree (`toWorkdir`
    /// true, submodules left to `submoduleChange`, untracked files not looked at).
    private static func firstDelta(repo: OpaquePointer, index: OpaquePointer, toWorkdir: Bool) throws(GitError) -> String? {
        var options = git_diff_options()
        try gitCheck("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        options.ignore_submodules = toWorkdir ? GIT_SUBMODULE_IGNORE_ALL : GIT_SUBMODULE_IGNORE_NONE
        var diff: OpaquePointer?
        if toWorkdir {
            try gitCheck("git_diff_index_to_workdir", git_diff_index_to_workdir(&diff, repo, index, &options))
        } else {
            var tree: OpaquePointer?
            var head: OpaquePointer?
            let found = git_repository_head(&head, repo)
            if found == GIT_EUNBORNBRANCH.rawValue || found == GIT_ENOTFOUND.rawValue {
                tree = nil  // compared against the empty tree
            } else {
                try gitCheck("git_repository_head", found)
                defer { git_reference_free(head) }
                var peeled: OpaquePointer?
                try gitCheck("git_reference_peel", git_reference_peel(&peeled, head, GIT_OBJECT_TREE))
                tree = peeled
            }
            defer { git_object_free(tree) }
            try gitCheck("git_diff_tree_to_index", git_diff_tree_to_index(&diff, repo, tree, index, &options))
        }
        defer { git_diff_free(diff) }
        guard git_diff_num_deltas(diff) > 0, let delta = git_diff_get_delta(diff, 0)?.pointee else { return nil }
        let path = delta.new_file.path ?? delta.old_file.path
        return path.map { String(cString: $0) } ?? "?"
    }

    /// Why the submodule at `path` does not hold the commit its gitlink records, `nil` when it does.
    private static func submoduleChange(at path: String, recorded: ObjectID, in workdir: URL) throws(GitError) -> String? {
        let directory = workdir.appendingPathComponent(path, isDirectory: true).standardizedFileURL
        // An uninitialised submodule (an empty directory, or none) counts as modified. The commit's
        // content includes the submodule's tree at the gitlink, and the workspace does not have it;
        // steps may also create files there, or a stray repository may be found in its place, that
        // the commit does not describe. The temporary checkout never borrows any of that, so a
        // verdict made there describes the commit's own files and nothing else; it costs a
        // checkout, never a wrong `pass`.
        guard let submodule = try? Repository.open(at: directory), submodule.workingDirectory?.path == directory.path else {
            return "submodule '\(path)' is not checked out"
        }
        let head = try submodule.headCommit()
        guard head == recorded else {
            return "submodule '\(path)' is at \(head?.short() ?? "an unborn branch"), the commit records \(recorded.short())"
        }
        if let reason = try submodule.trackedChangeReason() { return "in submodule '\(path)': \(reason)" }
        return nil
    }
}
