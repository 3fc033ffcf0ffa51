import CLibGit2
import Foundation

/// An open git repository. Owns its libgit2 handle and frees it exactly once.
///
/// libgit2 handles are not safe for concurrent use, so every call goes through
/// `withHandle`, which serialises access; that is what makes the class `Sendable`.
public final class Repository: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = NSLock()

    /// The working tree (with a trailing slash removed), `nil` for a bare repository.
    public let workingDirectory: URL?
    /// The repository's own git directory (`.git`, or `.git/worktrees/<name>` for a linked worktree).
    public let gitDirectory: URL
    /// The git directory shared by all worktrees: objects, refs, notes, hooks and greenlight's logs live here.
    public let commonDirectory: URL

    private init(handle: OpaquePointer) {
        self.handle = handle
        workingDirectory = git_repository_workdir(handle).map { URL(fileURLWithPath: String(cString: $0), isDirectory: true).standardizedFileURL }
        gitDirectory = URL(fileURLWithPath: String(cString: git_repository_path(handle)), isDirectory: true).standardizedFileURL
        commonDirectory = URL(fileURLWithPath: String(cString: git_repository_commondir(handle)), isDirectory: true).standardizedFileURL
    }

    deinit {
        git_repository_free(handle)
    }

    /// Finds the repository that contains `path` (any subdirectory of a working tree, or a linked worktree).
    /// With `honourGitEnvironment`, `GIT_DIR` and friends win, as they do for git (hooks may run with them set).
    public static func discover(from path: URL, honourGitEnvironment: Bool = false) throws(GitError) -> Repository {
        LibGit2.ensureInitialised()
        var handle: OpaquePointer?
        let flags = honourGitEnvironment ? GIT_REPOSITORY_OPEN_FROM_ENV.rawValue : 0
        let result = git_repository_open_ext(&handle, honourGitEnvironment ? nil : path.path, flags, nil)
        if result < 0 {
            if result == GIT_ENOTFOUND.rawValue {
                throw GitError(call: "git_repository_open_ext", code: result,
                               message: "not a git repository (or any parent up to /): \(path.path)")
            }
            throw GitError.last(call: "git_repository_open_ext", code: result)
        }
        return Repository(handle: handle!)
    }

    /// Opens exactly the repository at `path` without searching parents.
    public static func open(at path: URL) throws(GitError) -> Repository {
        LibGit2.ensureInitialised()
        var handle: OpaquePointer?
        try gitCheck("git_repository_open", git_repository_open(&handle, path.path))
        return Repository(handle: handle!)
    }

    /// Serialised access to the raw handle; the pointer must not escape the closure.
    func withHandle<T>(_ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(handle)
    }

    /// Resolves a revision (`HEAD`, a branch, a tag, a short SHA, `HEAD~2`, ...) to a commit and its tree.
    public func resolve(_ revision: String) throws(GitError) -> ResolvedCommit {
        try withHandle { (repo) throws(GitError) -> ResolvedCommit in
            var object: OpaquePointer?
            let found = git_revparse_single(&object, repo, revision)
            if found < 0 {
                let underlying = GitError.last(call: "git_revparse_single", code: found)
                throw GitError(call: "git_revparse_single", code: found,
                               message: "cannot resolve revision '\(revision)': \(underlying.message)")
            }
            defer { git_object_free(object) }
            var commit: OpaquePointer?
            let peeled = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
            if peeled < 0 {
                throw GitError(call: "git_object_peel", code: peeled, message: "revision '\(revision)' does not name a commit")
            }
            defer { git_commit_free(commit) }
            return ResolvedCommit(commit: ObjectID(git_commit_id(commit).pointee),
                                  tree: ObjectID(git_commit_tree_id(commit).pointee))
        }
    }

    /// The commit HEAD points at, `nil` on an unborn branch.
    public func headCommit() throws(GitError) -> ObjectID? {
        try withHandle { (repo) throws(GitError) -> ObjectID? in
            var reference: OpaquePointer?
            let result = git_repository_head(&reference, repo)
            if result == GIT_EUNBORNBRANCH.rawValue || result == GIT_ENOTFOUND.rawValue { return nil }
            try gitCheck("git_repository_head", result)
            defer { git_reference_free(reference) }
            var peeled: OpaquePointer?
            try gitCheck("git_reference_peel", git_reference_peel(&peeled, reference, GIT_OBJECT_COMMIT))
            defer { git_object_free(peeled) }
            return ObjectID(git_object_id(peeled).pointee)
        }
    }

    /// Whether the working tree may differ from HEAD's content: a tracked file modified or
    /// staged, an index entry that hides its file (assume-unchanged, skip-worktree,
    /// intent-to-add, conflict), a submodule not at its gitlink or modified inside.
    /// Untracked and ignored files do not count: they are not part of any commit.
    /// `trackedChangeReason()` says which.
    public func hasTrackedChanges() throws(GitError) -> Bool {
        try trackedChangeReason() != nil
    }

    /// Reads a configuration value (`core.hooksPath`, ...) with git's usual precedence; `nil` when unset.
    public func configString(_ key: String) throws(GitError) -> String? {
        try withHandle { (repo) throws(GitError) -> String? in
            var config: OpaquePointer?
            try gitCheck("git_repository_config_snapshot", git_repository_config_snapshot(&config, repo))
            defer { git_config_free(config) }
            var value: UnsafePointer<CChar>?
            let result = git_config_get_string(&value, config, key)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try gitCheck("git_config_get_string", result)
            return value.map { String(cString: $0) }
        }
    }
}
