/// The outcome of a tier, a step or the whole gate.
public enum Verdict: String, Codable, Sendable, Comparable {
    /// Every check passed.
    case pass
    /// A check failed: the code is wrong.
    case fail
    /// The gate could not decide (timeout of the tier, infrastructure, a bug of ours).
    /// Recorded for visibility, never reused from the cache.
    case error

    /// Only decisions about the code are reused; an `error` says nothing about it.
    public var isCacheable: Bool { self != .error }

    /// The exit status `greenlight check` returns for it.
    public var exitCode: Int32 {
        switch self {
        case .pass: 0
        case .fail: 1
        case .error: 2
        }
    }

    private var severity: Int {
        switch self {
        case .pass: 0
        case .fail: 1
        case .error: 2
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.severity < rhs.severity }
}
