import Foundation
import GreenlightCore

/// Runs a real program for a test fixture and returns what it printed.
public enum Command {
    public struct Failed: Error, CustomStringConvertible {
        public let command: [String]
        public let status: Int32
        public let output: String
        public var description: String { "\(command.joined(separator: " ")) exited \(status): \(output)" }
    }

    public typealias Result = FixtureProcess.Result

    /// Runs and returns status and both streams, whatever the status.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = TestEnvironment.base,
                           stdin: String? = nil) throws -> Result {
        try FixtureProcess().run(arguments, in: directory, environment: environment, stdin: stdin, timeout: 600)
    }

    /// Runs and returns stdout, throwing when the status is not 0.
    @discardableResult
    public static func check(_ arguments: [String], in directory: URL, environment: [String: String] = TestEnvironment.base) throws -> String {
        let result = try run(arguments, in: directory, environment: environment)
        guard result.status == 0 else { throw Failed(command: arguments, status: result.status, output: result.stdout + result.stderr) }
        return result.stdout
    }
}

/// The environment fixtures and the binary run with: no user git config, a fixed identity.
public enum TestEnvironment {
    public static var base: [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        return [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": NSTemporaryDirectory(),
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_AUTHOR_NAME": "Test Author",
            "GIT_AUTHOR_EMAIL": "author@example.com",
            "GIT_COMMITTER_NAME": "Test Committer",
            "GIT_COMMITTER_EMAIL": "committer@example.com",
        ]
    }
}

extension Gate {
    /// `check` for a revision, resolved here: what `greenlight check REV` does.
    public func check(revision: String = "HEAD", tiers: TierSelection = .all, useCache: Bool = true,
                      keep: Bool = false) async throws -> GateResult {
        let commit = try context.tiers.repository.resolve(revision)
        return try await check(CheckOptions(commit: commit, tiers: tiers, useCache: useCache, keep: keep))
    }
}
