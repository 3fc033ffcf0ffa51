import FakeKubernetes
import Foundation
import Testing

@Suite("Kubelet: processes, logs, volumes, faults", .timeLimit(.minutes(5)))
struct KubeletTests {
    @Test func followingALogReceivesOutputProducedAfterTheRequestStarted() async throws {
        try await withCluster { cluster in
            try await cluster.createJob("chatty", script: "echo first; while [ ! -e \"$SIGNAL/go\" ]; do sleep 0.02; done; echo second; exit 0") { job in
                setValue(&job, ["spec", "template", "spec", "containers", "0", "env"], [["name": "SIGNAL", "value": "/signal"]])
                setValue(&job, ["spec", "template", "spec", "containers", "0", "volumeMounts"], [["name": "signal", "mountPath": "/signal"]])
                setValue(&job, ["spec", "template", "spec", "volumes"], [["name": "signal", "emptyDir": [:]]])
            }
            try await cluster.eventually("pod running") { string(cluster.podOfJob("chatty"), "status", "phase") == "Running" }
            let podName = try #require(string(cluster.podOfJob("chatty"), "metadata", "name"))
            var log = try await cluster.stream("/api/v1/namespaces/ci/pods/\(podName)/log?container=main&follow=true")
            #expect(log.status == 200)
            #expect(log.header("Content-Type")?.hasPrefix("text/plain") == true)
            var received = ""
            while !received.contains("first\n") { received += try await log.nextText() ?? "" }
            #expect(!received.contains("second"))

            let root = try #require(cluster.server.containerFilesystem(pod: podName, namespace: "ci"))
            try Data().write(to: root.appendingPathComponent("signal/go"))
            while let more = try await log.nextText() { received += more }
            #expect(received == "first\nsecond\n", "the stream ends once the container has exited")
            #expect(string(cluster.podOfJob("chatty"), "status", "phase") == "Succeeded")

            let whole = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log")
            #expect(whole.text == "first\nsecond\n")
            let tail = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?tailLines=1")
            #expect(tail.text == "second\n")
            let stamped = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?timestamps=true")
            let lines = stamped.text.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z (first|second)$"#, options: .regularExpression) != nil })
            let wrongContainer = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=sidecar")
            #expect(wrongContainer.status == 400)
        }
    }

    @Test func configMapAndSecretVolumesAreMaterialisedAndEnvPathsRewritten() async throws {
        try await withCluster { cluster in
            let blob = Data([0x00, 0x01, 0xFE, 0xFF, 0x0A])
            let configMap = try await cluster.post("/api/v1/namespaces/ci/configmaps", [
                "metadata": ["name": "inputs"],
                "data": ["greeting.txt": "hello from data"],
                "binaryData": ["blob.bin": blob.base64EncodedString(), "renamed.bin": Data("x".utf8).base64EncodedString()],
            ])
            #expect(configMap.status == 201)
            cluster.server.addSecret(name: "creds", namespace: "ci", data: ["token": Data("tok-123".utf8), "file.key": Data("key-data".utf8)])
            let script = """
                cat "$INPUT/greeting.txt"; echo
                mkdir -p "$OUTPUT" && cp "$INPUT/blob.bin" "$OUTPUT/copy.bin"
                echo "input=$INPUT"
                echo "token=$TOKEN"
                echo "pwd=$(pwd)"
                cat /dev/null "$CREDS/file.key"; echo
                ls "$INPUT"
                """
            try await cluster.createJob("volumes", script: script) { job in
                let containerPath = ["spec", "template", "spec", "containers", "0"]
                setValue(&job, containerPath + ["env"], [
                    ["name": "INPUT", "value": "/etc/greenlight"],
                    ["name": "OUTPUT", "value": "/work/out"],
                    ["name": "CREDS", "value": "/var/creds"],
                    ["name": "TOKEN", "valueFrom": ["secretKeyRef": ["name": "creds", "key": "token"]]],
                ])
                setValue(&job, containerPath + ["workingDir"], "/work")
                setValue(&job, containerPath + ["volumeMounts"], [
                    ["name": "inputs", "mountPath": "/etc/greenlight"],
                    ["name": "work", "mountPath": "/work"],
                    ["name": "creds", "mountPath": "/var/creds", "readOnly": true],
                ])
                setValue(&job, ["spec", "template", "spec", "volumes"], [
                    ["name": "inputs", "configMap": ["name": "inputs",
                                                     "items": [["key": "greeting.txt", "path": "greeting.txt"], ["key": "blob.bin", "path": "blob.bin"]]]],
                    ["name": "work", "emptyDir": [:]],
                    ["name": "creds", "secret": ["secretName": "creds"]],
                ])
            }
            try await cluster.eventually("job complete") {
                cluster.server.jobs(namespace: "ci").first.map { condition($0, "Complete") != nil } ?? false
            }
            let pod = try #require(cluster.podOfJob("volumes"))
            let podName = try #require(string(pod, "metadata", "name"))
            let sandbox = try #require(cluster.server.sandboxDirectory(pod: podName, namespace: "ci"))
            let root = try #require(cluster.server.containerFilesystem(pod: podName, namespace: "ci", container: "main"))
            let log = cluster.server.podLog(pod: podName, namespace: "ci") ?? ""
            #expect(sandbox.path.hasPrefix(cluster.directory.appendingPathComponent("pods").path))
            #expect(root.path.hasPrefix(sandbox.path))
            #expect(log.contains("hello from data\n"))
            #expect(log.contains("input=\(root.path)/etc/greenlight\n"))
            #expect(log.contains("token=tok-123\n"))
            #expect(log.contains("pwd=\(root.path)/work\n"))
            #expect(log.contains("key-data\n"))
            #expect(log.hasSuffix("blob.bin\ngreeting.txt\n"), "items limit the keys: \(log)")
            let copied = try Data(contentsOf: root.appendingPathComponent("work/out/copy.bin"))
            #expect(copied == blob)
            let mounted = try Data(contentsOf: root.appendingPathComponent("etc/greenlight/blob.bin"))
            #expect(mounted == blob)
        }
    }

    @Test func activeDeadlineKillsTheRunningContainer() async throws {
        try await withCluster { cluster in
            let pidFile = cluster.directory.appendingPathComponent("deadline.pid")
            var watch = try await cluster.stream("/apis/batch/v1/namespaces/ci/jobs?watch=true")
            try await cluster.createJob("slow", script: "echo $$$$ > \(pidFile.path); exec sleep 300") { job in
                setValue(&job, ["spec", "activeDeadlineSeconds"], 2)
            }
            var sequence: [[String]] = []
            var final: [String: Any]?
            while let event = try await watch.nextEvent() {
                sequence.append(conditionTypes(event.object))
                if conditionTypes(event.object).contains("Failed") {
                    final = event.object
                    break
                }
            }
            #expect(sequence.contains(["FailureTarget"]))
            let job = try #require(final)
            #expect(string(condition(job, "FailureTarget"), "reason") == "DeadlineExceeded")
            #expect(string(condition(job, "Failed"), "reason") == "DeadlineExceeded")
            #expect(string(condition(job, "Failed"), "message") == "Job was active longer than specified deadline")
            #expect(int(job, "status", "active") == 0)
            #expect(int(job, "status", "failed") == 1)
            let pid = try #require(Int32((try String(contentsOf: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
            try await cluster.eventually("container killed") { processIsGone(pid) }
            #expect(cluster.podOfJob("slow") == nil, "the Job controller deletes the pods of a Job past its deadline")
        }
    }

    @Test func unschedulablePodStaysPendingUntilTheDeadline() async throws {
        try await withCluster { cluster in
            cluster.faults.unschedulable = true
            // No deadline on this one: the pending pod stays for as long as the test needs to look,
            // however long other suites keep this task from running.
            try await cluster.createJob("stuck", script: "echo never")
            try await cluster.eventually("PodScheduled False") { condition(cluster.podOfJob("stuck") ?? [:], "PodScheduled") != nil }
            let pod = try #require(cluster.podOfJob("stuck"))
            let scheduled = try #require(condition(pod, "PodScheduled"))
            #expect(scheduled["status"] as? String == "False")
            #expect(scheduled["reason"] as? String == "Unschedulable")
            #expect(scheduled["message"] as? String == "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.")
            #expect(string(pod, "status", "phase") == "Pending")

            let podName = try #require(string(pod, "metadata", "name"))
            let log = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log?container=main")
            #expect(log.status == 400)
            #expect(string(log.json, "message") == "container \"main\" in pod \"\(podName)\" is waiting to start: ContainerCreating")

            // A pod that never schedules still counts against the Job's deadline.
            try await cluster.createJob("stuck-deadline", script: "echo never") { job in
                setValue(&job, ["spec", "activeDeadlineSeconds"], 1)
            }
            func job(_ name: String) -> [String: Any] {
                cluster.server.jobs(namespace: "ci").first { string($0, "metadata", "name") == name } ?? [:]
            }
            try await cluster.eventually("deadline exceeded") {
                string(condition(job("stuck-deadline"), "Failed"), "reason") == "DeadlineExceeded"
            }
            #expect(cluster.podOfJob("stuck-deadline") == nil, "the pending pod is deleted with the deadline")
            #expect(condition(job("stuck"), "Failed") == nil)
            #expect(string(cluster.podOfJob("stuck"), "status", "phase") == "Pending")
        }
    }

    @Test func imagePullFailuresAndInvalidNamesNeverRun() async throws {
        try await withCluster { cluster in
            var watch = try await cluster.stream("/api/v1/namespaces/ci/pods?watch=true&labelSelector=job-name%3Dmissing-image")
            try await cluster.createJob("missing-image", script: "echo ran") { job in
                setValue(&job, ["spec", "template", "spec", "containers", "0", "image"], "registry.example/does-not-exist:1.0")
            }
            var reasons: [String] = []
            while let event = try await watch.nextEvent() {
                if let reason = string(event.object, "status", "containerStatuses", "0", "state", "waiting", "reason"),
                    reasons.last != reason
                {
                    reasons.append(reason)
                    if reason == "ErrImagePull" {
                        let message = string(event.object, "status", "containerStatuses", "0", "state", "waiting", "message") ?? ""
                        #expect(message.hasPrefix("rpc error:"))
                        #expect(message.hasSuffix("not found"))
                    }
                }
                if reasons.last == "ImagePullBackOff" { break }
            }
            #expect(reasons == ["ContainerCreating", "ErrImagePull", "ImagePullBackOff"])
            let podName = try #require(string(cluster.podOfJob("missing-image"), "metadata", "name"))
            let log = try await cluster.get("/api/v1/namespaces/ci/pods/\(podName)/log")
            #expect(log.status == 400)
            #expect((string(log.json, "message") ?? "").contains("is waiting to start"))

            try await cluster.createJob("shouty", script: "echo ran") { job in
                setValue(&job, ["spec", "template", "spec", "containers", "0", "image"], "Alpine:3")
            }
            try await cluster.eventually("InvalidImageName") {
                string(cluster.podOfJob("shouty"), "status", "containerStatuses", "0", "state", "waiting", "reason") == "InvalidImageName"
            }

            cluster.faults.imagePullFailure = true
            try await cluster.createJob("pull-fault", script: "echo ran")
            try await cluster.eventually("ImagePullBackOff by fault") {
                string(cluster.podOfJob("pull-fault"), "status", "containerStatuses", "0", "state", "waiting", "reason") == "ImagePullBackOff"
            }
            cluster.faults.imagePullFailure = false
            try await cluster.eventually("pull recovers once the fault is cleared") {
                string(cluster.podOfJob("pull-fault"), "status", "phase") == "Succeeded"
            }
            for name in ["missing-image", "shouty"] {
                #expect(string(cluster.podOfJob(name), "status", "phase") == "Pending")
                #expect(cluster.server.podLog(pod: string(cluster.podOfJob(name), "metadata", "name") ?? "", namespace: "ci") == nil)
            }
        }
    }

    /// A container inherits nothing of the test process beyond stdin, stdout and stderr: an
    /// inherited write end of another child's pipe once kept a test waiting for as long as the
    /// container slept (and with both cooperative threads waiting, the whole run stalled).
    @Test func aContainerInheritsNoOtherFileDescriptor() async throws {
        try await withCluster { cluster in
            var pipeEnds: [Int32] = [0, 0]
            #expect(pipe(&pipeEnds) == 0)
            defer { close(pipeEnds[0]); close(pipeEnds[1]) }
            // The shell lists its own descriptors with no pipeline of its own (a pipeline's ends
            // are briefly open in the shell while it forks, which a listing may catch), and
            // `; true` keeps it from handing its process to `ls`.
            try await cluster.createJob("fds", script: "ls /proc/$$$$/fd; true")
            try await cluster.eventually("job complete") {
                condition(cluster.server.jobs(namespace: "ci").first ?? [:], "Complete") != nil
            }
            let pod = try #require(string(cluster.podOfJob("fds"), "metadata", "name"))
            let log = try await cluster.get("/api/v1/namespaces/ci/pods/\(pod)/log")
            #expect(log.text == "0\n1\n2\n", "the container's descriptors: \(log.text) (the test holds \(pipeEnds))")
        }
    }

    @Test func oomKilledContainerFailsTheJob() async throws {
        try await withCluster { cluster in
            try await cluster.createJob("hungry", script: "exec sleep 300")
            try await cluster.eventually("running") { string(cluster.podOfJob("hungry"), "status", "phase") == "Running" }
            cluster.faults.oomKill = true
            try await cluster.eventually("job failed") {
                condition(cluster.server.jobs(namespace: "ci").first ?? [:], "Failed") != nil
            }
            let pod = try #require(cluster.podOfJob("hungry"))
            #expect(string(pod, "status", "phase") == "Failed")
            #expect(string(pod, "status", "containerStatuses", "0", "state", "terminated", "reason") == "OOMKilled")
            #expect(int(pod, "status", "containerStatuses", "0", "state", "terminated", "exitCode") == 137)
            #expect(string(condition(cluster.server.jobs(namespace: "ci").first ?? [:], "Failed"), "reason") == "BackoffLimitExceeded")
        }
    }

    @Test func evictionFailsThePodWithDisruptionTargetAndAppliesThePodFailurePolicy() async throws {
        try await withCluster { cluster in
            cluster.faults.evictAfter = 0.3
            try await cluster.createJob("evicted", script: "exec sleep 300") { job in
                setValue(&job, ["spec", "podFailurePolicy"], ["rules": [
                    ["action": "FailJob", "onPodConditions": [["type": "DisruptionTarget", "status": "True"]]],
                ]])
            }
            try await cluster.createJob("evicted-plain", script: "exec sleep 300")
            try await cluster.eventually("both jobs failed") {
                cluster.server.jobs(namespace: "ci").allSatisfy { condition($0, "Failed") != nil }
            }
            let jobs = Dictionary(uniqueKeysWithValues: cluster.server.jobs(namespace: "ci").map { (string($0, "metadata", "name")!, $0) })
            #expect(string(condition(jobs["evicted"]!, "FailureTarget"), "reason") == "PodFailurePolicy")
            #expect(string(condition(jobs["evicted"]!, "Failed"), "reason") == "PodFailurePolicy")
            #expect((string(condition(jobs["evicted"]!, "Failed"), "message") ?? "").contains("DisruptionTarget matching FailJob rule at index 0"))
            #expect(string(condition(jobs["evicted-plain"]!, "Failed"), "reason") == "BackoffLimitExceeded")

            let pod = try #require(cluster.podOfJob("evicted"))
            #expect(string(pod, "status", "phase") == "Failed")
            #expect(string(pod, "status", "reason") == "Evicted")
            #expect((string(pod, "status", "message") ?? "").hasPrefix("The node was low on resource: memory."))
            let disruption = try #require(condition(pod, "DisruptionTarget"))
            #expect(disruption["status"] as? String == "True")
            #expect(disruption["reason"] as? String == "TerminationByKubelet")
        }
    }
}
