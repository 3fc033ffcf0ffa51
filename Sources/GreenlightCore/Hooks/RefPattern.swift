import Foundation

/// Glob patterns over full ref names (`refs/heads/*`, `refs/tags/v*`), as in `hooks.pre_push.refs`.
/// `*` matches across `/`, so `refs/heads/*` covers `refs/heads/feature/x`.
public struct RefPattern: Sendable {
    public let patterns: [String]

    public init(_ patterns: [String]) {
        self.patterns = patterns
    }

    public func matches(_ ref: String) -> Bool {
        patterns.contains { fnmatch($0, ref, 0) == 0 }
    }
}
