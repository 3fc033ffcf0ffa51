import Foundation

/// What a pull request would propose: a branch, the commit at its tip, and the remote it lives on.
public struct PullRequestTarget: Sendable, Equatable {
    public let branchRef: String
    public let branch: String
    public let commit: ObjectID
    public let remote: String

    public struct DetachedHead: Error, CustomStringConvertible, LocalizedError, Sendable {
        public var description: String { "HEAD is not on a branch; check out the PR's branch or pass --head <branch>" }
        public var errorDescription: String? { description }
    }

    /// `--head <branch>` when given, else the current branch.
    public static func resolve(headBranch: String?, in repository: Repository) throws -> PullRequestTarget {
        let branchRef: String
        if let headBranch {
            branchRef = "refs/heads/\(headBranch)"
        } else if let current = try repository.currentBranch() {
            branchRef = current
        } else {
            throw DetachedHead()
        }
        let branch = String(branchRef.dropFirst("refs/heads/".count))
        return PullRequestTarget(branchRef: branchRef, branch: branch, commit: try repository.resolve(branchRef).commit,
                                 remote: try repository.pushRemote(forBranch: branch))
    }
}
