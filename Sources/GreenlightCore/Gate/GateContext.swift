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

    /// The local notes as the cache, signed with this user's key (created on first use; when it
    /// cannot be, a warning and unsigned records) and trusting it and `trustedKeys`
    /// (`SignedVerdictCache`); the fast tier in the workspace; the clean room the configuration names.
    /// - Parameter signer: this user's signer (`VerdictSigner.local`), when the caller already made it.
    public static func standard(tiers: TierContext, config: GateConfig, trustedKeys: TrustedKeys = TrustedKeys(),
                                signer: (signer: VerdictSigner?, warning: String?)? = nil) -> GateContext {
        let cleanRoom: TierRunner = switch config.cleanRoom.backend {
        case .local: LocalCleanRoom(context: tiers)
        case let .kubernetes(settings): KubernetesCleanRoom(context: tiers, settings: settings)
        }
        let local = signer ?? VerdictSigner.local(environment: tiers.environment)
        if let warning = local.warning { tiers.progress.warning(warning) }
        let cache = SignedVerdictCache(store: VerdictStore(repository: tiers.repository), signer: local.signer,
                                       keys: SignedVerdictCache.keys(repository: trustedKeys, own: local.signer),
                                       podSpec: PodSpecMatch.check(for: config))
        return GateContext(tiers: tiers, cache: cache, fastTier: FastTierRunner(context: tiers), cleanRoom: cleanRoom)
    }

    /// The runner of `tier`.
    public func runner(for tier: Tier) -> TierRunner {
        switch tier {
        case .fast: fastTier
        case .cleanRoom: cleanRoom
        }
    }
}
