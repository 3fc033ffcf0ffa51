/// `clean_room.isolation`: what the local clean room does when it cannot seal itself.
public enum IsolationMode: String, Sendable, CaseIterable {
    /// The default: steps run under bubblewrap or not at all (the tier is an `error` that says how to fix it).
    case required
    /// Steps run under bubblewrap when it works, else unsealed; the record then says `"isolation":"none"`.
    /// Part of the digest, so a best-effort pass never satisfies a required gate.
    case bestEffort = "best-effort"
}
