import Foundation

/// `greenlight status`: the verdicts recorded for a commit, each marked current or stale
/// against the trusted gate definition (`GateDefinition`). Reads only.
public struct StatusUseCase: Sendable {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// A configuration that cannot be read (or a bare repository) is not an error here: the
    /// records are still shown, with a warning that current and stale cannot be told apart.
    /// - Throws: `GitError` for an unknown revision or unreadable notes.
    /// - Parameter environment: where this user's signing key is found (it is read, never created).
    public func run(revision: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StatusReport {
        let commit = try repository.resolve(revision)
        let entries = try VerdictStore(repository: repository).entries(for: commit.commit)
        var warnings = entries.warnings
        var config: GateConfig?
        var repositoryKeys = TrustedKeys()
        do {
            let definition = try GateDefinition.load(repository: repository)
            config = definition.config
            repositoryKeys = definition.trustedKeys
            if let notice = definition.notice { warnings.append(notice) }
        } catch {
            warnings.append("cannot tell current from stale: \(error)")
        }
        let ownKey = try? SigningKeyFile.at(nil, environment: environment).load()
        let keys = SignedVerdictCache.keys(repository: repositoryKeys, own: ownKey.map(VerdictSigner.init(key:)))
        let judged = AttestationCheck.judge(entries, keys: keys, commit: commit.commit, tree: commit.tree,
                                            podSpec: config.flatMap(PodSpecMatch.check(for:)))
        if !keys.isEmpty { warnings += judged.warnings }
        var report = try StatusReport(commit: commit, records: judged.records, trusting: !keys.isEmpty, warnings: warnings, config: config)
        report.running = GateRunStore(repository: repository).running()
        return report
    }
}
