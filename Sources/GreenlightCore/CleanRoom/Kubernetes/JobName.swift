import Crypto
import Foundation

/// The Job for a commit under a tier definition: `greenlight-<sha12>-<digest8>`, a
/// DNS-1123 label, the same from every workspace, so a second push attaches to it.
/// With `clean_room.parallel` each step has a Job of its own (`make(commit:digest:step:)`).
public enum JobName {
    public static func make(commit: ObjectID, digest: String) -> String {
        "greenlight-\(commit.short(12))-\(digest.prefix(8))"
    }

    /// A parallel step's Job: `greenlight-<sha12>-<digest8>-<step>-<hash6>`, where `<step>` is the
    /// step's name lower-cased with every other character than a–z and 0–9 turned into '-'
    /// (runs of them into one), cut to fit, and `<hash6>` the first 6 hex digits of the SHA-256 of
    /// the exact name, so names that sanitise alike (`Unit` and `unit`, `a.b` and `a_b`) differ.
    /// Always a DNS-1123 label of at most 63 characters
    /// (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names).
    public static func make(commit: ObjectID, digest: String, step: String) -> String {
        let base = make(commit: commit, digest: digest)
        let hash = SHA256.hash(data: Data(step.utf8)).prefix(3).map { String(format: "%02x", $0) }.joined()
        var readable = ""
        for byte in step.lowercased().utf8 {
            let keep = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
            if keep { readable.append(Character(UnicodeScalar(byte))) } else if !readable.hasSuffix("-") { readable.append("-") }
        }
        let room = 63 - base.count - 1 - hash.count - 1
        readable = String(readable.prefix(room))
        while readable.hasPrefix("-") { readable.removeFirst() }
        while readable.hasSuffix("-") { readable.removeLast() }
        return readable.isEmpty ? "\(base)-\(hash)" : "\(base)-\(readable)-\(hash)"
    }
}
