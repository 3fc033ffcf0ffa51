/// Where the checkout is (the roots as `ProjectPaths` normalises them): a dump's absolute file paths under a project root are shown relative
/// to it, and "under a root or not" is the strongest sign that a frame is the project's own.
struct HangDumpPaths: Sendable {
    /// Absolute roots without a trailing slash, longest first (so the innermost root wins).
    let roots: [String]

    init(projectRoots: [String]) {
        roots = ProjectPaths(projectRoots).roots
    }

    /// `path` relative to the longest project root it lies under, or nil when it lies under none.
    func relativeToCheckout(_ path: Substring) -> Substring? {
        for root in roots {
            let rootBytes = root.utf8
            guard path.utf8.starts(with: rootBytes) else { continue }
            let rest = path.utf8.dropFirst(rootBytes.count)
            guard rest.first == UInt8(ascii: "/") else { continue }
            let start = path.utf8.index(after: rest.startIndex)
            guard start < path.endIndex else { continue }
            return Substring(path.unicodeScalars[start...])
        }
        return nil
    }

    /// The path to show: relative to the checkout when inside it, otherwise as the dump printed it.
    func display(_ path: Substring) -> String {
        HangDumpText.capped(relativeToCheckout(path) ?? path)
    }

    /// Whether an absolute path that lies under no project root must be someone else's code:
    /// true when roots were given (it is outside the checkout), false when none were (nothing is known).
    func isOutsideCheckout(_ path: Substring) -> Bool {
        !roots.isEmpty && OutputText.hasPrefix(path, "/") && relativeToCheckout(path) == nil
    }

    /// Whether a path has a directory named `name` (`/vendor/`, `/site-packages/`), or starts with one.
    static func hasDirectory(_ name: String, in path: Substring) -> Bool {
        path.hasPrefix(name + "/") || HangDumpText.contains(path, "/" + name + "/")
    }
}
