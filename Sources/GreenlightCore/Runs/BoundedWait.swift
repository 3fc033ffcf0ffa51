import Foundation

/// How a push waits for gates that run detached (`push --wait`, `--detach`, and the pre-push
/// hook's `hooks.pre_push.max_wait`): each gated commit's gate runs in a process of its own, and
/// the push waits at most `budget` seconds for all of them.
public struct BoundedWait: Sendable {
    /// Seconds to wait in all; 0 waits not at all (the runs are started and the push refused).
    public var budget: TimeInterval
    /// The greenlight binary the runs start.
    public var executable: String
    /// Receives each run's progress lines while waiting.
    public var follow: (@Sendable (String) -> Void)?
    /// True when the caller was interrupted: stop waiting (the runs go on).
    public var stop: @Sendable () -> Bool

    public init(budget: TimeInterval, executable: String, follow: (@Sendable (String) -> Void)? = nil,
                stop: @escaping @Sendable () -> Bool = { false }) {
        self.budget = budget
        self.executable = executable
        self.follow = follow
        self.stop = stop
    }
}

/// Gates still running when a bounded wait ran out: the push is not made; the runs go on.
public struct GatePending: Error, CustomStringConvertible, Sendable {
    public let runs: [GateRunStatus]
    /// One line an agent can act on (`GateRunWaiter.pendingLine`).
    public let line: String
    public var description: String { line }
}
