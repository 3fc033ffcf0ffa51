import Foundation

/// A branch on a remote, asked over the network with the git CLI (ls-remote, push).
public struct RemoteBranch: Sendable {
    public let git: GitCLI
    public let remote: String

    public struct NotPushed: Error, CustomStringConvertible, LocalizedError, Sendable {
        public let message: String
        public var description: String { message }
        public var errorDescription: String? { message }
    }

    public init(git: GitCLI, remote: String) {
        self.git = git
        self.remote = remote
    }

    /// The commit `refs/heads/<branch>` points at on the remote, `nil` when it has no such branch.
    /// - Throws: `NotPushed` when the remote cannot be asked.
    public func commit(of branch: String) async throws -> ObjectID? {
        let result = try await git.run(["ls-remote", "--heads", remote, "refs/heads/\(branch)"])
        guard result.succeeded else {
            throw NotPushed(message: "cannot ask \(remote) for \(branch) (git ls-remote): \(result.firstErrorLine)")
        }
        let line = result.stdout.split(separator: "\n").first { $0.hasSuffix("\trefs/heads/\(branch)") }
        return line.flatMap { ObjectID(hex: String($0.prefix(40))) }
    }

    /// `git push <remote> <branch>`: the pre-push hook gates it (from the cache, normally).
    /// Returns what git printed on stderr (its progress and the hook's report), for the caller to show.
    @discardableResult
    public func push(branch: String) async throws -> String {
        let result = try await git.run(["push", remote, "refs/heads/\(branch):refs/heads/\(branch)"], timeout: 3600)
        guard result.succeeded else {
            throw NotPushed(message: "git push \(remote) \(branch) failed (exit \(result.result.exitCode)):\n\(result.stderr)")
        }
        return result.stderr
    }
}
