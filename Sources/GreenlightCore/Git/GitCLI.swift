import Foundation

/// The git command line, for what libgit2 cannot do here: fetch and push over the network
/// with the user's own transport setup, and bundles. Never prompts: a hook has no terminal.
public struct GitCLI: Sendable {
    public let repository: Repository
    public let environment: [String: String]

    public init(repository: Repository, environment: [String: String]) {
        self.repository = repository
        self.environment = environment
    }

    public func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> CommandRunner.Result {
        var environment = self.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        if environment["GIT_SSH_COMMAND"] == nil, environment["GIT_SSH"] == nil {
            environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"
        }
        return try CommandRunner().run(["git"] + arguments, in: repository.workingDirectory ?? repository.gitDirectory,
                                       environment: environment, timeout: timeout)
    }

    /// The first line of what git said on stderr, for one-line warnings.
    public static func firstLine(_ result: CommandRunner.Result) -> String {
        if result.timedOut { return "timed out" }
        let text = result.stderr.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return text.map(String.init) ?? "git exited with status \(result.status)"
    }
}
