import CLibGit2
import Foundation

extension Repository {
    /// What a path names in a commit's tree.
    public enum TreeFile: Equatable, Sendable {
        /// No entry at that path.
        case absent
        /// A regular (or executable) file: its bytes.
        case file([UInt8])
        /// Something else (a directory, a symbolic link, a submodule): its kind, for the error.
        case other(String)
    }

    /// The entry at `path` (slash-separated, relative to the root) in `commit`'s tree.
    /// - Throws: `GitError` when the commit cannot be read.
    public func file(at path: String, in commit: ObjectID) throws(GitError) -> TreeFile {
        try withCommitTree(commit) { (repo, tree) throws(GitError) -> TreeFile in
            var entry: OpaquePointer?
            let found = git_tree_entry_bypath(&entry, tree, path)
            if found == GIT_ENOTFOUND.rawValue { return .absent }
            try gitCheck("git_tree_entry_bypath", found)
            defer { git_tree_entry_free(entry) }
            switch git_tree_entry_filemode(entry) {
            case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE:
                return .file(try Self.blobBytes(repo, git_tree_entry_id(entry).pointee))
            case GIT_FILEMODE_LINK: return .other("a symbolic link")
            case GIT_FILEMODE_TREE: return .other("a directory")
            case GIT_FILEMODE_COMMIT: return .other("a submodule")
            default: return .other("not a file")
            }
        }
    }

    /// A reference as its files-backend storage says it, for stamps that `greenlight-fastpath`
    /// compares byte for byte: `ref:<target>` for a symbolic ref, the 40-hex object name for a
    /// direct one, `none` when it does not exist.
    /// - Throws: `GitError` when it cannot be read.
    public func referenceStamp(_ name: String) throws(GitError) -> String {
        try withHandle { (repo) throws(GitError) -> String in
            var reference: OpaquePointer?
            let result = git_reference_lookup(&reference, repo, name)
            if result == GIT_ENOTFOUND.rawValue { return "none" }
            try gitCheck("git_reference_lookup", result)
            defer { git_reference_free(reference) }
            if git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC {
                return "ref:" + (git_reference_symbolic_target(reference).map { String(cString: $0) } ?? "")
            }
            guard let target = git_reference_target(reference) else { return "none" }
            return ObjectID(target.pointee).hex
        }
    }

    /// The target of a symbolic reference (`refs/remotes/origin/HEAD` → `refs/remotes/origin/main`);
    /// `nil` when it does not exist or is not symbolic.
    public func symbolicTarget(_ name: String) throws(GitError) -> String? {
        let stamp = try referenceStamp(name)
        return stamp.hasPrefix("ref:") ? String(stamp.dropFirst(4)) : nil
    }

    /// The root tree of `commit`, read through libgit2 (which verifies each object's hash), for `body`.
    func withCommitTree<T>(_ commit: ObjectID, _ body: (OpaquePointer, OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
        try withHandle { (repo) throws(GitError) -> T in
            var oid = commit.raw
            var object: OpaquePointer?
            try gitCheck("git_commit_lookup", git_commit_lookup(&object, repo, &oid))
            defer { git_commit_free(object) }
            var tree: OpaquePointer?
            try gitCheck("git_commit_tree", git_commit_tree(&tree, object))
            defer { git_tree_free(tree) }
            return try body(repo, tree!)
        }
    }

    /// This repository's own configuration file (git's "local" level) as a snapshot, for `body`;
    /// `nil` when there is none.
    private func withLocalConfig<T>(_ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T? {
        try withHandle { (repo) throws(GitError) -> T? in
            var config: OpaquePointer?
            try gitCheck("git_repository_config_snapshot", git_repository_config_snapshot(&config, repo))
            defer { git_config_free(config) }
            var local: OpaquePointer?
            let opened = git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL)
            if opened == GIT_ENOTFOUND.rawValue { return nil }
            try gitCheck("git_config_open_level", opened)
            defer { git_config_free(local) }
            return try body(local!)
        }
    }

    /// A value from this repository's own configuration file (`<common dir>/config`, git's
    /// "local" level) only: not the user's or the system's, which a gate setting must not come from.
    public func localConfigString(_ key: String) throws(GitError) -> String? {
        try withLocalConfig { (local) throws(GitError) -> String? in
            var value: UnsafePointer<CChar>?
            let result = git_config_get_string(&value, local, key)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try gitCheck("git_config_get_string", result)
            return value.map { String(cString: $0) }
        } ?? nil
    }

    /// Whether this repository's own configuration file pulls in others (`include.path`,
    /// `includeIf.*.path`): values read from it may then change without the file changing.
    /// - Throws: `GitError` when the configuration cannot be read.
    public func localConfigHasIncludes() throws(GitError) -> Bool {
        try withLocalConfig { (local) throws(GitError) -> Bool in
            var iterator: OpaquePointer?
            try gitCheck("git_config_iterator_glob_new", git_config_iterator_glob_new(&iterator, local, "^include(if\\..*)?\\.path$"))
            defer { git_config_iterator_free(iterator) }
            var entry: UnsafeMutablePointer<git_config_entry>?
            return git_config_next(&entry, iterator) == 0
        } ?? false
    }
}
