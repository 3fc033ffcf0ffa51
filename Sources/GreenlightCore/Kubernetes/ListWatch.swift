import Foundation

/// The list-then-watch loop every watcher of the API uses, written once
/// (https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes):
/// list, watch from the list's resourceVersion, resume a watch that ended or broke from the last
/// resourceVersion seen (bookmarks included), and list again on 410 Gone. Runs until cancelled.
public struct ListWatch: Sendable {
    public let client: KubernetesClient
    /// The collection's path, `/apis/batch/v1/namespaces/ci/jobs`.
    public let path: String
    /// The selectors (`labelSelector`, `fieldSelector`) of both the list and the watch.
    public let selectors: [URLQueryItem]
    public let listCall: APICall
    public let watchCall: APICall
    /// Seconds a watch request may stay open before the server ends it (then it is resumed).
    public var timeoutSeconds: Int

    public init(client: KubernetesClient, path: String, selectors: [URLQueryItem], listCall: APICall, watchCall: APICall, timeoutSeconds: Int) {
        self.client = client
        self.path = path
        self.selectors = selectors
        self.listCall = listCall
        self.watchCall = watchCall
        self.timeoutSeconds = timeoutSeconds
    }

    /// - Parameters:
    ///   - resourceVersion: where to start watching without a list first (an object just created); `nil` lists first.
    ///   - list: every item of each list, in order.
    ///   - event: every ADDED, MODIFIED and DELETED event.
    ///   - interrupted: a watch that broke for another reason than 410, 401 or 403 (it is resumed a second later).
    /// - Throws: `KubernetesError` when the API answers 401 or 403 (nothing would change on retrying).
    public func run(from resourceVersion: String? = nil, list: ([JSONValue]) async -> Void, event: (WatchEvent) async -> Void,
                    interrupted: (Error) -> Void) async throws(KubernetesError) {
        var version = resourceVersion
        while !Task.isCancelled {
            let started = Date()
            do {
                if version == nil {
                    let listed = try await client.send(listCall, method: .GET, path: path, query: selectors)
                    await list(listed["items"]?.array ?? [])
                    version = listed.at("metadata.resourceVersion")?.string ?? ""
                }
                let events = client.watch(watchCall, path: path, query: selectors + [
                    URLQueryItem(name: "resourceVersion", value: version), URLQueryItem(name: "allowWatchBookmarks", value: "true"),
                ], timeoutSeconds: timeoutSeconds)
                for try await next in events {
                    if let seen = next.resourceVersion { version = seen }
                    if [.added, .modified, .deleted].contains(next.kind) { await event(next) }
                }
            } catch let error as KubernetesError where error.code == .expired {
                version = nil
                continue
            } catch let error as KubernetesError where error.code == .forbidden || error.code == .unauthorized {
                throw error
            } catch {
                if Task.isCancelled { return }
                interrupted(error)
            }
            if Date().timeIntervalSince(started) < 1 { try? await Task.sleep(for: .seconds(1)) }
        }
    }
}
