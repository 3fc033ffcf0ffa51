extension Repository {
    /// The remote `git push` uses for a branch (its short name; `nil` for the current one):
    /// `branch.<name>.pushRemote`, `remote.pushDefault`, `branch.<name>.remote`, else `origin`.
    public func pushRemote(forBranch name: String? = nil) throws(GitError) -> String {
        var branch = name
        if branch == nil, let current = try currentBranch() { branch = String(current.dropFirst("refs/heads/".count)) }
        if let branch, let remote = try configString("branch.\(branch).pushRemote") { return remote }
        if let remote = try configString("remote.pushDefault") { return remote }
        if let branch, let remote = try configString("branch.\(branch).remote") { return remote }
        return "origin"
    }

    /// The remote to fetch verdict notes from: the current branch's, else `origin` when it
    /// exists; `nil` for a repository without remotes.
    public func fetchRemote() throws(GitError) -> String? {
        if let branch = try currentBranch()?.dropFirst("refs/heads/".count),
           let remote = try configString("branch.\(branch).remote"), remote != "." {
            return remote
        }
        return try hasRemote("origin") ? "origin" : nil
    }
}
