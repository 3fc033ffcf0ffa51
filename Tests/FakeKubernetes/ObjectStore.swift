import Foundation

/// Where an object lives: resource, namespace and name.
struct ObjectKey: Hashable, Sendable {
    let resource: ResourceKind
    let namespace: String
    let name: String
}

/// The API server's storage (its etcd): every object as JSON, one global resourceVersion counter that
/// every write advances, and the ``WatchHub`` that turns writes into watch events in the same order.
final class ObjectStore: @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [ObjectKey: JSONValue] = [:]
    private var revision: Int
    private let hub: WatchHub

    init(historyCapacity: Int = 1000, initialRevision: Int = 100) {
        hub = WatchHub(capacity: historyCapacity)
        revision = initialRevision
    }

    var currentRevision: Int { lock.locked { revision } }

    /// Stores a new object: assigns `uid` (unless given), `resourceVersion`, `creationTimestamp`, `namespace`.
    func create(_ resource: ResourceKind, namespace: String, object: JSONValue) throws(APIError) -> JSONValue {
        let name = object.name
        let key = ObjectKey(resource: resource, namespace: namespace, name: name)
        return try lock.locked { () throws(APIError) -> JSONValue in
            guard objects[key] == nil else { throw APIError.alreadyExists(resource, name: name) }
            revision += 1
            var stored = object
            stored["kind"] = .string(resource.kind)
            stored["apiVersion"] = .string(resource.apiVersion)
            stored[path: ["metadata", "namespace"]] = .string(namespace)
            if stored.uid.isEmpty { stored[path: ["metadata", "uid"]] = .string(UUID().uuidString.lowercased()) }
            stored[path: ["metadata", "resourceVersion"]] = .string(String(revision))
            stored[path: ["metadata", "creationTimestamp"]] = KubeTime.now()
            objects[key] = stored
            hub.publish(WatchEvent(kind: .added, resource: resource, namespace: namespace, object: stored,
                                   previous: nil, resourceVersion: revision))
            return stored
        }
    }

    func get(_ resource: ResourceKind, namespace: String, name: String) -> JSONValue? {
        lock.locked { objects[ObjectKey(resource: resource, namespace: namespace, name: name)] }
    }

    /// Objects of a resource in a namespace (all namespaces when nil), sorted by namespace and name, and
    /// the resourceVersion the list is consistent with.
    func list(_ resource: ResourceKind, namespace: String?) -> (items: [JSONValue], revision: Int) {
        lock.locked {
            let items = objects
                .filter { $0.key.resource == resource && (namespace == nil || $0.key.namespace == namespace) }
                .sorted { ($0.key.namespace, $0.key.name) < ($1.key.namespace, $1.key.name) }
                .map(\.value)
            return (items, revision)
        }
    }

    /// Changes an object in place; a real change gets a new resourceVersion and a MODIFIED event.
    /// Returns the object as stored afterwards, or nil when it does not exist.
    @discardableResult
    func update(_ resource: ResourceKind, namespace: String, name: String, _ change: (inout JSONValue) -> Void) -> JSONValue? {
        let key = ObjectKey(resource: resource, namespace: namespace, name: name)
        return lock.locked {
            guard let old = objects[key] else { return nil }
            var new = old
            change(&new)
            new[path: ["metadata", "resourceVersion"]] = old[path: ["metadata", "resourceVersion"]]
            if new == old { return old }
            revision += 1
            new[path: ["metadata", "resourceVersion"]] = .string(String(revision))
            objects[key] = new
            hub.publish(WatchEvent(kind: .modified, resource: resource, namespace: namespace, object: new,
                                   previous: old, resourceVersion: revision))
            return new
        }
    }

    /// Removes an object; the DELETED event carries its last state with a new resourceVersion.
    @discardableResult
    func delete(_ resource: ResourceKind, namespace: String, name: String) -> JSONValue? {
        let key = ObjectKey(resource: resource, namespace: namespace, name: name)
        return lock.locked {
            guard var object = objects.removeValue(forKey: key) else { return nil }
            revision += 1
            object[path: ["metadata", "resourceVersion"]] = .string(String(revision))
            hub.publish(WatchEvent(kind: .deleted, resource: resource, namespace: namespace, object: object,
                                   previous: nil, resourceVersion: revision))
            return object
        }
    }

    // MARK: Watching

    /// How a new watch starts.
    enum WatchStart: Sendable {
        /// Synthetic ADDED events for the current objects, then live events.
        case currentState([JSONValue])
        /// Recorded events after the requested resourceVersion, then live events.
        case replay([WatchEvent])
    }

    struct Subscription: Sendable {
        let id: Int
        let start: WatchStart
        let stream: AsyncStream<WatchMessage>
    }

    /// Subscribes atomically with taking the starting point, so no event is lost or seen twice.
    /// `resourceVersion` nil means "current state first"; too old a version throws 410 Gone.
    func watch(_ resource: ResourceKind, namespace: String?, from resourceVersion: Int?) throws(APIError) -> Subscription {
        try lock.locked { () throws(APIError) -> Subscription in
            let start: WatchStart
            if let resourceVersion {
                guard let events = hub.events(after: resourceVersion) else {
                    throw APIError.gone(requested: resourceVersion, oldest: hub.oldestResumable + 1)
                }
                start = .replay(events)
            } else {
                let items = objects
                    .filter { $0.key.resource == resource && (namespace == nil || $0.key.namespace == namespace) }
                    .sorted { ($0.key.namespace, $0.key.name) < ($1.key.namespace, $1.key.name) }
                    .map(\.value)
                start = .currentState(items)
            }
            let (id, stream) = hub.subscribe()
            return Subscription(id: id, start: start, stream: stream)
        }
    }

    /// Queues a bookmark at the current resourceVersion behind every event already sent to the subscriber.
    func sendBookmark(to id: Int) {
        lock.locked { hub.send(.bookmark(resourceVersion: revision), to: id) }
    }

    /// Ends one subscription's stream (timeout reached or client gone).
    func endWatch(_ id: Int) {
        lock.locked {
            hub.send(.end, to: id)
            hub.unsubscribe(id)
        }
    }

    func endAllWatches() {
        lock.locked { hub.endAll() }
    }
}
