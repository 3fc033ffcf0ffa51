import Foundation

/// The process groups of the children greenlight is running, so that all of them can be
/// stopped at once (fail-fast, a tier deadline, Ctrl-C).
public final class ProcessGroupSet: @unchecked Sendable {
    private let lock = NSLock()
    private var members: [Int: RunningProcess] = [:]
    private var nextToken = 0
    private var stopped = false
    private var children: [ProcessGroupSet] = []
    private var stopHandlers: [@Sendable () -> Void] = []

    public init() {}

    /// Adds a process; if the set was already stopped it is stopped at once.
    func add(_ process: RunningProcess) -> Int {
        lock.lock()
        nextToken += 1
        let token = nextToken
        members[token] = process
        let alreadyStopped = stopped
        lock.unlock()
        if alreadyStopped { process.terminate() }
        return token
    }

    func remove(_ token: Int) {
        lock.lock()
        members[token] = nil
        lock.unlock()
    }

    /// A set whose members are also stopped when this one is (a tier inside the whole run).
    public func makeChild() -> ProcessGroupSet {
        let child = ProcessGroupSet()
        lock.lock()
        children.append(child)
        let alreadyStopped = stopped
        lock.unlock()
        if alreadyStopped { child.stopAll() }
        return child
    }

    /// Runs `handler` when the set is stopped (at once if it already was): for work that is
    /// not a child process, such as watching a remote Job.
    public func onStop(_ handler: @escaping @Sendable () -> Void) {
        lock.lock()
        let alreadyStopped = stopped
        if !alreadyStopped { stopHandlers.append(handler) }
        lock.unlock()
        if alreadyStopped { handler() }
    }

    /// Terminates every running member and every one added later, in this set and its children.
    public func stopAll() {
        lock.lock()
        stopped = true
        let running = Array(members.values)
        let nested = children
        let handlers = stopHandlers
        stopHandlers = []
        lock.unlock()
        for process in running { process.terminate() }
        for child in nested { child.stopAll() }
        for handler in handlers { handler() }
    }

    /// Whether `stopAll()` was called.
    public var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}
