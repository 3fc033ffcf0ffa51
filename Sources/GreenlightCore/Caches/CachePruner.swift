import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `greenlight caches prune`: removes a cache's contents, all of them or those not used for a
/// while, never while a clean room has the cache mounted (it holds the cache's lock shared), and
/// never outside the cache: the walk follows no symbolic link (`CacheWalk`).
public struct CachePruner: Sendable {
    public let store: CacheStore

    public init(store: CacheStore) { self.store = store }

    /// What pruning one cache did.
    public enum Outcome: Sendable, Equatable {
        /// Removed `files` files (and emptied directories), freeing `bytes` (allocated bytes);
        /// `problems`: what could not be read or removed (then the prune is incomplete).
        case pruned(files: Int, bytes: Int64, problems: [String])
        /// A clean room has the cache mounted: nothing was touched.
        case inUse
        /// The cache's directory does not exist.
        case missing
        /// Its directory is somewhere no cache may be (`CacheStore.problem`): nothing was touched.
        case refused(String)
    }

    /// Prunes the cache `name` stored in `directory` (a real directory, not a symbolic link).
    /// - Parameters:
    ///   - olderThan: remove only files and symbolic links last used (the later of access and
    ///     modification time) more than this many seconds ago, then directories left empty that
    ///     nothing was added to since; `nil` removes everything in the cache (the directory stays).
    ///   - removeDirectory: also remove the directory itself (a cache no configuration names).
    /// - Throws: `FileError` when the lock file cannot be opened.
    public func prune(name: String, directory: URL, olderThan: TimeInterval?, removeDirectory: Bool = false,
                      now: Date = Date()) throws(FileError) -> Outcome {
        var status = stat()
        guard lstat(directory.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return .missing }
        let lock = try CacheLock.open(store.lockFile(for: name), in: store.locksDirectory)
        defer { lock.close() }
        guard lock.tryLock(shared: false) else { return .inUse }
        let cutoff = olderThan.map { now.timeIntervalSince1970 - $0 }
        var files = 0
        var bytes: Int64 = 0
        var problems: [String] = []
        CacheWalk.walk(directory.path, makeReadable: true, problem: { problems.append($0) }) { entry in
            if entry.isDirectory {
                // Children came first: remove the directory when they left it empty and, with a
                // cutoff, nothing was added to it since (its status is from before the walk
                // removed anything in it).
                guard cutoff.map({ entry.lastUsed < $0 }) ?? true else { return }
                if Self.remove(entry, directory: true) {
                    bytes += entry.allocatedBytes
                } else if errno != ENOTEMPTY || cutoff == nil {
                    problems.append("\(entry.path): cannot remove: \(String(cString: strerror(errno)))")
                }
                return
            }
            if let cutoff, entry.lastUsed >= cutoff { return }
            if Self.remove(entry, directory: false) {
                files += 1
                bytes += entry.allocatedBytes
            } else {
                problems.append("\(entry.path): cannot remove: \(String(cString: strerror(errno)))")
            }
        }
        if removeDirectory, rmdir(directory.path) == 0 {
            try? FileManager.default.removeItem(at: store.lockFile(for: name))  // the lock's name goes with its cache; a leftover is harmless
        }
        return .pruned(files: files, bytes: bytes, problems: problems)
    }

    /// Removes one entry through its parent's descriptor; a parent without write permission (Go's
    /// module cache makes its directories read-only) is made writable by its owner first.
    static func remove(_ entry: CacheWalk.Entry, directory: Bool) -> Bool {
        let flags = directory ? AT_REMOVEDIR : 0
        if unlinkat(entry.parent, entry.name, flags) == 0 { return true }
        guard errno == EACCES || errno == EPERM else { return false }
        var parent = stat()
        guard fstat(entry.parent, &parent) == 0 else { return false }
        fchmod(entry.parent, (parent.st_mode & 0o7777) | S_IRWXU)
        return unlinkat(entry.parent, entry.name, flags) == 0
    }
}
