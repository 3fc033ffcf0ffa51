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

    /// Measures every cache of `definitions`, then every other directory under the store's root.
    public static func measure(_ definitions: [CacheDefinition], store: CacheStore) -> [CacheUsage] {
        var usages = definitions.map { definition in
            measure(name: definition.name, directory: store.directory(for: definition), definition: definition, store: store)
        }
        let configured = Set(definitions.map(\.name))
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: store.root.path)) ?? [])
            .filter { !$0.hasPrefix(".") && !configured.contains($0) }.sorted()
        for name in others {
            var isDirectory: ObjCBool = false
            let url = store.root.appendingPathComponent(name, isDirectory: true)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            usages.append(measure(name: name, directory: url, definition: nil, store: store))
        }
        return usages
    }

    static func measure(name: String, directory: URL, definition: CacheDefinition?, store: CacheStore) -> CacheUsage {
        var bytes: Int64 = 0
        var files = 0
        var status = stat()
        let exists = stat(directory.path, &status) == 0
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
