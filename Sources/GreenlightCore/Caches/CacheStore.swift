import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where the clean room's caches (`clean_room.caches`) live on this machine, and the locks that
/// keep `greenlight caches prune` from emptying a cache a clean room is using.
///
/// Layout under the common git dir (shared by every worktree):
/// - `greenlight/caches/<name>/`: a cache's contents, unless its `path` names another directory;
/// - `greenlight/caches/.locks/<name>.lock`: held shared (`flock(2)`) by every clean room that
///   mounts the cache, exclusively by a prune; its modification time is when a clean room last
///   mounted the cache.
public struct CacheStore: Sendable {
    /// `<common git dir>/greenlight/caches`.
    public let root: URL
    /// The repository's working tree, where no cache may live (it would be workspace state).
    let workingDirectory: URL?
    let commonDirectory: URL
    /// The user's HOME, which a cache may not be (nor contain).
    let home: String?

    public init(repository: Repository, home: String? = ProcessInfo.processInfo.environment["HOME"]) {
        root = repository.commonDirectory.appendingPathComponent("greenlight/caches", isDirectory: true)
        workingDirectory = repository.workingDirectory
        commonDirectory = repository.commonDirectory
        self.home = home
    }

    var locksDirectory: URL { root.appendingPathComponent(".locks", isDirectory: true) }

    /// The directory that holds `cache`'s contents.
    public func directory(for cache: CacheDefinition) -> URL {
        cache.path.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? root.appendingPathComponent(cache.name, isDirectory: true)
    }

    func lockFile(for name: String) -> URL { locksDirectory.appendingPathComponent("\(name).lock") }

    /// Why `directory` (resolved through symbolic links where it exists) cannot hold a cache, or `nil`.
    /// A cache is never in the working tree (the project's own build output, or any file the coder
    /// edits), never the repository's git directory or an ancestor of it, never HOME or an ancestor
    /// of it, and never a system directory.
    func problem(with directory: URL, name: String) -> String? {
        let path = Self.resolved(directory.path)
        func within(_ path: String, _ base: String) -> Bool { path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/") }
        let ownRoot = Self.resolved(root.path)
        // The default place: greenlight's own directory in the git dir (which may sit in the working tree).
        if within(path, ownRoot), path != ownRoot { return nil }
        if let tree = workingDirectory.map({ Self.resolved($0.path) }), within(path, tree) || within(tree, path) {
            return "cache '\(name)' would live at \(path), \(within(path, tree) ? "inside" : "around") the working tree \(tree): a cache is never workspace state or the project's own build output"
        }
        let common = Self.resolved(commonDirectory.path)
        if within(common, path) || within(path, common) {
            return "cache '\(name)' would live at \(path), in or around the repository's git directory \(common)"
        }
        if let home, !home.isEmpty, within(Self.resolved(home), path) {
            return "cache '\(name)' would live at \(path), which is HOME or holds it"
        }
        for system in ["/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/boot", "/proc", "/sys", "/dev", "/run"] where within(path, system) {
            return "cache '\(name)' would live at \(path), a system directory"
        }
        return nil
    }

    /// Makes each cache's directory (mode 0700 when new), checks where it is, and takes its lock
    /// shared, waiting while a prune holds it. The lease holds the locks until it is released.
    /// - Throws: `FileError` naming the directory when one cannot be made, is not allowed
    ///   (`problem(with:name:)`) or cannot be locked; no lock is kept then.
    public func lease(_ caches: [CacheDefinition], waiting: (String) -> Void = { _ in }) throws(FileError) -> CacheLease {
        var lease = CacheLease()
        do throws(FileError) {
            for cache in caches {
                let directory = directory(for: cache)
                if let problem = problem(with: directory, name: cache.name) {
                    throw FileError(path: directory.path, reason: problem)
                }
                try Self.makeDirectory(directory)
                if let problem = problem(with: directory, name: cache.name) {  // again, through a link made in between
                    throw FileError(path: directory.path, reason: problem)
                }
                let lock = try CacheLock.open(lockFile(for: cache.name), in: locksDirectory)
                lease.add(lock)
                if !lock.tryLock(shared: true) {
                    waiting("cache '\(cache.name)' is being pruned; waiting for the prune to finish")
                    try lock.lock(shared: true)
                }
                lock.touch()
                lease.mounted.append(CacheLease.Mounted(definition: cache, directory: directory))
            }
        } catch {
            lease.release()
            throw error
        }
        return lease
    }

    /// `mkdir -p` with mode 0700 for what it creates.
    /// - Throws: `FileError` naming the path.
    static func makeDirectory(_ url: URL) throws(FileError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileError(path: url.path, reason: "cannot create the cache directory: \((error as NSError).localizedDescription)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileError(path: url.path, reason: "is not a directory")
        }
    }

    /// `path` with symbolic links resolved (`realpath(3)`) as far as it exists; the rest appended.
    static func resolved(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !existing.isEmpty, existing != "/" {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let url = URL(fileURLWithPath: existing)
            rest.append(url.lastPathComponent)
            existing = url.deletingLastPathComponent().path
        }
        return "/" + rest.reversed().joined(separator: "/")
    }
}
