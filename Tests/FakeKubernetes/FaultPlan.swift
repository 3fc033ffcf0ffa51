import Foundation

/// Failures and cluster conditions a test injects into a ``FakeKubeAPIServer``. Thread-safe; every
/// property and method may be used at any time, also while Jobs are running.
public final class FaultPlan: @unchecked Sendable {
    private let lock = NSLock()

    private struct FailureRule {
        var remaining: Int
        let status: Int
        let pathContains: String?
    }

    private struct Permission: Hashable {
        let verb: String
        let resource: String
    }

    private var failures: [FailureRule] = []
    private var forbidden: Set<Permission> = []
    private var forbiddenNamespaces: Set<String> = []
    private var _dropWatchesAfterEvents: Int?
    private var expireNext: Bool?
    private var _schedulingDelay: TimeInterval = 0
    private var _unschedulable = false
    private var _imagePullFailure = false
    private var _oomKill = false
    private var _evictAfter: TimeInterval?

    init() {}

    // MARK: API failures

    /// The next `count` requests whose path contains `pathContains` (any request when nil) fail with
    /// `status` and a matching Status body: 500 `InternalError` ("etcdserver: leader changed"),
    /// 503 `ServiceUnavailable`, 429 `TooManyRequests` (with Retry-After), 504 `Timeout`, ...
    /// Rules queue up; each request consumes from the first rule that matches it.
    public func failNext(_ count: Int, status: Int = 500, pathContains: String? = nil) {
        guard count > 0 else { return }
        lock.withLock { failures.append(FailureRule(remaining: count, status: status, pathContains: pathContains)) }
    }

    /// Requests `verb` (get, list, watch, create, delete, update, patch, or `*`) on `resource`
    /// (`jobs`, `pods`, `pods/log`, `configmaps`, `secrets`, or `*`) get 403 Forbidden, and
    /// SelfSubjectAccessReviews for them answer `allowed: false`.
    public func forbid(verb: String, resource: String) {
        lock.withLock { _ = forbidden.insert(Permission(verb: verb, resource: resource)) }
    }

    /// Makes every request in `namespace` answer 403, and SelfSubjectAccessReviews there say not
    /// allowed: a Role bound in other namespaces only, as deploy/ gives the workspace.
    public func forbid(namespace: String) {
        lock.withLock { _ = forbiddenNamespaces.insert(namespace) }
    }

    /// Undoes ``forbid(namespace:)``.
    public func allow(namespace: String) {
        lock.withLock { _ = forbiddenNamespaces.remove(namespace) }
    }

    /// Undoes ``forbid(verb:resource:)``.
    public func allow(verb: String, resource: String) {
        lock.withLock { _ = forbidden.remove(Permission(verb: verb, resource: resource)) }
    }

    // MARK: Watches

    /// Every watch connection, present and future, is cut abruptly (no terminating chunk) after it has
    /// sent `events` events (bookmarks not counted). `nil` through ``dropWatchesAfterEvents`` turns it off.
    public func dropWatchesAfter(events: Int) {
        dropWatchesAfterEvents = max(0, events)
    }

    public var dropWatchesAfterEvents: Int? {
        get { lock.withLock { _dropWatchesAfterEvents } }
        set { lock.withLock { _dropWatchesAfterEvents = newValue } }
    }

    /// The next watch request gets 410 Gone: as the HTTP status with a Status body when
    /// `asHTTPStatus`, else as a 200 stream whose only event is `{"type":"ERROR","object":{Status 410}}`.
    public func expireNextWatch(asHTTPStatus: Bool) {
        lock.withLock { expireNext = asHTTPStatus }
    }

    // MARK: Scheduling and the kubelet

    /// How long a new pod waits before it is scheduled (default 0).
    public var schedulingDelay: TimeInterval {
        get { lock.withLock { _schedulingDelay } }
        set { lock.withLock { _schedulingDelay = newValue } }
    }

    /// While true, pods stay Pending with `PodScheduled False` reason `Unschedulable`.
    public var unschedulable: Bool {
        get { lock.withLock { _unschedulable } }
        set { lock.withLock { _unschedulable = newValue } }
    }

    /// While true, every image fails to pull (`ErrImagePull`, then `ImagePullBackOff`).
    public var imagePullFailure: Bool {
        get { lock.withLock { _imagePullFailure } }
        set { lock.withLock { _imagePullFailure = newValue } }
    }

    /// While true, running containers (and containers that start) are OOM-killed:
    /// `terminated {reason: "OOMKilled", exitCode: 137}`. A container that starts while this is set is
    /// doomed: it is reported OOMKilled even if it exits on its own within its first 0.2 s.
    public var oomKill: Bool {
        get { lock.withLock { _oomKill } }
        set { lock.withLock { _oomKill = newValue } }
    }

    /// When set, a pod whose container has been running this long is evicted by the kubelet (node out
    /// of memory): `DisruptionTarget` condition, process killed, `phase: Failed`, `reason: Evicted`.
    public var evictAfter: TimeInterval? {
        get { lock.withLock { _evictAfter } }
        set { lock.withLock { _evictAfter = newValue } }
    }

    /// Clears every fault.
    public func reset() {
        lock.withLock {
            failures = []
            forbidden = []
            _dropWatchesAfterEvents = nil
            expireNext = nil
            _schedulingDelay = 0
            _unschedulable = false
            _imagePullFailure = false
            _oomKill = false
            _evictAfter = nil
        }
    }

    // MARK: Used by the server

    /// The injected failure status for a request on `path`, consuming one use of the rule.
    func takeFailure(path: String) -> Int? {
        lock.withLock {
            guard let index = failures.firstIndex(where: { rule in rule.pathContains.map { path.contains($0) } ?? true })
            else { return nil }
            let status = failures[index].status
            failures[index].remaining -= 1
            if failures[index].remaining <= 0 { failures.remove(at: index) }
            return status
        }
    }

    func isForbidden(verb: String, resource: String, namespace: String? = nil) -> Bool {
        lock.withLock {
            namespace.map(forbiddenNamespaces.contains) == true
                || forbidden.contains(Permission(verb: verb, resource: resource))
                || forbidden.contains(Permission(verb: "*", resource: resource))
                || forbidden.contains(Permission(verb: verb, resource: "*"))
                || forbidden.contains(Permission(verb: "*", resource: "*"))
        }
    }

    /// Whether the next watch is to expire, and how; consumes the fault.
    func takeWatchExpiry() -> Bool? {
        lock.withLock {
            defer { expireNext = nil }
            return expireNext
        }
    }
}
