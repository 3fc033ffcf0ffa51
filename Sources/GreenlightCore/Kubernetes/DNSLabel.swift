/// Kubernetes' DNS-1123 label rule for names such as namespaces and Jobs
/// (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names).
public enum DNSLabel {
    /// Lower-case letters, digits and '-', starting and ending alphanumeric, at most 63 bytes.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
        let alphanumeric: (UInt8) -> Bool = { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }
        return alphanumeric(first) && alphanumeric(last) && bytes.allSatisfy { alphanumeric($0) || $0 == 45 }
    }
}
