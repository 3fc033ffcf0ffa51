import Foundation

/// What the gate works with, passed in one value: where tiers run (`tiers`), the runner of
/// each tier, and the verdict cache. `standard(tiers:config:)` builds the usual one; a push
/// swaps the cache for one that also asks the remote (`RemoteRefreshingCache`).
public struct GateContext: Sendable {
    public var tiers: TierContext
    public var cache: VerdictCache
    public var fastTier: TierRunner
    public var cleanRoom: TierRunner

    public init(tiers: TierContext, cache: VerdictCache, fastTier: TierRunner, cleanRoom: TierRunner) {
        self.tiers = tiers
        self.cache = cache
        self.fastTier = fastTier
        self.cleanRoom = cleanRoom
    }

    /// The local notes as the cache, the fast tier in the workspace, and the clean room the
    /// configuration names.
    public static func standard(tiers: TierContext, config: GateConfig) -> GateContext {
        let cleanRoom: TierRunner = switch config.cleanRoom.backend {
        case .local: LocalCleanRoom(context: tiers)
        case let .kubernetes(settings): KubernetesCleanRoom(context: tiers, settings: settings)
        }
        return GateContext(tiers: tiers, cache: NotesVerdictCache(store: VerdictStore(repository: tiers.repository)),
                           fastTier: FastTierRunner(context: tiers), cleanRoom: cleanRoom)
    }

    /// The runner of `tier`.
    public func runner(for tier: Tier) -> TierRunner {
        switch tier {
        case .fast: fastTier
        case .cleanRoom: cleanRoom
        }
    }
}
