import Foundation
import GreenlightCore

/// A real git repository made with the git CLI in a scratch directory.
public final class ScratchRepository: @unchecked Sendable {
    public let scratch: ScratchDirectory
    public let url: URL

    /// `git init -b main` in a new scratch directory (or at `subpath` inside an existing one).
    public init(_ label: String = "repo", in scratch: ScratchDirectory? = nil, bare: Bool = false) throws {
        self.scratch = scratch ?? ScratchDirectory(label)
        url = self.scratch.path(label)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Command.check(["git", "init", "-q", "-b", "main"] + (bare ? ["--bare"] : []), in: url)
    }

    /// Wraps an existing clone.
    public init(existing url: URL, scratch: ScratchDirectory) {
        self.scratch = scratch
        self.url = url
    }

    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        try Command.check(["git"] + arguments, in: url).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func write(_ path: String, _ content: String, executable: Bool = false) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        if executable {
            try ExecutableFile.write(content, to: file)
        } else {
            try content.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    /// Stages everything and commits; returns the new commit's SHA.
    @discardableResult
    public func commitAll(_ message: String) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    public func open() throws -> Repository { try Repository.discover(from: url) }

    /// The note on `revision` as git itself shows it, `nil` when there is none.
    public func note(_ revision: String = "HEAD") throws -> String? {
        let result = try Command.run(["git", "notes", "--ref=greenlight", "show", revision], in: url)
        return result.status == 0 ? result.stdout : nil
    }
}
