/// Which `.greenlight.yml` defined a gate: `check --config` chooses, and every record says
/// (`"definition"`).
public enum DefinitionSource: String, Codable, Sendable, CaseIterable {
    /// The file at the trusted ref (`TrustedRef`): what pushes, pull requests and `verify` use.
    case trusted
    /// The working tree's file: `--config worktree`, or while the trusted ref has none yet.
    case worktree
}
