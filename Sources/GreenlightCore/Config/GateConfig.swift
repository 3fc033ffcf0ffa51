import Foundation

/// The whole gate as `.greenlight.yml` defines it.
public struct GateConfig: Equatable, Sendable {
    /// The name greenlight looks for at the repository root.
    public static let fileName = ".greenlight.yml"
    /// Default per-step limit in the fast tier.
    public static let defaultFastStepTimeout: TimeInterval = 10 * 60
    /// Default limit for a whole tier.
    public static let defaultTierTimeout: TimeInterval = 30 * 60

    public var fast: TierDefinition
    public var cleanRoom: TierDefinition

    public init(fast: TierDefinition, cleanRoom: TierDefinition) {
        self.fast = fast
        self.cleanRoom = cleanRoom
    }

    /// The definition of one tier.
    public func definition(of tier: Tier) -> TierDefinition {
        switch tier {
        case .fast: fast
        case .cleanRoom: cleanRoom
        }
    }
}
