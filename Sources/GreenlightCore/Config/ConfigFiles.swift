import Foundation

/// Where `.greenlight.yml` and the files it names (`pod_template`) are read from: the working
/// tree, or a commit's tree (the trusted ref's, so that a coder's uncommitted or committed edit
/// cannot change the gate).
public protocol ConfigFiles: Sendable {
    /// The bytes of `path` (relative to the repository root); `nil` when there is no such file.
    /// - Throws: `ConfigError` naming the file when it exists but cannot be read as a file.
    func read(_ path: String) throws(ConfigError) -> Data?
    /// How `path` is named in messages: a filesystem path, or `<ref>:<path>`.
    func name(_ path: String) -> String
}

/// Files of a working tree on disk.
public struct WorkingTreeFiles: ConfigFiles {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func read(_ path: String) throws(ConfigError) -> Data? {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue else {
            throw ConfigError(file: url.path, line: nil, column: nil, key: "", message: "is a directory, not a file")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigError(file: url.path, line: nil, column: nil, key: "", message: "cannot be read (permissions?)")
        }
        return data
    }

    public func name(_ path: String) -> String {
        path.hasPrefix("/") ? path : root.appendingPathComponent(path).path
    }
}

/// Files of one commit's tree, read through libgit2; `label` names the commit in messages
/// (`refs/remotes/origin/main`). An absolute path is still read from the filesystem.
public struct CommitFiles: ConfigFiles {
    public let repository: Repository
    public let commit: ObjectID
    public let label: String

    public init(repository: Repository, commit: ObjectID, label: String) {
        self.repository = repository
        self.commit = commit
        self.label = label
    }

    public func read(_ path: String) throws(ConfigError) -> Data? {
        if path.hasPrefix("/") { return try WorkingTreeFiles(root: URL(fileURLWithPath: "/")).read(path) }
        let normalized = path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        let found: Repository.TreeFile
        do { found = try repository.file(at: normalized, in: commit) } catch {
            throw ConfigError(file: name(path), line: nil, column: nil, key: "", message: "cannot read it from git: \(error)")
        }
        switch found {
        case .absent: return nil
        case let .file(bytes): return Data(bytes)
        case let .other(kind):
            throw ConfigError(file: name(path), line: nil, column: nil, key: "", message: "is \(kind), not a file")
        }
    }

    public func name(_ path: String) -> String {
        path.hasPrefix("/") ? path : "\(label):\(path)"
    }
}
