import CFastPath
import Foundation

/// Writes what `greenlight-fastpath` reads to answer a pre-push hook without starting this
/// binary, in the format defined once in `Sources/CFastPath/include/greenlight_fastpath.h`.
///
/// The gate definition is stamped with what it was decided from: the trusted ref (and every
/// ref consulted to find it), `.git/config` (where `greenlight.trustedRef` lives) and the
/// working tree's `.greenlight.yml` (used while the trusted ref has none; an edit of it also
/// sends the push to the full binary, which says which definition it uses).
///
/// Every decision is made here, in Swift, and written down already decided: the gate
/// definition for this worktree (stamped, as below, with state taken *before* it was read), per commit the tiers whose counting verdict (`VerdictRule`) is a pass
/// (stamped with the notes commit the verdicts were read at), and per remote that no notes
/// need pushing (stamped with the same). A stamp that no longer matches makes the fast path
/// hand the push to the full binary, so a stale or half-written cache can only cost time,
/// never pass a commit that the notes do not pass.
public struct FastPathCache: Sendable {
    public let repository: Repository
    public let notesRef: String

    public init(repository: Repository, notesRef: String = Repository.defaultNotesRef) {
        self.repository = repository
        self.notesRef = notesRef
    }

    /// The `config …` line for the working tree's `.greenlight.yml` and the `gitconfig …` line
    /// for `<common dir>/config` as they are now; `nil` when there is no working tree or either
    /// cannot be stat'ed. Take them *before* reading the configuration (and `greenlight.trustedRef`).
    public func statLines() -> [String]? {
        guard let root = repository.workingDirectory else { return nil }
        func line(_ prefix: UnsafePointer<CChar>, _ path: String) -> String? {
            var buffer = [CChar](repeating: 0, count: 256)
            guard gl_fastpath_stat_line(prefix, path, &buffer, buffer.count) >= 0 else { return nil }
            return String(cString: buffer)
        }
        guard let config = line(GL_FASTPATH_CONFIG, root.appendingPathComponent(String(cString: GL_FASTPATH_CONFIG_FILE)).path),
              let gitconfig = line(GL_FASTPATH_GITCONFIG, repository.commonDirectory.appendingPathComponent("config").path)
        else { return nil }
        return [config, gitconfig]
    }

    /// Everything a definition file is stamped with: the remote it was decided for, the stat lines
    /// (`statLines()`, taken first), and the state of every ref consulted to find the trusted ref.
    public func stamp(remote: String, statLines: [String], consulted: [(name: String, stamp: String)]) -> FastPathStamp? {
        guard let key = Self.remoteKey(remote) else { return nil }
        return FastPathStamp(lines: [String(cString: GL_FASTPATH_REMOTE) + key] + statLines
            + consulted.map { String(cString: GL_FASTPATH_REF) + "\($0.name) \($0.stamp)" })
    }

    /// `<git dir>/greenlight-fastpath`: per worktree, since each may have its own `.greenlight.yml`.
    var definitionFile: URL { repository.gitDirectory.appendingPathComponent(String(cString: GL_FASTPATH_DEFINITION_FILE)) }

    func commitFile(_ commit: ObjectID) -> URL {
        repository.commonDirectory.appendingPathComponent("\(String(cString: GL_FASTPATH_COMMITS_DIR))/\(commit.hex)")
    }

    func remoteFile(_ remote: String) -> URL? {
        guard let key = Self.remoteKey(remote) else { return nil }
        return repository.commonDirectory.appendingPathComponent("\(String(cString: GL_FASTPATH_REMOTES_DIR))/\(key)")
    }

    /// The remote's file name: the hex of its bytes, computed by the same C function the fast path uses.
    static func remoteKey(_ remote: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 2 * remote.utf8.count + 1)
        guard gl_fastpath_remote_key(remote, &buffer, buffer.count) >= 0 else { return nil }
        return String(cString: buffer)
    }

    private static var header: String { String(cString: GL_FASTPATH_HEADER) }

    /// Records the gate definition that `config` was loaded as, under the stamp taken before loading it.
    /// - Throws: `InternalError` when a digest cannot be computed; `FileError` when the file cannot be written.
    public func writeDefinition(_ config: GateConfig, stamp: FastPathStamp) throws {
        guard let root = repository.workingDirectory else { return }
        let path = root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
        var lines = [Self.header, String(cString: GL_FASTPATH_WORKTREE) + path] + stamp.lines
        for tier in Tier.allCases where config.definition(of: tier).isConfigured {
            lines.append(String(cString: GL_FASTPATH_REQUIRE) + "\(tier.rawValue) \(try config.definition(of: tier).digest())")
        }
        try Self.write(lines, to: definitionFile)
    }

    /// Records which tiers of `commit` have a counting pass, as the notes say at their current tip.
    /// A pass decided in the presence of a future-dated record is left out (the full binary decides).
    /// - Parameter records: the records on a commit that may count (`VerdictCache.countingRecords`:
    ///   with keys, only signed ones), read from the notes' current tip.
    /// - Throws: `GitError` when the notes cannot be read; `InternalError` for an uncomputable digest;
    ///   `FileError` when the file cannot be written; whatever `records` throws.
    public func writeCommit(_ commit: ObjectID, config: GateConfig, rule: VerdictRule = VerdictRule(),
                            records read: (ObjectID) throws -> [VerdictRecord]) throws {
        // The records and the tip they were read at must belong together: read the tip on both sides.
        for _ in 0..<5 {
            let before = try repository.referenceTarget(notesRef)
            let records = try read(commit)
            guard try repository.referenceTarget(notesRef) == before else { continue }
            var lines = [Self.header, String(cString: GL_FASTPATH_NOTES) + (before?.hex ?? String(cString: GL_FASTPATH_NO_NOTES))]
            for tier in Tier.allCases where config.definition(of: tier).isConfigured {
                let digest = try config.definition(of: tier).digest()
                // A future-dated record's weight changes as the clock moves on; the stamp cannot see
                // that, so a decision that involved one is never cached for the fast path.
                let decision = rule.decide(records, commit: commit, tier: tier, digest: digest)
                if decision.passed, decision.suspicious.isEmpty {
                    lines.append(String(cString: GL_FASTPATH_PASS) + "\(tier.rawValue) \(digest)")
                }
            }
            try Self.write(lines, to: commitFile(commit))
            return
        }
        // The notes kept moving: leave the file as it is; its old stamp no longer matches.
    }

    /// Records that `remote` needs no notes pushed while the notes ref stays at `notesTip`.
    /// - Throws: `FileError` when the file cannot be written.
    public func writeRemote(_ remote: String, notesTip: ObjectID?) throws {
        guard let file = remoteFile(remote) else { return }
        try Self.write([Self.header, String(cString: GL_FASTPATH_NOTES) + (notesTip?.hex ?? String(cString: GL_FASTPATH_NO_NOTES))], to: file)
    }

    /// Atomic (temporary file and rename), and skipped when the content is already there.
    private static func write(_ lines: [String], to file: URL) throws {
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        if let current = FileManager.default.contents(atPath: file.path), current == data { return }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
        } catch {
            throw FileError(path: file.path, reason: "cannot write the fast path's cache: \(error.localizedDescription)")
        }
    }
}

/// The lines a definition file is stamped with (see `FastPathCache.stamp`).
public struct FastPathStamp: Sendable, Equatable {
    public let lines: [String]

    /// The refs this stamp holds a state for.
    public var refNames: Set<String> {
        Set(lines.compactMap { line in
            line.hasPrefix(String(cString: GL_FASTPATH_REF)) ? line.dropFirst(String(cString: GL_FASTPATH_REF).count).split(separator: " ").first.map(String.init) : nil
        })
    }

    /// The same stamp, also accepting `ref` at `commit`: a state the caller knows gives the same
    /// definition (a push that moves the trusted branch to a commit with the same `.greenlight.yml`).
    public func allowing(_ ref: String, at commit: ObjectID) -> FastPathStamp {
        let line = String(cString: GL_FASTPATH_REF) + "\(ref) \(commit.hex)"
        return lines.contains(line) ? self : FastPathStamp(lines: lines + [line])
    }
}
