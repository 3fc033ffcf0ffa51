import Foundation

/// The caches one clean room mounts, with their locks held (shared) until `release()`.
public struct CacheLease: Sendable {
    /// One cache as mounted: its definition and where its contents are on this machine.
    public struct Mounted: Sendable, Equatable {
        public let definition: CacheDefinition
        public let directory: URL
    }

    public internal(set) var mounted: [Mounted] = []
    private var locks: [CacheLock] = []

    init() {}

    mutating func add(_ lock: CacheLock) { locks.append(lock) }

    /// The names of the mounted caches, as a verdict records them.
    public var names: [String] { mounted.map(\.definition.name) }

    /// Each cache's variables, pointing at `<base>/<name>/<subdirectory>` (the sandbox's view), or at
    /// the cache's own directory on this machine when `base` is `nil` (an unsealed clean room).
    public func environment(base: String?) -> [String: String] {
        var environment: [String: String] = [:]
        for cache in mounted {
            let directory = base.map { "\($0)/\(cache.definition.name)" } ?? cache.directory.path
            environment.merge(cache.definition.environment(under: directory)) { _, new in new }
        }
        return environment
    }

    /// Releases every lock (idempotent per lease value).
    public mutating func release() {
        for lock in locks { lock.close() }
        locks = []
    }
}
