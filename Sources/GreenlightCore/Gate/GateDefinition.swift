import Foundation

/// The gate definition a command runs under, and where it came from.
///
/// For `trusted` (every push, pull request and the default `check`), `.greenlight.yml` and
/// the files it names are read from the trusted ref's commit (`TrustedRef`), never from the
/// working tree, so neither an uncommitted nor a committed edit by the coder weakens the gate.
/// While the trusted ref has no `.greenlight.yml` (the commit that adds it), or when the
/// repository has no remote at all, the working tree's file is used and records say
/// `"definition":"worktree"`. `worktree` (`check --config worktree`) reads the working tree's
/// file: its verdicts carry that file's digest, so they never satisfy a different trusted gate.
public struct GateDefinition: Sendable {
    public let config: GateConfig
    /// Which file it is, as records say.
    public let source: DefinitionSource
    /// The trusted ref it was read from (`refs/remotes/origin/main`), when it was.
    public let trustedRef: String?
    /// One line for the user when the choice is worth knowing (the working tree's file differs
    /// from the trusted one, or there is no trusted definition); `nil` otherwise.
    public let notice: String?
    /// What the fast path's definition file is stamped with; `nil` when it must not be written
    /// (`--config worktree`, a bare repository).
    public let fastPathStamp: FastPathStamp?
    /// The bytes of the `.greenlight.yml` it was read from.
    public var bytes: Data? = nil
    /// The `.greenlight/trusted-keys` at the trusted ref; none without one (the working tree's
    /// file is never read: a coder's own key is trusted locally anyway, and nothing else should be).
    public var trustedKeys = TrustedKeys()

    /// Loads the definition for pushes to `remote` (`nil`: the current branch's push remote).
    /// Writes nothing.
    /// - Throws: `ConfigError` (file, line, key; a `greenlight.trustedRef` that names no ref; a bad
    ///   `.greenlight/trusted-keys` line),
    ///   `GitError` when refs or objects cannot be read.
    public static func load(repository: Repository, choice: DefinitionSource = .trusted, remote: String? = nil) throws -> GateDefinition {
        guard let root = repository.workingDirectory else {
            throw ConfigError(file: repository.gitDirectory.path, line: nil, column: nil, key: "",
                              message: "a bare repository has no .greenlight.yml; run greenlight in a working tree")
        }
        let worktree = WorkingTreeFiles(root: root)
        func fromWorktree(notice: String?, trustedRef: String?, stamp: FastPathStamp?, keys: TrustedKeys = TrustedKeys()) throws -> GateDefinition {
            let bytes = try worktree.read(GateConfig.fileName)
            var definition = GateDefinition(config: try ConfigLoader().load(from: worktree), source: .worktree, trustedRef: trustedRef,
                                            notice: notice, fastPathStamp: stamp)
            definition.bytes = bytes
            definition.trustedKeys = keys
            return definition
        }
        if choice == .worktree { return try fromWorktree(notice: nil, trustedRef: nil, stamp: nil) }
        // Stamp first, read second: a change after the stamp makes the stamp stale, never the reverse.
        let fastPath = FastPathCache(repository: repository)
        let statLines = fastPath.statLines()
        let resolution = try TrustedRef.resolve(in: repository, remote: remote)
        let pushRemote = try remote ?? repository.pushRemote()
        // An included config file could change greenlight.trustedRef behind .git/config's stat:
        // then the fast path is never told the definition, and every push takes this binary.
        let stamp = try repository.localConfigHasIncludes() ? nil
            : statLines.flatMap { fastPath.stamp(remote: pushRemote, statLines: $0, consulted: resolution.consulted) }

        guard let trusted = resolution.ref else {
            let hasRemotes = !(try repository.remoteNames().isEmpty)
            let notice = hasRemotes
                ? "no trusted gate definition: \(resolution.sought) does not exist; using the working tree's \(GateConfig.fileName) "
                    + "(fetch the default branch, `git remote set-head \(pushRemote) --auto`, or `git config \(TrustedRef.configKey) <ref>`)"
                : nil
            return try fromWorktree(notice: notice, trustedRef: nil, stamp: stamp)
        }
        let files = CommitFiles(repository: repository, commit: trusted.commit, label: trusted.name)
        let keys = try TrustedKeys.read(from: files)
        guard let trustedBytes = try files.read(GateConfig.fileName) else {
            return try fromWorktree(notice: "\(trusted.name) has no \(GateConfig.fileName) yet; using the working tree's (recorded as \"definition\":\"worktree\")",
                                    trustedRef: trusted.name, stamp: stamp, keys: keys)
        }
        let config = try ConfigLoader().parse(trustedBytes, files: files)
        let worktreeBytes = try? worktree.read(GateConfig.fileName)
        var notice: String?
        if worktreeBytes != trustedBytes {
            let what = worktreeBytes == nil ? "the working tree's \(GateConfig.fileName) is missing or unreadable"
                : "\(GateConfig.fileName) in the working tree differs from the trusted one"
            notice = "\(what); using the gate at \(trusted.name) (\(trusted.commit.short())); "
                + "try yours with `greenlight check --config worktree` (its verdicts count only for its own definition)"
        }
        var definition = GateDefinition(config: config, source: .trusted, trustedRef: trusted.name, notice: notice, fastPathStamp: stamp)
        definition.bytes = trustedBytes
        definition.trustedKeys = keys
        return definition
    }
}
