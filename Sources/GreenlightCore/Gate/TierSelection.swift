/// Which tiers `greenlight check --tier` runs.
public enum TierSelection: String, Sendable, CaseIterable {
    case fast
    case cleanRoom = "clean-room"
    case all

    public var tiers: [Tier] {
        switch self {
        case .fast: [.fast]
        case .cleanRoom: [.cleanRoom]
        case .all: [.fast, .cleanRoom]
        }
    }
}
