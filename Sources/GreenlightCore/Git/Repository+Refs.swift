import CLibGit2
import Foundation

extension Repository {
    /// The full name of the branch HEAD is on (`refs/heads/main`), `nil` when detached.
    public func currentBranch() throws(GitError) -> String? {
        try withHandle { (repo) throws(GitError) -> String? in
            if git_repository_head_detached(repo) == 1 { return nil }
            var reference: OpaquePointer?
            let result = git_repository_head(&reference, repo)
            if result == GIT_EUNBORNBRANCH.rawValue {
                // An unborn branch still has a name: HEAD's symbolic target.
                var head: OpaquePointer?
                try gitCheck("git_reference_lookup", git_reference_lookup(&head, repo, "HEAD"))
                defer { git_reference_free(head) }
                return git_reference_symbolic_target(head).map { String(cString: $0) }
            }
            try gitCheck("git_repository_head", result)
            defer { git_reference_free(reference) }
            return String(cString: git_reference_name(reference))
        }
    }

    /// Expands a short name the way git does (`main` → `refs/heads/main`, `v1` → `refs/tags/v1`);
    /// `nil` when no reference has that name.
    public func fullReferenceName(_ shortName: String) throws(GitError) -> String? {
        try withHandle { (repo) throws(GitError) -> String? in
            var reference: OpaquePointer?
            let result = git_reference_dwim(&reference, repo, shortName)
            if result == GIT_ENOTFOUND.rawValue || result == GIT_EINVALIDSPEC.rawValue { return nil }
            try gitCheck("git_reference_dwim", result)
            defer { git_reference_free(reference) }
            return String(cString: git_reference_name(reference))
        }
    }

    /// Every reference whose full name matches `glob` (`refs/heads/*`), with the commit it points at.
    public func references(matching glob: String) throws(GitError) -> [(name: String, commit: ObjectID)] {
        try withHandle { (repo) throws(GitError) -> [(name: String, commit: ObjectID)] in
            var iterator: OpaquePointer?
            try gitCheck("git_reference_iterator_glob_new", git_reference_iterator_glob_new(&iterator, repo, glob))
            defer { git_reference_iterator_free(iterator) }
            var found: [(name: String, commit: ObjectID)] = []
            while true {
                var reference: OpaquePointer?
                let next = git_reference_next(&reference, iterator)
                if next == GIT_ITEROVER.rawValue { break }
                try gitCheck("git_reference_next", next)
                defer { git_reference_free(reference) }
                var peeled: OpaquePointer?
                guard git_reference_peel(&peeled, reference, GIT_OBJECT_COMMIT) == 0 else { continue }
                defer { git_object_free(peeled) }
                found.append((String(cString: git_reference_name(reference)), ObjectID(git_object_id(peeled).pointee)))
            }
            return found.sorted { $0.name < $1.name }
        }
    }

    /// Whether a remote of this name is configured.
    public func hasRemote(_ name: String) throws(GitError) -> Bool {
        try configString("remote.\(name).url") != nil
    }

    /// The names of the configured remotes (`git remote`).
    public func remoteNames() throws(GitError) -> [String] {
        try withHandle { (repo) throws(GitError) -> [String] in
            var names = git_strarray()
            try gitCheck("git_remote_list", git_remote_list(&names, repo))
            defer { git_strarray_dispose(&names) }
            return (0..<names.count).compactMap { names.strings[$0].map { String(cString: $0) } }
        }
    }
}
