/// The directories a checkout is at (the host path, and the path inside a sandbox or pod), to
/// write a failure's location relative to the checkout: `/work/src/app/main_test.go:12`
/// becomes `app/main_test.go:12`. A path outside every root is kept as it was printed.
struct ProjectPaths: Sendable {
    /// Absolute directories without a trailing "/", the longest first (so that a root nested in
    /// another wins).
    let roots: [String]

    init(_ roots: [String]) {
        self.roots = roots.map { root -> String in
            var root = root
            while root.count > 1, OutputText.hasSuffix(root, "/") { root.removeLast() }
            return root
        }
        .filter { $0.hasPrefix("/") && $0 != "/" }
        .sorted { $0.count > $1.count }
    }

    /// `path` relative to the checkout when it lies inside it; "./" in front is dropped.
    func relative(_ path: some StringProtocol) -> String {
        for root in roots where path.hasPrefix(root) {
            let rest = path.dropFirst(root.count)
            if OutputText.hasPrefix(rest, "/") { return String(rest.dropFirst()) }
        }
        if OutputText.hasPrefix(path, "./") { return String(path.dropFirst(2)) }
        return String(path)
    }

    /// `path:line`, relative to the checkout, at most 240 characters.
    func location(_ path: some StringProtocol, line: Int) -> String {
        OutputText.capped("\(relative(path)):\(line)", 240)
    }
}
