import Foundation

/// The git command line, for what libgit2 cannot do here: fetch and push over the network
/// with the user's own transport setup, bundles, and fast checkouts. Never prompts (a hook
/// has no terminal), runs with `LC_ALL=C`, and starts git through the one launcher, so a
/// signal that stops greenlight stops git too. Callers decide from exit codes.
public struct GitCLI: Sendable {
    public let repository: Repository
    public let environment: [String: String]
    public let runner: ProcessRunner

    public init(repository: Repository, environment: [String: String], runner: ProcessRunner) {
        self.repository = repository
        self.environment = environment
        self.runner = runner
    }

    /// Runs `git <arguments>` in the working tree (the git directory when bare), killing it
    /// after `timeout` seconds. - Throws: `SystemProcessLauncher.SpawnError` when git cannot start.
    public func run(_ arguments: [String], timeout: TimeInterval = 60) async throws -> CapturedProcess {
        try await run(arguments, in: repository.workingDirectory ?? repository.gitDirectory, timeout: timeout)
    }

    /// Runs `git <arguments>` in `directory`.
    public func run(_ arguments: [String], in directory: URL, timeout: TimeInterval) async throws -> CapturedProcess {
        try await runner.capture(ProcessSpec(executable: "git", arguments: arguments, directory: directory,
                                             environment: Self.batchEnvironment(environment), timeout: timeout))
    }

    /// `environment` made safe for git without a terminal: no prompts, SSH in batch mode,
    /// messages in the C locale.
    public static func batchEnvironment(_ environment: [String: String]) -> [String: String] {
        var environment = environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        if environment["GIT_SSH_COMMAND"] == nil, environment["GIT_SSH"] == nil {
            environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"
        }
        return environment
    }
}
