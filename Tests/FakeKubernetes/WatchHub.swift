import Foundation

/// One change to a stored object, as watchers see it.
struct WatchEvent: Sendable {
    enum Kind: String, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    let kind: Kind
    let resource: ResourceKind
    let namespace: String
    let object: JSONValue
    /// The object before a modification, so a selector-filtered watch can turn a change that moves an
    /// object into or out of its selection into ADDED or DELETED, as Kubernetes does.
    let previous: JSONValue?
    let resourceVersion: Int
}

/// What a watch subscription receives, in order.
enum WatchMessage: Sendable {
    case event(WatchEvent)
    case bookmark(resourceVersion: Int)
    case end
}

/// The history window of recent events and the live subscribers. Every method must be called with the
/// owning ``ObjectStore``'s lock held, so that events, history and subscriptions are ordered consistently.
final class WatchHub: @unchecked Sendable {
    /// How many events are kept for resuming watches from a resourceVersion.
    let capacity: Int
    private var history: [WatchEvent] = []
    private var historyStart = 0
    /// Every event with a resourceVersion greater than this is still in the window.
    private(set) var compactedThrough = 0
    private var subscribers: [Int: AsyncStream<WatchMessage>.Continuation] = [:]
    private var nextSubscriber = 0

    init(capacity: Int = 1000) {
        self.capacity = capacity
    }

    func publish(_ event: WatchEvent) {
        history.append(event)
        if history.count - historyStart > capacity {
            compactedThrough = history[historyStart].resourceVersion
            historyStart += 1
            if historyStart > capacity {
                history.removeFirst(historyStart)
                historyStart = 0
            }
        }
        for continuation in subscribers.values { continuation.yield(.event(event)) }
    }

    /// The oldest resourceVersion a watch can still resume from.
    var oldestResumable: Int { compactedThrough }

    /// Events after `resourceVersion`, or nil when some of them have already left the window.
    func events(after resourceVersion: Int) -> [WatchEvent]? {
        guard resourceVersion >= compactedThrough else { return nil }
        return history[historyStart...].filter { $0.resourceVersion > resourceVersion }
    }

    func subscribe() -> (id: Int, stream: AsyncStream<WatchMessage>) {
        let (stream, continuation) = AsyncStream<WatchMessage>.makeStream()
        nextSubscriber += 1
        subscribers[nextSubscriber] = continuation
        return (nextSubscriber, stream)
    }

    func send(_ message: WatchMessage, to id: Int) {
        subscribers[id]?.yield(message)
    }

    func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    func endAll() {
        for continuation in subscribers.values {
            continuation.yield(.end)
            continuation.finish()
        }
        subscribers.removeAll()
    }
}
