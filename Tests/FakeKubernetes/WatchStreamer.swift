import Foundation
import NIOCore

/// Serves one watch request: a chunked `application/json` stream of `{"type":...,"object":...}` lines,
/// each flushed at once. Starts from the current state (synthetic ADDED) or replays from a
/// resourceVersion, adds BOOKMARKs when allowed, ends cleanly at `timeoutSeconds`, and applies the
/// watch faults (410 Gone, connections dropped after N events).
struct WatchStreamer: Sendable {
    let store: ObjectStore
    let faults: FaultPlan
    let bookmarkInterval: TimeInterval

    struct Parameters: Sendable {
        let resource: ResourceKind
        let namespace: String?
        let labelSelector: LabelSelector
        let fieldSelector: FieldSelector
        /// nil: start from the current state.
        let resourceVersion: Int?
        let timeout: TimeInterval?
        let allowBookmarks: Bool
    }

    static func parameters(resource: ResourceKind, namespace: String?, query: [String: String]) throws(APIError) -> Parameters {
        let labelSelector = try LabelSelector(parsing: query["labelSelector"] ?? "")
        let fieldSelector = try FieldSelector(parsing: query["fieldSelector"] ?? "", resource: resource)
        var resourceVersion: Int?
        if let text = query["resourceVersion"], !text.isEmpty, text != "0" {
            guard let number = Int(text), number >= 0 else {
                throw APIError.badRequest("resourceVersion: Invalid value: \"\(text)\": must be a valid resource version")
            }
            resourceVersion = number
        }
        var timeout: TimeInterval?
        if let text = query["timeoutSeconds"], !text.isEmpty {
            guard let seconds = Int(text), seconds >= 0 else {
                throw APIError.badRequest("timeoutSeconds: Invalid value: \"\(text)\": must be a non-negative integer")
            }
            if seconds > 0 { timeout = TimeInterval(seconds) }
        }
        let bookmarks = ["true", "1"].contains(query["allowWatchBookmarks"]?.lowercased() ?? "")
        return Parameters(resource: resource, namespace: namespace, labelSelector: labelSelector,
                          fieldSelector: fieldSelector, resourceVersion: resourceVersion, timeout: timeout,
                          allowBookmarks: bookmarks)
    }

    func serve(_ parameters: Parameters, writer: ResponseWriter) async {
        if let asHTTPStatus = faults.takeWatchExpiry() {
            let current = store.currentRevision
            let error = APIError.gone(requested: parameters.resourceVersion ?? current, oldest: current)
            if asHTTPStatus {
                await writer.respond(error: error)
            } else {
                await sendErrorEvent(error, writer: writer)
            }
            return
        }

        let subscription: ObjectStore.Subscription
        do throws(APIError) {
            subscription = try store.watch(parameters.resource, namespace: parameters.namespace,
                                           from: parameters.resourceVersion)
        } catch {
            // As kube-apiserver's watch cache does: 200, then an ERROR event carrying the 410 Status.
            await sendErrorEvent(error, writer: writer)
            return
        }
        let id = subscription.id
        let store = self.store
        writer.closeFuture.whenComplete { _ in store.endWatch(id) }

        var helpers: [Task<Void, Never>] = []
        defer {
            for helper in helpers { helper.cancel() }
            store.endWatch(id)
        }
        if let timeout = parameters.timeout {
            helpers.append(Task(executorPreference: ServerExecutor.shared) {
                await Pause.seconds(timeout)
                if !Task.isCancelled { store.endWatch(id) }
            })
        }
        if parameters.allowBookmarks {
            let interval = max(0.01, bookmarkInterval)
            helpers.append(Task(executorPreference: ServerExecutor.shared) {
                while !Task.isCancelled {
                    await Pause.seconds(interval)
                    if Task.isCancelled { break }
                    store.sendBookmark(to: id)
                }
            })
        }

        do {
            try await writer.beginStream(status: 200, contentType: "application/json")
            var sent = 0
            func emit(_ type: String, _ object: JSONValue) async throws -> Bool {
                try await writer.write(line(type: type, object: object))
                sent += 1
                if let limit = faults.dropWatchesAfterEvents, sent >= limit {
                    await writer.abort()
                    return false
                }
                return true
            }
            if let limit = faults.dropWatchesAfterEvents, limit <= 0 {
                await writer.abort()
                return
            }
            switch subscription.start {
            case .currentState(let objects):
                for object in objects where matches(object, parameters) {
                    guard try await emit("ADDED", object) else { return }
                }
            case .replay(let events):
                for event in events {
                    if let (type, object) = translate(event, parameters) {
                        guard try await emit(type, object) else { return }
                    }
                }
            }
            for await message in subscription.stream {
                switch message {
                case .event(let event):
                    if let (type, object) = translate(event, parameters) {
                        guard try await emit(type, object) else { return }
                    }
                case .bookmark(let resourceVersion):
                    let bookmark: JSONValue = [
                        "kind": .string(parameters.resource.kind), "apiVersion": .string(parameters.resource.apiVersion),
                        "metadata": ["resourceVersion": .string(String(resourceVersion))],
                    ]
                    try await writer.write(line(type: "BOOKMARK", object: bookmark))
                case .end:
                    await writer.endStream()
                    return
                }
            }
            await writer.endStream()
        } catch {
            await writer.abort()
        }
    }

    private func sendErrorEvent(_ error: APIError, writer: ResponseWriter) async {
        do {
            try await writer.beginStream(status: 200, contentType: "application/json")
            try await writer.write(line(type: "ERROR", object: error.status))
            await writer.endStream()
        } catch {
            await writer.abort()
        }
    }

    private func line(type: String, object: JSONValue) -> [UInt8] {
        Array(JSONCodec.serialize(["type": .string(type), "object": object])) + [0x0A]
    }

    private func matches(_ object: JSONValue, _ parameters: Parameters) -> Bool {
        parameters.labelSelector.matches(object.labels) && parameters.fieldSelector.matches(object)
    }

    /// The event as this watcher sees it: filtered by resource, namespace and selectors, with
    /// modifications that move an object into or out of the selection turned into ADDED or DELETED.
    private func translate(_ event: WatchEvent, _ parameters: Parameters) -> (String, JSONValue)? {
        guard event.resource == parameters.resource,
            parameters.namespace == nil || event.namespace == parameters.namespace
        else { return nil }
        let nowMatches = matches(event.object, parameters)
        switch event.kind {
        case .added: return nowMatches ? ("ADDED", event.object) : nil
        case .deleted: return nowMatches ? ("DELETED", event.object) : nil
        case .modified:
            let matchedBefore = event.previous.map { matches($0, parameters) } ?? nowMatches
            switch (matchedBefore, nowMatches) {
            case (true, true): return ("MODIFIED", event.object)
            case (false, true): return ("ADDED", event.object)
            case (true, false): return ("DELETED", event.object)
            case (false, false): return nil
            }
        }
    }
}
