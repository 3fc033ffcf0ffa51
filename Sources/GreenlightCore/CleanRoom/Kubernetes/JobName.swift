/// The Job for a commit under a tier definition: `greenlight-<sha12>-<digest8>`, a
/// DNS-1123 label, the same from every workspace, so a second push attaches to it.
public enum JobName {
    public static func make(commit: ObjectID, digest: String) -> String {
        "greenlight-\(commit.short(12))-\(digest.prefix(8))"
    }
}
