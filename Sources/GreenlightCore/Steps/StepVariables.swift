/// Variables greenlight sets for every step, so scripts can tell what they are checking.
enum StepVariables {
    static func variables(commit: ResolvedCommit, tier: Tier) -> [String: String] {
        ["GREENLIGHT": "1", "GREENLIGHT_COMMIT": commit.commit.hex, "GREENLIGHT_TREE": commit.tree.hex,
         "GREENLIGHT_TIER": tier.rawValue]
    }
}
