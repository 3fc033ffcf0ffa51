import Foundation

/// `greenlight caches` and `greenlight caches prune`: the clean room's caches on this machine.
public struct CachesUseCase: Sendable {
    public let repository: Repository
    /// The clean room whose `caches` are meant (the trusted definition's, as a check would mount them).
    public let definition: TierDefinition
    public let environment: [String: String]

    public init(repository: Repository, definition: TierDefinition, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.repository = repository
        self.definition = definition
        self.environment = environment
    }

    var store: CacheStore { CacheStore(repository: repository, environment: environment) }

    /// Why the caches cannot be listed or pruned here (they live on a cluster's claim); `nil` on the local backend.
    public var remoteLocation: String? {
        guard case let .kubernetes(settings) = definition.backend else { return nil }
        let claim = settings.cachePVC.map { "PersistentVolumeClaim \($0)" } ?? "no claim (clean_room.kubernetes.cache_pvc is not set)"
        return "the clean room runs on Kubernetes: its caches live on \(claim), a sub-path per cache; list or trim them in the cluster"
    }

    /// Every configured cache, then every other directory under the store, measured.
    /// - Throws: `CachesError` on the Kubernetes backend.
    public func list() throws(CachesError) -> [CacheUsage] {
        if let remoteLocation { throw CachesError(message: remoteLocation) }
        return CacheUsage.measure(definition.caches, store: store)
    }

    /// Prunes the caches named (every configured one, and every directory under the store no
    /// configuration names, when `names` is empty), in that order.
    /// - Parameter olderThan: seconds; `nil` empties them (a directory no configuration names is removed).
    /// - Throws: `CachesError` on the Kubernetes backend or for a name that is no cache here;
    ///   nothing is pruned then.
    public func prune(names: [String], olderThan: TimeInterval?) throws(CachesError) -> [(name: String, outcome: CachePruner.Outcome)] {
        if let remoteLocation { throw CachesError(message: remoteLocation) }
        let known = CacheUsage.measure(definition.caches, store: store)
        var chosen: [CacheUsage] = []
        if names.isEmpty {
            chosen = known
        } else {
            for name in names {
                guard let usage = known.first(where: { $0.name == name }) else {
                    let list = known.map(\.name)
                    throw CachesError(message: "no cache named '\(name)' (\(list.isEmpty ? "clean_room.caches names none" : "caches: \(list.joined(separator: ", "))"))")
                }
                if !chosen.contains(usage) { chosen.append(usage) }
            }
        }
        let pruner = CachePruner(store: store)
        return chosen.map { usage in
            if let problem = usage.problem { return (usage.name, .refused(problem)) }
            let outcome: CachePruner.Outcome
            do {
                outcome = try pruner.prune(name: usage.name, directory: usage.directory, olderThan: olderThan,
                                           removeDirectory: usage.definition == nil && olderThan == nil)
            } catch {
                outcome = .pruned(files: 0, bytes: 0, problems: ["\(error)"])
            }
            return (usage.name, outcome)
        }
    }
}

/// A `caches` command that cannot do what it was asked.
public struct CachesError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
