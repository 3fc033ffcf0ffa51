import FakeKubernetes
import Foundation
import Testing

/// Init containers as Kubernetes runs them (https://kubernetes.io/docs/concepts/workloads/pods/init-containers/):
/// one at a time, in order, to completion before the regular container; their own statuses, logs and mounts.
@Suite("Kubelet: init containers", .timeLimit(.minutes(5)))
struct InitContainerTests {
    private static func container(_ name: String, _ script: String, mounts: [[String: Any]] = [], env: [[String: Any]] = []) -> [String: Any] {
        ["name": name, "image": "alpine:3.20", "command": ["/bin/sh", "-c", script], "volumeMounts": mounts, "env": env]
    }

    private static func statuses(_ pod: [String: Any], _ key: String) -> [[String: Any]] {
        value(pod, "status", key) as? [[String: Any]] ?? []
    }

    /// `running`, `terminated`, `waiting:<reason>` for each of `statuses`.
    private static func states(_ statuses: [[String: Any]]) -> [String] {
        statuses.map { status in
            let state = status["state"] as? [String: Any] ?? [:]
            if state["running"] != nil { return "running" }
            if let terminated = state["terminated"] as? [String: Any] { return "terminated:\(int(terminated, "exitCode") ?? -1)" }
            return "waiting:\(string(state, "waiting", "reason") ?? "")"
        }
    }

    @Test func initContainersRunOneAtATimeInOrderBeforeTheRegularContainer() async throws {
        try await withCluster { cluster in
            var watch = try await cluster.stream("/api/v1/namespaces/ci/pods?watch=true&labelSelector=job-name%3Dordered")
            let shared: [[String: Any]] = [["name": "shared", "mountPath": "/shared"]]
            let order: [[String: Any]] = [["name": "ORDER", "value": "/shared/order"]]
            try await cluster.createJob("ordered", script: "echo main >> \"$ORDER\"; cat \"$ORDER\"") { job in
                let spec = ["spec", "template", "spec"]
                setValue(&job, spec + ["initContainers"], [
                    Self.container("first", "sleep 0.3; echo first >> \"$ORDER\"; echo first-log", mounts: shared, env: order),
                    Self.container("second", "sleep 0.3; echo second >> \"$ORDER\"", mounts: shared, env: order),
                ])
                setValue(&job, spec + ["containers", "0", "volumeMounts"], shared)
                setValue(&job, spec + ["containers", "0", "env"], order)
                setValue(&job, spec + ["volumes"], [["name": "shared", "emptyDir": [:]]])
            }
            // Every state the pod went through, as (phase, Initialized, init states, regular state).
            var seen: [String] = []
            while let event = try await watch.nextEvent() {
                let pod = event.object
                let initialized = condition(pod, "Initialized")
                let line = [string(pod, "status", "phase") ?? "",
                            "\(string(initialized, "status") ?? "-")/\(string(initialized, "reason") ?? "")",
                            Self.states(Self.statuses(pod, "initContainerStatuses")).joined(separator: ","),
                            Self.states(Self.statuses(pod, "containerStatuses")).joined(separator: ",")].joined(separator: " ")
                if seen.last != line { seen.append(line) }
                if string(pod, "status", "phase") == "Succeeded" { break }
            }
            let expected = [
                "Pending False/ContainersNotInitialized waiting:PodInitializing,waiting:PodInitializing waiting:PodInitializing",
                "Pending False/ContainersNotInitialized running,waiting:PodInitializing waiting:PodInitializing",
                "Pending False/ContainersNotInitialized terminated:0,waiting:PodInitializing waiting:PodInitializing",
                "Pending False/ContainersNotInitialized terminated:0,running waiting:PodInitializing",
                "Pending False/ContainersNotInitialized terminated:0,terminated:0 waiting:PodInitializing",
                "Pending True/ terminated:0,terminated:0 waiting:PodInitializing",
                "Running True/ terminated:0,terminated:0 running",
                "Succeeded True/ terminated:0,terminated:0 terminated:0",
            ]
            // The pod is created without statuses; everything after scheduling must be exactly this.
            #expect(Array(seen.drop { !$0.contains("PodInitializing") }) == expected, "\(seen.joined(separator: "\n"))")

            let pod = try #require(cluster.podOfJob("ordered"))
            let podName = try #require(string(pod, "metadata", "name"))
            #expect(string(condition(pod, "Initialized"), "status") == "True")
            let initStatuses = Self.statuses(pod, "initContainerStatuses")
            #expect(initStatuses.map { $0["name"] as? String } == ["first", "second"])
            #expect(initStatuses.allSatisfy { string($0, "state", "terminated", "reason") == "Completed" && $0["ready"] as? Bool == true })
            #expect(initStatuses.allSatisfy { string($0, "containerID")?.hasPrefix("containerd://") == true })
            #expect(Set(initStatuses.compactMap { $0["containerID"] as? String }).count == 2)
            // Each wrote after the one before had finished; the regular container after both.
            let main = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=main")
            #expect(main.text == "first\nsecond\nmain\n")
            let first = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=first")
            #expect(first.text == "first-log\n")
            let second = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=second")
            #expect(second.status == 200)
            #expect(second.text.isEmpty)
            // Without a container name, the one regular container is meant (as the API server does).
            let unnamed = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log")
            #expect(unnamed.text == "first\nsecond\nmain\n")
            #expect(cluster.server.podLog(pod: podName, namespace: "ci", container: "first") == "first-log\n")
        }
    }

    @Test func aFailedInitContainerFailsThePodAndNothingAfterItStarts() async throws {
        try await withCluster { cluster in
            let marker = cluster.directory.appendingPathComponent("ran")
            try await cluster.createJob("init-fails", script: "touch \(marker.path)-main") { job in
                setValue(&job, ["spec", "template", "spec", "initContainers"], [
                    Self.container("checkout", "echo cannot fetch; exit 98"),
                    Self.container("later", "touch \(marker.path)-later"),
                ])
            }
            try await cluster.eventually("job failed") {
                cluster.server.jobs(namespace: "ci").first.map { condition($0, "Failed") != nil } ?? false
            }
            let job = try #require(cluster.server.jobs(namespace: "ci").first)
            #expect(string(condition(job, "Failed"), "reason") == "BackoffLimitExceeded")
            let pod = try #require(cluster.podOfJob("init-fails"))
            let podName = try #require(string(pod, "metadata", "name"))
            #expect(string(pod, "status", "phase") == "Failed")
            #expect(string(condition(pod, "Initialized"), "status") == "False")
            #expect(string(condition(pod, "Initialized"), "reason") == "ContainersNotInitialized")
            let initStatuses = Self.statuses(pod, "initContainerStatuses")
            #expect(Self.states(initStatuses) == ["terminated:98", "waiting:PodInitializing"])
            #expect(string(initStatuses.first, "state", "terminated", "reason") == "Error")
            #expect(Self.states(Self.statuses(pod, "containerStatuses")) == ["waiting:PodInitializing"])
            #expect(!FileManager.default.fileExists(atPath: marker.path + "-main"), "the regular container must never start")
            #expect(!FileManager.default.fileExists(atPath: marker.path + "-later"), "init containers after a failed one must never start")

            let failedLog = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=checkout")
            #expect(failedLog.text == "cannot fetch\n")
            let mainLog = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=main&follow=true")
            #expect(mainLog.status == 400)
            #expect(string(mainLog.json, "message") == "container \"main\" in pod \"\(podName)\" is waiting to start: PodInitializing")
            let unknown = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=nope")
            #expect(unknown.status == 400)
        }
    }

    @Test func aRunningInitContainersLogIsFollowedWhileTheRegularContainerWaits() async throws {
        try await withCluster { cluster in
            try await cluster.createJob("follow-init", script: "echo main ran") { job in
                setValue(&job, ["spec", "template", "spec", "initContainers"], [
                    Self.container("waits", "echo before; while [ ! -e \"$HOME/go\" ]; do sleep 0.02; done; echo after"),
                ])
            }
            try await cluster.eventually("init container running") {
                cluster.podOfJob("follow-init").map { Self.states(Self.statuses($0, "initContainerStatuses")) == ["running"] } ?? false
            }
            let pod = try #require(cluster.podOfJob("follow-init"))
            let podName = try #require(string(pod, "metadata", "name"))
            #expect(string(pod, "status", "phase") == "Pending")
            let early = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=main")
            #expect(early.status == 400)
            #expect(early.text.contains("is waiting to start: PodInitializing"))

            var log = try await cluster.stream("/api/v1/namespaces/ci/pods/\(podName)/log?container=waits&follow=true")
            #expect(log.status == 200)
            var received = ""
            while !received.contains("before\n") { received += try await log.nextText() ?? "" }
            // HOME is the container's own /root.
            let root = try #require(cluster.server.containerFilesystem(pod: podName, namespace: "ci", container: "waits"))
            try Data().write(to: root.appendingPathComponent("root/go"))
            while let more = try await log.nextText() { received += more }
            #expect(received == "before\nafter\n", "the stream ends once the init container has exited")
            try await cluster.eventually("pod succeeded") { string(cluster.podOfJob("follow-init"), "status", "phase") == "Succeeded" }
            let main = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=main")
            #expect(main.text == "main ran\n")
        }
    }

    @Test func eachContainerSeesOnlyItsOwnMountsAndSharedVolumesAreOneStorage() async throws {
        try await withCluster { cluster in
            cluster.server.addSecret(name: "creds", namespace: "ci", data: ["token": Data("tok-4711".utf8)])
            // The regular container searches everything under its `/` (following the mount links) for the token.
            let search = """
                root="${HOME%/root}"
                echo "note: $(cat "$DATA/note")"
                echo "files: $(find -L "$root" -type f | wc -l)"
                if grep -rqF -R "tok-""4711" "$root"; then echo "token: found"; else echo "token: absent"; fi
                if [ -e "$root/secret" ] || [ -e "$root/checkout" ]; then echo "mounts: leaked"; else echo "mounts: own"; fi
                """
            try await cluster.createJob("mounts", script: search) { job in
                let spec = ["spec", "template", "spec"]
                setValue(&job, spec + ["initContainers"], [
                    Self.container("checkout", "cp \"$SECRET/token\" \"$HOME/copied\" && echo from-init > \"$WORK/note\"",
                                   mounts: [["name": "creds", "mountPath": "/secret", "readOnly": true],
                                            ["name": "work", "mountPath": "/checkout"]],
                                   env: [["name": "SECRET", "value": "/secret"], ["name": "WORK", "value": "/checkout"]]),
                ])
                // The same emptyDir, at another path in the regular container.
                setValue(&job, spec + ["containers", "0", "volumeMounts"], [["name": "work", "mountPath": "/data"]])
                setValue(&job, spec + ["containers", "0", "env"], [["name": "DATA", "value": "/data"]])
                setValue(&job, spec + ["volumes"], [["name": "creds", "secret": ["secretName": "creds"]], ["name": "work", "emptyDir": [:]]])
            }
            try await cluster.eventually("job complete") {
                cluster.server.jobs(namespace: "ci").first.map { condition($0, "Complete") != nil } ?? false
            }
            let podName = try #require(string(cluster.podOfJob("mounts"), "metadata", "name"))
            let log = cluster.server.podLog(pod: podName, namespace: "ci") ?? ""
            #expect(log.contains("note: from-init\n"), "\(log)")
            #expect(log.contains("token: absent\n"), "\(log)")
            #expect(log.contains("mounts: own\n"), "\(log)")
            let files = log.split(separator: "\n").first { $0.hasPrefix("files: ") }.flatMap { Int($0.dropFirst("files: ".count).trimmingCharacters(in: .whitespaces)) }
            #expect((files ?? 0) >= 1, "the search must have looked at the shared volume's file: \(log)")

            // From outside: the init container's `/` has the secret and its HOME; the regular container's has neither.
            let initRoot = try #require(cluster.server.containerFilesystem(pod: podName, namespace: "ci", container: "checkout"))
            let mainRoot = try #require(cluster.server.containerFilesystem(pod: podName, namespace: "ci"))
            #expect(initRoot != mainRoot)
            #expect(try String(contentsOf: initRoot.appendingPathComponent("secret/token"), encoding: .utf8) == "tok-4711")
            #expect(try String(contentsOf: initRoot.appendingPathComponent("root/copied"), encoding: .utf8) == "tok-4711")
            #expect(try String(contentsOf: mainRoot.appendingPathComponent("data/note"), encoding: .utf8) == "from-init\n")
            #expect(!FileManager.default.fileExists(atPath: mainRoot.appendingPathComponent("secret").path))
            #expect(!FileManager.default.fileExists(atPath: mainRoot.appendingPathComponent("root/copied").path))
            #expect(try Self.filesContaining("tok-4711", under: mainRoot).isEmpty)
            #expect(try Self.filesContaining("tok-4711", under: initRoot).count == 2)
        }
    }

    /// Every regular file under `directory` (following links, as a process in the container would) whose bytes contain `needle`.
    private static func filesContaining(_ needle: String, under directory: URL) throws -> [String] {
        var found: [String] = []
        var pending = [directory.resolvingSymlinksInPath()]
        var visited: Set<String> = []
        while let current = pending.popLast() {
            guard visited.insert(current.path).inserted else { continue }
            for name in try FileManager.default.contentsOfDirectory(atPath: current.path) {
                let item = current.appendingPathComponent(name).resolvingSymlinksInPath()
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: item.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(item)
                } else if let data = FileManager.default.contents(atPath: item.path), data.range(of: Data(needle.utf8)) != nil {
                    found.append(item.path)
                }
            }
        }
        return found
    }
}
