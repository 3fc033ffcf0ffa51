import FakeKubernetes
import Foundation
import Testing

@Suite("Watch streams", .timeLimit(.minutes(5)))
struct WatchTests {
    private func createConfigMap(_ cluster: TestCluster, _ name: String, labels: [String: String] = [:]) async throws -> String {
        let response = try await cluster.post("/api/v1/namespaces/ci/configmaps", ["metadata": ["name": name, "labels": labels]])
        #expect(response.status == 201)
        return string(response.json, "metadata", "resourceVersion") ?? ""
    }

    @Test func startsWithCurrentStateThenResumesFromAResourceVersion() async throws {
        try await withCluster { cluster in
            let first = try await createConfigMap(cluster, "one")
            let second = try await createConfigMap(cluster, "two")
            #expect(Int(second)! > Int(first)!)

            // No resourceVersion (or "0"): synthetic ADDED for what exists, then live events.
            var fresh = try await cluster.stream("/api/v1/namespaces/ci/configmaps?watch=true&resourceVersion=0")
            #expect(try await fresh.nextEvent()?.object["metadata"].flatMap { string($0, "name") } == "one")
            #expect(try await fresh.nextEvent()?.type == "ADDED")

            // From the first object's version: only what came after it, then live.
            var resumed = try await cluster.stream("/api/v1/namespaces/ci/configmaps?watch=true&resourceVersion=\(first)")
            let replayed = try #require(try await resumed.nextEvent())
            #expect(replayed.type == "ADDED")
            #expect(string(replayed.object, "metadata", "name") == "two")
            #expect(string(replayed.object, "metadata", "resourceVersion") == second)

            _ = try await createConfigMap(cluster, "three")
            _ = try await cluster.delete("/api/v1/namespaces/ci/configmaps/one")
            let live = try #require(try await resumed.nextEvent())
            #expect(live.type == "ADDED")
            #expect(string(live.object, "metadata", "name") == "three")
            let gone = try #require(try await resumed.nextEvent())
            #expect(gone.type == "DELETED")
            #expect(string(gone.object, "metadata", "name") == "one")
            #expect(Int(string(gone.object, "metadata", "resourceVersion") ?? "")! > Int(string(live.object, "metadata", "resourceVersion") ?? "")!)

            let freshLive = try #require(try await fresh.nextEvent())
            #expect(string(freshLive.object, "metadata", "name") == "three")
        }
    }

    @Test func selectorsApplyToWatches() async throws {
        try await withCluster { cluster in
            var watch = try await cluster.stream("/api/v1/namespaces/ci/configmaps?watch=true&labelSelector=team%20in%20(a,b)")
            _ = try await createConfigMap(cluster, "skip", labels: ["team": "z"])
            _ = try await createConfigMap(cluster, "take", labels: ["team": "b"])
            let event = try #require(try await watch.nextEvent())
            #expect(string(event.object, "metadata", "name") == "take")

            var byName = try await cluster.stream("/api/v1/namespaces/ci/configmaps?watch=true&fieldSelector=metadata.name%3Dskip")
            let only = try #require(try await byName.nextEvent())
            #expect(only.type == "ADDED")
            #expect(string(only.object, "metadata", "name") == "skip")

            var single = try await cluster.stream("/api/v1/watch/namespaces/ci/configmaps/take")
            let taken = try #require(try await single.nextEvent())
            #expect(string(taken.object, "metadata", "name") == "take")
            _ = try await cluster.delete("/api/v1/namespaces/ci/configmaps/skip")
            _ = try await cluster.delete("/api/v1/namespaces/ci/configmaps/take")
            let deleted = try #require(try await single.nextEvent())
            #expect(deleted.type == "DELETED")
            #expect(string(deleted.object, "metadata", "name") == "take")
        }
    }

    @Test func expiredResourceVersionAsHTTPStatusAndAsErrorEvent() async throws {
        try await withCluster { cluster in
            cluster.faults.expireNextWatch(asHTTPStatus: true)
            let status = try await cluster.get("/apis/batch/v1/namespaces/ci/jobs?watch=true&resourceVersion=5")
            #expect(status.status == 410)
            #expect(string(status.json, "reason") == "Expired")
            #expect(int(status.json, "code") == 410)
            #expect((string(status.json, "message") ?? "").hasPrefix("too old resource version: 5 ("))

            cluster.faults.expireNextWatch(asHTTPStatus: false)
            var stream = try await cluster.stream("/apis/batch/v1/namespaces/ci/jobs?watch=true&resourceVersion=5")
            #expect(stream.status == 200)
            let event = try #require(try await stream.nextEvent())
            #expect(event.type == "ERROR")
            #expect(string(event.object, "kind") == "Status")
            #expect(int(event.object, "code") == 410)
            #expect(string(event.object, "reason") == "Expired")
            #expect(try await stream.nextLine() == nil, "the stream ends after the ERROR event")

            // Faults are one-shot: the next watch works.
            var normal = try await cluster.stream("/apis/batch/v1/namespaces/ci/jobs?watch=true&timeoutSeconds=1")
            #expect(normal.status == 200)
            #expect(try await normal.nextLine() == nil)

            // A version that really has left the window of ~1000 events.
            let old = cluster.server.currentResourceVersion
            for index in 0..<1005 { cluster.server.addSecret(name: "s\(index)", namespace: "ci", data: ["k": Data()]) }
            var expired = try await cluster.stream("/api/v1/namespaces/ci/configmaps?watch=true&resourceVersion=\(old)")
            let error = try #require(try await expired.nextEvent())
            #expect(error.type == "ERROR")
            #expect(int(error.object, "code") == 410)
            #expect((string(error.object, "message") ?? "").hasPrefix("too old resource version: \(old) ("))
            let recent = cluster.server.currentResourceVersion - 10
            var resumable = try await cluster.stream("/api/v1/namespaces/ci/secrets?watch=true&resourceVersion=\(recent)")
            #expect(try await resumable.nextEvent()?.type == "ADDED")
        }
    }

    @Test func bookmarksArriveAtTheIntervalAndTimeoutEndsTheStreamCleanly() async throws {
        try await withCluster({ options, _ in options.bookmarkInterval = 0.2 }) { cluster in
            _ = try await createConfigMap(cluster, "present")
            let started = Date()
            var watch = try await cluster.stream(
                "/apis/batch/v1/namespaces/ci/jobs?watch=true&allowWatchBookmarks=true&timeoutSeconds=1")
            var bookmarks: [[String: Any]] = []
            while let event = try await watch.nextEvent() {
                #expect(event.type == "BOOKMARK")
                bookmarks.append(event.object)
            }
            let elapsed = Date().timeIntervalSince(started)
            // Generous upper bound: the whole package's tests share two cores.
            #expect(elapsed >= 0.9 && elapsed < 10)
            #expect(bookmarks.count >= 2)
            #expect(string(bookmarks.first, "kind") == "Job")
            #expect(string(bookmarks.first, "apiVersion") == "batch/v1")
            #expect(Int(string(bookmarks.first, "metadata", "resourceVersion") ?? "") == cluster.server.currentResourceVersion)

            var without = try await cluster.stream("/apis/batch/v1/namespaces/ci/jobs?watch=true&timeoutSeconds=1")
            #expect(try await without.nextLine() == nil, "no bookmarks unless allowed")
        }
    }

    @Test func droppedWatchIsCutAbruptlyAfterTheGivenNumberOfEvents() async throws {
        try await withCluster { cluster in
            _ = try await createConfigMap(cluster, "a")
            _ = try await createConfigMap(cluster, "b")
            _ = try await createConfigMap(cluster, "c")
            cluster.faults.dropWatchesAfter(events: 2)
            var watch = try await cluster.stream("/api/v1/namespaces/ci/configmaps?watch=true")
            // The client may surface the cut before the events it had buffered (async-http-client
            // fails the body stream as soon as the connection ends), so what arrives is a prefix of
            // the two events, never a third, and the stream always ends in an error, never cleanly.
            var types: [String] = []
            var cut = false
            do {
                while let event = try await watch.nextEvent() { types.append(event.type) }
            } catch {
                cut = true
            }
            #expect(cut, "the connection is cut without the terminating chunk")
            #expect(types.count <= 2 && types.allSatisfy { $0 == "ADDED" }, "\(types)")
            cluster.faults.dropWatchesAfterEvents = nil
            var healthy = try await cluster.stream("/api/v1/namespaces/ci/configmaps?watch=true&timeoutSeconds=1")
            var count = 0
            while try await healthy.nextEvent() != nil { count += 1 }
            #expect(count == 3)
        }
    }
}
