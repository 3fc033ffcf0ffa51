/// What `greenlight verify --require` demands beyond the default (which counts signed records
/// when there are trusted keys, and every record when there are none).
public enum SignatureRequirement: String, Sendable, CaseIterable {
    /// Every tier needs a record vouched for by a trusted key; with no trusted keys nothing verifies.
    case signed
    /// As `signed`, and the clean-room tier only by a key whose role is `cluster` (the attestor's).
    /// The fast tier runs in the workspace, so a `local` key signs it.
    case cluster
}
