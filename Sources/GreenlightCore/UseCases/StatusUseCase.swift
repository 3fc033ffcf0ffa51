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
    public func run(revision: String) throws -> StatusReport {
        let commit = try repository.resolve(revision)
        let found = try VerdictStore(repository: repository).records(for: commit.commit)
        var warnings = found.warnings
        var config: GateConfig?
        do {
            let definition = try GateDefinition.load(repository: repository)
            config = definition.config
            if let notice = definition.notice { warnings.append(notice) }
        } catch {
            warnings.append("cannot tell current from stale: \(error)")
        }
        return try StatusReport(commit: commit, records: found.records, warnings: warnings, config: config)
    }
}
