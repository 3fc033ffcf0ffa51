import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What one cache holds on this machine, for `greenlight caches`.
public struct CacheUsage: Sendable, Equatable {
    public let name: String
    /// Where the contents are.
    public let directory: URL
    /// `nil` for a directory under `greenlight/caches` that no `clean_room.caches` entry names.
    public let definition: CacheDefinition?
    /// Bytes allocated on disk (`st_blocks` × 512, as `du` counts), and the number of files (not directories).
    public let bytes: Int64
    public let files: Int
    /// When a clean room last mounted it (its lock file's modification time); `nil` when never.
    public let lastMounted: Date?
    public let exists: Bool
    /// Why no cache may be where this one is configured (`CacheStore.locate`); it is then not measured.
    public var problem: String? = nil

    /// Measures every cache of `definitions` (where `CacheStore.locate` allows it), then every
    /// other real directory under the store's root (symbolic links there are not caches).
    public static func measure(_ definitions: [CacheDefinition], store: CacheStore) -> [CacheUsage] {
        var usages = store.locate(definitions).map { located in
            guard let problem = located.problem else {
                return measure(name: located.definition.name, directory: located.directory, definition: located.definition, store: store)
            }
            var usage = CacheUsage(name: located.definition.name, directory: store.directory(for: located.definition),
                                   definition: located.definition, bytes: 0, files: 0, lastMounted: nil, exists: false)
            usage.problem = problem
            return usage
        }
        let configured = Set(definitions.map(\.name))
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: store.root.path)) ?? [])
            .filter { !$0.hasPrefix(".") && !configured.contains($0) }.sorted()
        for name in others {
            let url = store.root.appendingPathComponent(name, isDirectory: true)
            var status = stat()
            guard lstat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { continue }
            usages.append(measure(name: name, directory: url, definition: nil, store: store))
        }
        return usages
    }

    static func measure(name: String, directory: URL, definition: CacheDefinition?, store: CacheStore) -> CacheUsage {
        var bytes: Int64 = 0
        var files = 0
        var status = stat()
        let exists = lstat(directory.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        if exists {
            CacheWalk.walk(directory.path) { entry in
                bytes += entry.allocatedBytes
                if !entry.isDirectory { files += 1 }
            }
        }
        var lockStatus = stat()
        let lastMounted = stat(store.lockFile(for: name).path, &lockStatus) == 0
            ? Date(timeIntervalSince1970: TimeInterval(lockStatus.st_mtim.tv_sec)) : nil
        return CacheUsage(name: name, directory: directory, definition: definition, bytes: bytes, files: files,
                          lastMounted: lastMounted, exists: exists)
    }
}
