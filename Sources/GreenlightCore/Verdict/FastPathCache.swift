import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What `greenlight-fastpath` reads to answer a pre-push hook without starting this binary:
/// the gate definition as last loaded (valid while `.greenlight.yml`'s stat is unchanged),
/// and, per commit, the tiers that have a recorded pass. A cache of the notes, never the
/// truth: the fast path only says "pass" for what is written here, and hands anything
/// else to the full binary.
public struct FastPathCache: Sendable {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// `<git dir>/greenlight-fastpath`: per worktree, since each may have its own `.greenlight.yml`.
    var definitionFile: URL { repository.gitDirectory.appendingPathComponent("greenlight-fastpath") }

    func verdictFile(_ commit: ObjectID) -> URL {
        repository.commonDirectory.appendingPathComponent("greenlight/fastpath/\(commit.hex)")
    }

    /// Records the gate definition just loaded from `.greenlight.yml`.
    public func recordDefinition(_ config: GateConfig) {
        guard let root = repository.workingDirectory else { return }
        let configPath = root.appendingPathComponent(GateConfig.fileName).path
        var info = stat()
        guard stat(configPath, &info) == 0 else { return }
        var lines = [
            "greenlight-fastpath 1",
            "worktree \(root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path)",
            "stat \(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec)",
            "sync \(config.notesSync ? 1 : 0)",
        ]
        lines += config.prePushRefs.map { "ref \($0)" }
        for tier in Tier.allCases where config.definition(of: tier).isConfigured {
            lines.append("tier \(tier.rawValue) \(config.definition(of: tier).digest)")
        }
        Self.write(lines.joined(separator: "\n") + "\n", to: definitionFile)
    }

    /// Notes that `commit` has a pass for `tier` under `digest`.
    public func recordPass(commit: ObjectID, tier: Tier, digest: String) {
        let file = verdictFile(commit)
        let line = "\(tier.rawValue) \(digest)"
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        if existing.split(separator: "\n").contains(Substring(line)) { return }
        Self.write(existing + line + "\n", to: file)
    }

    /// A newer `fail` outranks an older pass (the newest cached verdict wins), so the fast path must not answer for it.
    public func forgetPass(commit: ObjectID, tier: Tier, digest: String) {
        let file = verdictFile(commit)
        guard let existing = try? String(contentsOf: file, encoding: .utf8) else { return }
        let kept = existing.split(separator: "\n").filter { $0 != Substring("\(tier.rawValue) \(digest)") }
        Self.write(kept.map { $0 + "\n" }.joined(), to: file)
    }

    /// Atomic (temporary file and rename) and only when the content changed; failures are ignored.
    private static func write(_ text: String, to file: URL) {
        if let current = try? String(contentsOf: file, encoding: .utf8), current == text { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: file, options: .atomic)
    }
}
