import Foundation

/// Where git runs hooks for a repository: `core.hooksPath` when set (local or global
/// config; relative paths are relative to the working tree root, `~/` is the home
/// directory), else `hooks/` in the common git directory, shared by all worktrees.
public struct HookLocation: Sendable, Equatable {
    public let directory: URL
    /// Says where the directory came from, for messages.
    public let origin: String

    public static func resolve(for repository: Repository, home: String?) throws(GitError) -> HookLocation {
        if let configured = try repository.configString("core.hooksPath"), !configured.isEmpty {
            var path = configured
            if path == "~" || path.hasPrefix("~/"), let home { path = home + path.dropFirst() }
            let url: URL
            if path.hasPrefix("/") {
                url = URL(fileURLWithPath: path, isDirectory: true)
            } else {
                let base = repository.workingDirectory ?? repository.gitDirectory
                url = base.appendingPathComponent(path, isDirectory: true)
            }
            return HookLocation(directory: url.standardizedFileURL, origin: "core.hooksPath = \(configured)")
        }
        return HookLocation(directory: repository.commonDirectory.appendingPathComponent("hooks", isDirectory: true),
                            origin: "the repository's hooks directory")
    }
}
