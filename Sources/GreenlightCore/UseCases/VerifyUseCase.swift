import Foundation

/// `greenlight verify`: for CI and review bots. Fetches the remote's verdict notes, then
/// asks whether the commit has a counting `pass`, signed by a trusted key, for every configured
/// tier (`Verification`). Runs no checks.
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
    ///   - trustedRef: the ref whose `.greenlight.yml` is the gate (`TrustedRef`); `nil` to resolve
    ///     it as pushes do. A repository with remotes but no such ref is an error; one without
    ///     any remote is verified against the commit's own definition, with a warning. A commit
    ///     already on the trusted ref's history is judged by its first parent's definition (a
    ///     commit is never its own gate).
    ///   - trust: trusted-keys files added to the `.greenlight/trusted-keys` read with the definition.
    ///   - repositoryKeys: `false` to trust only `trust` (keys pinned outside the repository, which
    ///     no push to the trusted branch can change).
    ///   - require: see `Verification`.
    /// - Throws: `ConfigError` (no trusted ref, an unreadable definition or trusted-keys file),
    ///   `GitError`, `InternalError`.
    public func run(revision: String, remote: String?, fetch: Bool, trustedRef: String? = nil,
                    trust: [String] = [], repositoryKeys: Bool = true, require: SignatureRequirement? = nil) async throws -> Result {
        let commit = try repository.resolve(revision)
        var warnings: [String] = []
        let fetchRemote = try remote ?? repository.fetchRemote()
        if fetch {
            if let fetchRemote {
                let git = GitCLI(repository: repository, environment: environment, runner: runner)
                warnings = try await NotesSync(git: git, remote: fetchRemote).fetchAndMerge()
            } else {
                warnings = ["no remote to fetch verdict notes from (the branch has none and there is no origin); using the local notes"]
            }
        }
        let own = CommitFiles(repository: repository, commit: commit.commit, label: commit.commit.short())
        var ownConfig = try? ConfigLoader().load(from: own)
        let resolution = try TrustedRef.resolve(in: repository, remote: fetchRemote, explicit: trustedRef)
        var gateCommit = resolution.ref
        if let trusted = resolution.ref {
            if try repository.isReachable(commit.commit, fromAnyOf: [trusted.commit]) {
                // Already on the trusted branch (CI after a merge, or a push straight to it): a
                // commit is never its own gate. It is judged by its first parent's definition.
                if let parent = try repository.firstParent(of: commit.commit) {
                    gateCommit = TrustedRef(name: "\(commit.commit.short())^ (on \(trusted.name))", commit: parent)
                } else {
                    gateCommit = nil
                }
            } else if try !repository.isReachable(trusted.commit, fromAnyOf: [commit.commit]) {
                // Only a commit built on the trusted gate can have changed it; an older one is merely stale.
                ownConfig = nil
            }
        }
        let config: GateConfig
        // The trusted keys are read from the same commit as the definition.
        var keys: TrustedKeys
        if resolution.ref != nil, gateCommit == nil {
            warnings.append("\(commit.commit.short()) is the first commit of the trusted branch; verifying against its own \(GateConfig.fileName)")
            config = try ConfigLoader().load(from: own)
            keys = try TrustedKeys.read(from: own)
        } else if let trusted = gateCommit {
            let files = CommitFiles(repository: repository, commit: trusted.commit, label: trusted.name)
            if let bytes = try files.read(GateConfig.fileName) {
                config = try ConfigLoader().parse(bytes, files: files)
                keys = try TrustedKeys.read(from: files)
            } else {
                warnings.append("\(trusted.name) has no \(GateConfig.fileName) yet; verifying against the commit's own")
                config = try ConfigLoader().load(from: own)
                keys = try TrustedKeys.read(from: own)
            }
        } else if try repository.remoteNames().isEmpty {
            warnings.append("no remote, so no trusted gate definition; verifying against the commit's own \(GateConfig.fileName) (in CI, pass --trusted-ref)")
            config = try ConfigLoader().load(from: own)
            keys = try TrustedKeys.read(from: own)
        } else {
            throw ConfigError(file: "greenlight verify", line: nil, column: nil, key: "--trusted-ref",
                              message: "cannot find the trusted gate definition: \(resolution.sought) does not exist; "
                                  + "fetch the default branch (for example `git fetch origin main`) or pass --trusted-ref REF")
        }
        if !repositoryKeys { keys = TrustedKeys() }
        for file in trust { keys = keys.merging(try TrustedKeys.read(file: file)) }
        let entries = try VerdictStore(repository: repository).entries(for: commit.commit)
        let verification = try Verification(commit: commit, config: config, own: ownConfig, entries: entries, keys: keys, require: require,
                                            podSpec: PodSpecMatch.check(for: config))
        return Result(verification: verification, warnings: warnings)
    }
}
