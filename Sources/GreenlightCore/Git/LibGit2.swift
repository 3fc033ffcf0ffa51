import CLibGit2

/// libgit2's global state, initialised once and only by code that opens a repository.
enum LibGit2 {
    /// `git_libgit2_init()` runs the first time this is read; Swift guarantees `static let` runs once.
    private static let initialised: Int32 = git_libgit2_init()

    static func ensureInitialised() {
        _ = initialised
    }
}
