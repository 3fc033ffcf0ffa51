/// The rules for a step's `reports:` entries: a path or glob(7) pattern relative to the
/// checkout, which can only name files inside it.
enum ReportPattern {
    /// Why `pattern` is refused, or `nil` when it is acceptable: empty, absolute, a `..`
    /// component, a NUL or newline (the Kubernetes script prints report paths on lines of their own).
    static func problem(with pattern: String) -> String? {
        if pattern.isEmpty { return "empty report path" }
        if pattern.hasPrefix("/") { return "'\(pattern)' is absolute; report paths are relative to the checkout" }
        if pattern.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            return "'\(pattern)' leaves the checkout through '..'"
        }
        if pattern.contains("\0") || pattern.contains("\n") || pattern.contains("\r") {
            return "report paths cannot hold NUL or line breaks"
        }
        return nil
    }
}
