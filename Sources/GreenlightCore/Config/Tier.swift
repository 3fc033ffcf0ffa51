/// The two tiers of the gate, in the order they run.
public enum Tier: String, Codable, Sendable, CaseIterable {
    /// In the workspace: format, lint, build, unit tests.
    case fast
    /// In a clean room: a fresh checkout of exactly the commit, scrubbed environment.
    case cleanRoom = "clean-room"
}
