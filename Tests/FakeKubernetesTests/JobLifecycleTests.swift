import FakeKubernetes
import Foundation
import Testing

@Suite("Job controller and kubelet", .timeLimit(.minutes(5)))
struct JobLifecycleTests {
    @Test func failingJobReportsFailureTargetThenFailedToAWatchFromItsResourceVersion() async throws {
        try await withCluster { cluster in
            let created = try await cluster.createJob("fails", script: "echo hello; exit 3")
            let resourceVersion = try #require(string(created, "metadata", "resourceVersion"))
            #expect(string(created, "kind") == "Job")
            #expect(!(string(created, "metadata", "uid") ?? "").isEmpty)
            #expect(string(created, "metadata", "namespace") == "ci")

            var watch = try await cluster.stream(
                "/apis/batch/v1/namespaces/ci/jobs?watch=true&resourceVersion=\(resourceVersion)&fieldSelector=metadata.name%3Dfails")
            #expect(watch.status == 200)
            #expect(watch.header("Content-Type") == "application/json")
            #expect(watch.header("Transfer-Encoding") == "chunked")
            var sawFailureTargetAlone = false
            var lastVersion = Int(resourceVersion)!
            var final: [String: Any]?
            while let event = try await watch.nextEvent() {
                #expect(event.type == "MODIFIED")
                let version = Int(string(event.object, "metadata", "resourceVersion") ?? "") ?? 0
                #expect(version > lastVersion)
                lastVersion = version
                let types = conditionTypes(event.object)
                if types == ["FailureTarget"] { sawFailureTargetAlone = true }
                if types.contains("Failed") {
                    final = event.object
                    break
                }
            }
            #expect(sawFailureTargetAlone, "FailureTarget must come as its own event before Failed")
            let job = try #require(final)
            #expect(conditionTypes(job) == ["FailureTarget", "Failed"])
            let failed = try #require(condition(job, "Failed"))
            #expect(failed["status"] as? String == "True")
            #expect(failed["reason"] as? String == "BackoffLimitExceeded")
            #expect(failed["message"] as? String == "Job has reached the specified backoff limit")
            #expect(failed["lastTransitionTime"] is String)
            #expect(failed.keys.contains("lastProbeTime"))
            #expect(int(job, "status", "failed") == 1)
            #expect(int(job, "status", "active") == 0)
            #expect(string(job, "status", "startTime") != nil)

            let pod = try #require(cluster.podOfJob("fails"))
            #expect(string(pod, "status", "phase") == "Failed")
            #expect(int(pod, "status", "containerStatuses", "0", "state", "terminated", "exitCode") == 3)
            #expect(string(pod, "status", "containerStatuses", "0", "state", "terminated", "reason") == "Error")
            let podName = try #require(string(pod, "metadata", "name"))
            let log = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=main")
            #expect(log.status == 200)
            #expect(log.text == "hello\n")
        }
    }

    @Test func succeedingJobReportsSuccessCriteriaMetBeforeComplete() async throws {
        try await withCluster { cluster in
            var watch = try await cluster.stream("/apis/batch/v1/namespaces/ci/jobs?watch=1")
            let created = try await cluster.createJob("works", script: "echo done")
            let uid = try #require(string(created, "metadata", "uid"))

            var types: [[String]] = []
            var final: [String: Any]?
            while let event = try await watch.nextEvent() {
                types.append(conditionTypes(event.object))
                if conditionTypes(event.object).contains("Complete") {
                    final = event.object
                    break
                }
            }
            let job = try #require(final)
            #expect(types.first == [], "first event is the ADDED Job without conditions")
            let firstSuccess = try #require(types.firstIndex(of: ["SuccessCriteriaMet"]))
            #expect(types.last == ["SuccessCriteriaMet", "Complete"])
            #expect(firstSuccess < types.count - 1)
            #expect(string(condition(job, "Complete"), "reason") == "CompletionsReached")
            #expect(string(condition(job, "SuccessCriteriaMet"), "reason") == "CompletionsReached")
            #expect(int(job, "status", "succeeded") == 1)
            #expect(int(job, "status", "active") == 0)
            #expect(string(job, "status", "completionTime") != nil)

            // The labels and selector the Job controller adds, and the pod it created.
            for (key, expected) in ["batch.kubernetes.io/controller-uid": uid, "controller-uid": uid,
                                    "batch.kubernetes.io/job-name": "works", "job-name": "works"] {
                #expect(labels(job)[key] == expected)
                #expect(string(job, "spec", "template", "metadata", "labels", key) == expected)
            }
            #expect(string(job, "spec", "selector", "matchLabels", "batch.kubernetes.io/controller-uid") == uid)
            let pod = try #require(cluster.podOfJob("works"))
            let podName = string(pod, "metadata", "name") ?? ""
            #expect(podName.range(of: "^works-[a-z0-9]{5}$", options: .regularExpression) != nil)
            #expect(string(pod, "metadata", "ownerReferences", "0", "uid") == uid)
            #expect(string(pod, "metadata", "ownerReferences", "0", "kind") == "Job")
            #expect(string(pod, "status", "phase") == "Succeeded")
            #expect(string(pod, "status", "containerStatuses", "0", "state", "terminated", "reason") == "Completed")
            #expect(cluster.server.jobsCreated == 1)
        }
    }

    @Test func podGoesThroughPendingRunningAndSucceededWithConditions() async throws {
        try await withCluster { cluster in
            var watch = try await cluster.stream("/api/v1/namespaces/ci/pods?watch=true&labelSelector=job-name%3Dphases")
            try await cluster.createJob("phases", script: "sleep 0.2")
            var phases: [String] = []
            var sawRunningReady = false
            while let event = try await watch.nextEvent() {
                let phase = string(event.object, "status", "phase") ?? ""
                if phases.last != phase { phases.append(phase) }
                if phase == "Running" {
                    #expect(string(condition(event.object, "Ready"), "status") == "True")
                    #expect(value(event.object, "status", "containerStatuses", "0", "ready") as? Bool == true)
                    #expect(int(event.object, "status", "containerStatuses", "0", "restartCount") == 0)
                    #expect(string(event.object, "status", "containerStatuses", "0", "state", "running", "startedAt") != nil)
                    sawRunningReady = true
                }
                if phase == "Succeeded" { break }
            }
            #expect(phases == ["Pending", "Running", "Succeeded"])
            #expect(sawRunningReady)
        }
    }

    @Test func backgroundDeletionKillsThePodWhileOrphanLeavesItRunning() async throws {
        try await withCluster { cluster in
            let marker = cluster.directory.appendingPathComponent("pids")
            try FileManager.default.createDirectory(at: marker, withIntermediateDirectories: true)
            // `$$` is Kubernetes' escape for `$` in command and args, so the shell's `$$` is written `$$$$`.
            for name in ["background", "orphan", "elsewhere"] {
                try await cluster.createJob(name, script: "echo $$$$ > \(marker.path)/\(name); exec sleep 300")
            }
            func pid(_ name: String) -> Int32? {
                (try? String(contentsOf: marker.appendingPathComponent(name), encoding: .utf8))
                    .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            }
            try await cluster.eventually("all three containers running") {
                pid("background") != nil && pid("orphan") != nil && pid("elsewhere") != nil
            }

            var podWatch = try await cluster.stream("/api/v1/namespaces/ci/pods?watch=true&labelSelector=job-name%3Dbackground&resourceVersion=\(cluster.server.currentResourceVersion)")
            let deleted = try await cluster.delete("/apis/batch/v1/namespaces/ci/jobs/background?propagationPolicy=Background")
            #expect(deleted.status == 200)
            #expect(string(deleted.json, "kind") == "Status")
            #expect(string(deleted.json, "status") == "Success")
            #expect(string(deleted.json, "details", "name") == "background")
            var sawDeleted = false
            while let event = try await podWatch.nextEvent() {
                if event.type == "DELETED" {
                    sawDeleted = true
                    break
                }
            }
            #expect(sawDeleted)
            let backgroundPID = try #require(pid("background"))
            try await cluster.eventually("background container killed") { processIsGone(backgroundPID) }

            let orphaned = try await cluster.request(.DELETE, "/apis/batch/v1/namespaces/ci/jobs/orphan")
            #expect(orphaned.status == 200)
            #expect((value(orphaned.json, "metadata", "finalizers") as? [String]) == ["orphan"])
            try await cluster.eventually("orphaned job removed") {
                cluster.server.jobs(namespace: "ci").allSatisfy { string($0, "metadata", "name") != "orphan" }
            }
            let orphanPod = try #require(cluster.podOfJob("orphan"))
            #expect(value(orphanPod, "metadata", "ownerReferences") == nil)
            #expect(string(orphanPod, "status", "phase") == "Running")
            let orphanPID = try #require(pid("orphan"))
            #expect(!processIsGone(orphanPID))

            cluster.server.deleteJobAsSomeoneElse(name: "elsewhere", namespace: "ci")
            #expect(cluster.server.jobs(namespace: "ci").allSatisfy { string($0, "metadata", "name") != "elsewhere" })
            try await cluster.eventually("pod of the job deleted elsewhere removed") { cluster.podOfJob("elsewhere") == nil }
            let elsewherePID = try #require(pid("elsewhere"))
            #expect(processIsGone(elsewherePID))

            try await cluster.server.shutdown()
            #expect(processIsGone(orphanPID), "shutdown must kill every container")
        }
    }

    @Test func foregroundDeletionRemovesThePodsBeforeTheJob() async throws {
        try await withCluster { cluster in
            try await cluster.createJob("fg", script: "exec sleep 300")
            try await cluster.eventually("running") { string(cluster.podOfJob("fg"), "status", "phase") == "Running" }
            var watch = try await cluster.stream("/apis/batch/v1/namespaces/ci/jobs?watch=true&resourceVersion=\(cluster.server.currentResourceVersion)")
            var pods = try await cluster.stream("/api/v1/namespaces/ci/pods?watch=true&resourceVersion=\(cluster.server.currentResourceVersion)")
            let response = try await cluster.request(.DELETE, "/apis/batch/v1/namespaces/ci/jobs/fg",
                                                    json: ["kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Foreground"])
            #expect(response.status == 200)
            #expect(string(response.json, "kind") == "Job")
            #expect(string(response.json, "metadata", "deletionTimestamp") != nil)
            #expect((value(response.json, "metadata", "finalizers") as? [String]) == ["foregroundDeletion"])
            var podDeletedVersion: Int?
            while let event = try await pods.nextEvent() {
                if event.type == "DELETED" {
                    podDeletedVersion = Int(string(event.object, "metadata", "resourceVersion") ?? "")
                    break
                }
            }
            var jobDeletedVersion: Int?
            while let event = try await watch.nextEvent() {
                if event.type == "DELETED" {
                    jobDeletedVersion = Int(string(event.object, "metadata", "resourceVersion") ?? "")
                    break
                }
            }
            let podVersion = try #require(podDeletedVersion)
            let jobVersion = try #require(jobDeletedVersion)
            #expect(jobVersion > podVersion, "the Job goes after its pod")
            #expect(cluster.server.jobs(namespace: "ci").isEmpty)
            #expect(cluster.server.pods(namespace: "ci").isEmpty)
        }
    }

    @Test func finishedJobWithTTLIsDeletedWithItsPods() async throws {
        try await withCluster { cluster in
            try await cluster.createJob("ttl", script: "true") { job in
                setValue(&job, ["spec", "ttlSecondsAfterFinished"], 0)
            }
            try await cluster.eventually("job and pod cleaned up") {
                cluster.server.jobs(namespace: "ci").isEmpty && cluster.server.pods(namespace: "ci").isEmpty
            }
            #expect(cluster.server.jobsCreated == 1)
        }
    }

    @Test func missingExecutableIsAStartError() async throws {
        try await withCluster { cluster in
            try await cluster.createJob("nocmd", script: "") { job in
                setValue(&job, ["spec", "template", "spec", "containers", "0", "command"], ["definitely-not-a-command-xyz"])
            }
            try await cluster.eventually("job failed") {
                condition(cluster.server.jobs(namespace: "ci").first ?? [:], "Failed") != nil
            }
            let pod = try #require(cluster.podOfJob("nocmd"))
            #expect(string(pod, "status", "containerStatuses", "0", "state", "terminated", "reason") == "StartError")
            #expect(int(pod, "status", "containerStatuses", "0", "state", "terminated", "exitCode") == 128)
            #expect((string(pod, "status", "containerStatuses", "0", "state", "terminated", "message") ?? "")
                .contains("exec: \"definitely-not-a-command-xyz\": executable file not found in $PATH"))
        }
    }

    @Test func backoffLimitRetriesWithANewPod() async throws {
        try await withCluster { cluster in
            try await cluster.createJob("retry", script: "exit 1") { job in
                setValue(&job, ["spec", "backoffLimit"], 1)
            }
            try await cluster.eventually("job failed after two pods") {
                cluster.server.jobs(namespace: "ci").first.map { condition($0, "Failed") != nil } ?? false
            }
            let job = try #require(cluster.server.jobs(namespace: "ci").first)
            #expect(int(job, "status", "failed") == 2)
            #expect(cluster.server.pods(namespace: "ci").count == 2)
        }
    }
}
