import Foundation

/// `greenlight verify`: for CI and review bots. Fetches the remote's verdict notes, then
/// asks whether the commit has a counting `pass` for every configured tier. Runs no checks.
public struct VerifyUseCase: Sendable {
    public let repository: Repository
    public let runner: ProcessRunner
    public let environment: [String: String]

    public init(repository: Repository, runner: ProcessRunner, environment: [String: String]) {
        self.repository = repository
        self.runner = runner
        self.environment = environment
    }

    public struct Result: Sendable {
        public var verification: Verification
        /// Fetch problems (offline remote): the local notes were used.
        public var warnings: [String]
    }

    /// - Parameters:
    ///   - remote: where to fetch notes from; `nil` for the current branch's remote (or origin).
    ///   - fetch: `false` to use the local notes only.
    /// - Throws: `FileError` in a bare repository, `ConfigError`, `GitError`, `InternalError`.
    public func run(revision: String, remote: String?, fetch: Bool) async throws -> Result {
        guard let root = repository.workingDirectory else {
            throw FileError(path: repository.gitDirectory.path, reason: "a bare repository has no .greenlight.yml")
        }
        let config = try ConfigLoader().load(fromRoot: root)
        let commit = try repository.resolve(revision)
        var warnings: [String] = []
        if fetch {
            if let remote = try remote ?? repository.fetchRemote() {
                let git = GitCLI(repository: repository, environment: environment, runner: runner)
                warnings = try await NotesSync(git: git, remote: remote).fetchAndMerge()
            } else {
                warnings = ["no remote to fetch verdict notes from (the branch has none and there is no origin); using the local notes"]
            }
        }
        let verification = try Verification(commit: commit, config: config, store: VerdictStore(repository: repository))
        return Result(verification: verification, warnings: warnings)
    }
}
