import Foundation

/// A branch on a remote, asked over the network with the git CLI (ls-remote, push).
public struct RemoteBranch: Sendable {
    public let repository: Repository
    public let remote: String
    public let environment: [String: String]

    public struct NotPushed: Error, CustomStringConvertible, LocalizedError, Sendable {
        public let message: String
        public var description: String { message }
        public var errorDescription: String? { message }
    }

    public init(repository: Repository, remote: String, environment: [String: String]) {
        self.repository = repository
        self.remote = remote
        self.environment = environment
    }

    /// The commit `refs/heads/<branch>` points at on the remote, `nil` when it has no such branch.
    public func commit(of branch: String) throws -> ObjectID? {
        let result = try git(["ls-remote", "--heads", remote, "refs/heads/\(branch)"])
        guard result.succeeded else {
            throw NotPushed(message: "cannot ask \(remote) for \(branch) (git ls-remote): \(GitCLI.firstLine(result))")
        }
        let line = result.stdout.split(separator: "\n").first { $0.hasSuffix("\trefs/heads/\(branch)") }
        return line.flatMap { ObjectID(hex: String($0.prefix(40))) }
    }

    /// Makes sure the remote's `branch` points at `commit`: pushes it when asked to,
    /// otherwise says how to. A PR for a commit the remote does not have would propose something else.
    public func ensure(_ commit: ObjectID, isOn branch: String, pushIfMissing: Bool) throws {
        if try self.commit(of: branch) == commit { return }
        guard pushIfMissing else {
            throw NotPushed(message: """
                \(remote) does not have \(commit.short()) on \(branch) yet, so the PR would not propose this commit.
                Push it first: greenlight push \(remote) \(branch)   (or add --push and greenlight pushes it)
                """)
        }
        try push(branch: branch)
        guard try self.commit(of: branch) == commit else {
            throw NotPushed(message: "pushed \(branch) to \(remote), but \(remote) still does not show \(commit.short()) on it")
        }
    }

    /// `git push <remote> <branch>`: the pre-push hook gates it (from the cache, normally).
    public func push(branch: String) throws {
        let result = try git(["push", remote, "refs/heads/\(branch):refs/heads/\(branch)"], timeout: 3600)
        FileHandle.standardError.write(Data(result.stderr.utf8))
        guard result.succeeded else { throw NotPushed(message: "git push \(remote) \(branch) failed (exit \(result.status))") }
    }

    private func git(_ arguments: [String], timeout: TimeInterval = 60) throws -> CommandRunner.Result {
        try GitCLI(repository: repository, environment: environment).run(arguments, timeout: timeout)
    }
}
