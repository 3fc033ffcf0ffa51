import Foundation
import NIOConcurrencyHelpers

/// The process groups of the children greenlight is running, so that all of them can be
/// stopped at once (fail-fast, a tier deadline, a signal).
public final class ProcessGroupSet: Sendable {
    private struct State {
        var members: [Int: RunningProcess] = [:]
        var nextToken = 0
        var stopped = false
        var killed = false
        var children: [ProcessGroupSet] = []
        var stopHandlers: [@Sendable () -> Void] = []
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// Adds a process; if the set was already stopped it is stopped (or killed) at once.
    func add(_ process: RunningProcess) -> Int {
        let (token, stopped, killed) = state.withLockedValue { state in
            state.nextToken += 1
            state.members[state.nextToken] = process
            return (state.nextToken, state.stopped, state.killed)
        }
        if killed { process.kill() } else if stopped { process.terminate() }
        return token
    }

    func remove(_ token: Int) {
        state.withLockedValue { _ = $0.members.removeValue(forKey: token) }
    }

    /// A set whose members are also stopped when this one is (a tier inside the whole run).
    public func makeChild() -> ProcessGroupSet {
        let child = ProcessGroupSet()
        let (stopped, killed) = state.withLockedValue { state in
            state.children.append(child)
            return (state.stopped, state.killed)
        }
        if killed { child.killAll() } else if stopped { child.stopAll() }
        return child
    }

    /// Runs `handler` when the set is stopped (at once if it already was): for work that is
    /// not a child process, such as watching a remote Job.
    public func onStop(_ handler: @escaping @Sendable () -> Void) {
        let alreadyStopped = state.withLockedValue { state in
            if !state.stopped { state.stopHandlers.append(handler) }
            return state.stopped
        }
        if alreadyStopped { handler() }
    }

    /// Terminates (SIGTERM, then SIGKILL after the launcher's grace) every running member
    /// and every one added later, in this set and its children.
    public func stopAll() {
        let (running, nested, handlers) = state.withLockedValue { state in
            state.stopped = true
            defer { state.stopHandlers = [] }
            return (Array(state.members.values), state.children, state.stopHandlers)
        }
        for process in running { process.terminate() }
        for child in nested { child.stopAll() }
        for handler in handlers { handler() }
    }

    /// Kills (SIGKILL) every running member and every one added later, in this set and its
    /// children: a second interrupt, for steps that ignore SIGTERM.
    public func killAll() {
        stopAll()
        let (running, nested) = state.withLockedValue { state in
            state.killed = true
            return (Array(state.members.values), state.children)
        }
        for process in running { process.kill() }
        for child in nested { child.killAll() }
    }

    /// Whether `stopAll()` was called.
    public var isStopped: Bool { state.withLockedValue { $0.stopped } }
}
