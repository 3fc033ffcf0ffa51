import CLibGit2

extension Repository {
    /// Whether `commit` is one of `tips` or an ancestor of one (libgit2's
    /// `git_graph_descendant_of`): the remote these tips came from already has it.
    /// - Throws: `GitError` naming the libgit2 call when the history cannot be walked.
    public func isReachable(_ commit: ObjectID, fromAnyOf tips: [ObjectID]) throws(GitError) -> Bool {
        if tips.contains(commit) { return true }
        return try withHandle { (repo) throws(GitError) -> Bool in
            var ancestor = commit.raw
            for tip in tips {
                var descendant = tip.raw
                let result = git_graph_descendant_of(repo, &descendant, &ancestor)
                if result == 1 { return true }
                if result < 0 { _ = try gitCheck("git_graph_descendant_of", result) }
            }
            return false
        }
    }

    /// The first parent of `commit`; `nil` for a root commit.
    /// - Throws: `GitError` when the commit cannot be read.
    public func firstParent(of commit: ObjectID) throws(GitError) -> ObjectID? {
        try withHandle { (repo) throws(GitError) -> ObjectID? in
            var oid = commit.raw
            var object: OpaquePointer?
            try gitCheck("git_commit_lookup", git_commit_lookup(&object, repo, &oid))
            defer { git_commit_free(object) }
            guard git_commit_parentcount(object) > 0, let parent = git_commit_parent_id(object, 0) else { return nil }
            return ObjectID(parent.pointee)
        }
    }

    /// The best common ancestor of two commits (libgit2's `git_merge_base`, as `git merge-base`);
    /// `nil` when they share no history.
    /// - Throws: `GitError` naming the libgit2 call when the history cannot be walked.
    public func mergeBase(_ one: ObjectID, _ other: ObjectID) throws(GitError) -> ObjectID? {
        try withHandle { (repo) throws(GitError) -> ObjectID? in
            var base = git_oid()
            var first = one.raw
            var second = other.raw
            let result = git_merge_base(&base, repo, &first, &second)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try gitCheck("git_merge_base", result)
            return ObjectID(base)
        }
    }
}
