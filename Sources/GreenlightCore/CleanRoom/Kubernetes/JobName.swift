/// The Job for a commit under a tier definition: `greenlight-<sha12>-<digest8>`, a
/// DNS-1123 label, the same from every workspace, so a second push attaches to it.
public enum JobName {
    public static func make(commit: ObjectID, digest: String) -> String {
        "greenlight-\(commit.short(12))-\(digest.prefix(8))"
    }

    /// Lower-case letters, digits and '-', starting and ending alphanumeric, at most 63.
    public static func isDNSLabel(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 63 else { return false }
        let alphanumeric: (UInt8) -> Bool = { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }
        return alphanumeric(bytes.first!) && alphanumeric(bytes.last!) && bytes.allSatisfy { alphanumeric($0) || $0 == 45 }
    }
}
