import Foundation
@testable import GreenlightCore
import GreenlightTestSupport
import Testing

@Suite("classifying a Job", .timeLimit(.minutes(5)))
struct JobClassifierTests {
    let classifier = JobClassifier(scheduleTimeout: 600)
    let now = Date()

    private func job(_ conditions: [(String, String)], deadline: Int = 1800) -> JSONValue {
        ["metadata": ["name": "j"], "spec": ["activeDeadlineSeconds": .number(Double(deadline))],
         "status": ["conditions": .array(conditions.map { ["type": .string($0.0), "status": "True", "reason": .string($0.1), "message": "m"] })]]
    }

    private func pod(phase: String = "Running", terminated: (Int, String)? = nil, waiting: String? = nil,
                     unschedulable: Bool = false, evicted: Bool = false) -> JSONValue {
        var state: JSONValue = ["running": ["startedAt": "2026-01-01T00:00:00Z"]]
        if let terminated { state = ["terminated": ["exitCode": .number(Double(terminated.0)), "reason": .string(terminated.1)]] }
        if let waiting { state = ["waiting": ["reason": .string(waiting), "message": "pull access denied"]] }
        var conditions: [JSONValue] = []
        if unschedulable { conditions.append(["type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": "0/3 nodes are available: 3 Insufficient cpu."]) }
        if evicted { conditions.append(["type": "DisruptionTarget", "status": "True", "reason": "TerminationByKubelet", "message": "low on memory"]) }
        var status: JSONValue = ["phase": .string(phase), "conditions": .array(conditions),
                                 "containerStatuses": [["name": "greenlight", "state": state]]]
        if evicted { status["reason"] = "Evicted"; status["message"] = "The node was low on resource: memory." }
        return ["metadata": ["name": "j-abcde", "creationTimestamp": "2026-01-01T00:00:00Z"], "status": status]
    }

    @Test func intermediateConditionsAreNotFinal() {
        #expect(classifier.decide(job: job([("SuccessCriteriaMet", "CompletionsReached")]), pods: [pod()], now: now, unschedulableSince: nil)
                == .waiting("succeeded, waiting for the Job to complete"))
        if case .finished = classifier.decide(job: job([("FailureTarget", "BackoffLimitExceeded")]), pods: [pod(terminated: (1, "Error"))], now: now, unschedulableSince: nil) {
            Issue.record("FailureTarget alone must not be final")
        }
    }

    @Test func terminalConditionsDecide() {
        #expect(classifier.decide(job: job([("SuccessCriteriaMet", ""), ("Complete", "")]), pods: [], now: now, unschedulableSince: nil)
                == .finished(verdict: .pass, summary: "", exitCode: 0))
        let failed = classifier.decide(job: job([("FailureTarget", "BackoffLimitExceeded"), ("Failed", "BackoffLimitExceeded")]),
                                       pods: [pod(phase: "Failed", terminated: (3, "Error"))], now: now, unschedulableSince: nil)
        #expect(failed == .finished(verdict: .fail, summary: "the clean-room container exited 3", exitCode: 3))
    }

    @Test func oomIsAFailThatSaysSo() {
        let decision = classifier.decide(job: job([("Failed", "BackoffLimitExceeded")]), pods: [pod(phase: "Failed", terminated: (137, "OOMKilled"))],
                                         now: now, unschedulableSince: nil)
        guard case let .finished(verdict, summary, _) = decision else { Issue.record("not final"); return }
        #expect(verdict == .fail)
        #expect(summary.contains("OOMKilled"))
    }

    @Test func infrastructureFailuresAreErrors() {
        let deadline = classifier.decide(job: job([("Failed", "DeadlineExceeded")], deadline: 90), pods: [pod(unschedulable: true)], now: now, unschedulableSince: nil)
        guard case let .finished(verdict, summary, _) = deadline else { Issue.record("not final"); return }
        #expect(verdict == .error)
        #expect(summary.contains("1m30s"))
        #expect(summary.contains("Unschedulable"))

        for reason in ["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError"] {
            let decision = classifier.decide(job: job([]), pods: [pod(phase: "Pending", waiting: reason)], now: now, unschedulableSince: nil)
            guard case let .finished(verdict, summary, _) = decision else { Issue.record("\(reason) not final at once"); continue }
            #expect(verdict == .error)
            #expect(summary.contains(reason))
        }
        let evicted = classifier.decide(job: job([]), pods: [pod(phase: "Failed", evicted: true)], now: now, unschedulableSince: nil)
        guard case let .finished(evictedVerdict, evictedSummary, _) = evicted else { Issue.record("eviction not final"); return }
        #expect(evictedVerdict == .error)
        #expect(evictedSummary.contains("evicted"))
        #expect(classifier.decide(job: nil, pods: [], now: now, unschedulableSince: nil)
                == .finished(verdict: .error, summary: "the Job was deleted (by someone else) before it finished", exitCode: nil))
    }

    @Test func unschedulableBecomesAnErrorOnlyAfterTheScheduleTimeout() {
        let pending = pod(phase: "Pending", unschedulable: true)
        #expect(classifier.decide(job: job([]), pods: [pending], now: now, unschedulableSince: now.addingTimeInterval(-30))
                == .waiting("pod Pending (Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.)"))
        let late = classifier.decide(job: job([]), pods: [pending], now: now, unschedulableSince: now.addingTimeInterval(-601))
        guard case let .finished(verdict, summary, _) = late else { Issue.record("not final"); return }
        #expect(verdict == .error)
        #expect(summary.contains("Insufficient cpu"))
    }

    @Test func setupExitCodesAreErrors() {
        let mismatch = classifier.decide(job: job([("Failed", "BackoffLimitExceeded")]), pods: [pod(phase: "Failed", terminated: (97, "Error"))], now: now, unschedulableSince: nil)
        guard case let .finished(verdict, _, _) = mismatch else { Issue.record("not final"); return }
        #expect(verdict == .error)
    }
}

@Suite("rendering the Job", .timeLimit(.minutes(5)))
struct JobManifestTests {
    let sha = String(repeating: "ab", count: 20)

    private func definition(_ mutate: (inout KubernetesSettings) -> Void = { _ in }) -> TierDefinition {
        var settings = KubernetesSettings(image: "ghcr.io/acme/ci:1")
        mutate(&settings)
        return TierDefinition(tier: .cleanRoom, steps: [StepDefinition(name: "test", run: "make test", env: ["V": "it's"])],
                              parallel: false, timeout: 1800, env: ["CI": "true"], backend: .kubernetes(settings))
    }

    private func render(_ definition: TierDefinition, bundle: Bool = true) -> JSONValue {
        let id = ObjectID(hex: sha)!
        let digest = try! definition.digest()
        return JobManifest(name: JobName.make(commit: id, digest: digest), namespace: "ci",
                           commit: ResolvedCommit(commit: id, tree: id), definition: definition, digest: digest, settings: definition.backend.kubernetes!,
                           repositoryURL: "https://git.example/acme.git",
                           transportEnvironment: ["GREENLIGHT_CLONE_URL": "https://git.example/acme.git; rm -rf /"],
                           bundleConfigMap: bundle ? "cm" : nil).render()
    }

    @Test func nameIsADNSLabelDerivedFromCommitAndDigest() throws {
        let definition = definition()
        let digest = try definition.digest()
        let name = JobName.make(commit: ObjectID(hex: sha)!, digest: digest)
        #expect(name == "greenlight-\(sha.prefix(12))-\(digest.prefix(8))")
        #expect(DNSLabel.isValid(name))
        #expect(name.count <= 63)
    }

    @Test func jobHasTheRequiredShape() throws {
        let job = render(definition())
        #expect(job.at("spec.backoffLimit")?.int == 0)
        #expect(job.at("spec.activeDeadlineSeconds")?.int == 1800)
        #expect(job.at("spec.ttlSecondsAfterFinished")?.int == 3600)
        #expect(job.at("spec.template.spec.restartPolicy")?.string == "Never")
        #expect(job.at("spec.template.spec.automountServiceAccountToken")?.bool == false)
        #expect(job.at("metadata.labels")?["app.kubernetes.io/managed-by"]?.string == "greenlight")
        #expect(job.at("metadata.annotations")?["greenlight.dev/commit"]?.string == sha)
        let container = try #require(job.at("spec.template.spec.containers")?.array?.first)
        #expect(container["image"]?.string == "ghcr.io/acme/ci:1")
        // Untrusted values travel as environment variables; the script text is constant.
        let script = try #require(container["command"]?.array?.last?.string)
        #expect(script == JobManifest.literal(JobScript.text))
        #expect(!script.contains(sha))
        let env = Dictionary(uniqueKeysWithValues: (container["env"]?.array ?? []).map { ($0["name"]!.string!, $0["value"]!.string!) })
        #expect(env["GREENLIGHT_COMMIT"] == sha)
        #expect(env["GREENLIGHT_CLONE_URL"] == "https://git.example/acme.git; rm -rf /")
        #expect(env["GREENLIGHT_STEP_0_RUN"] == "export V='it'\\''s'; make test")
        let shellStep = render(TierDefinition(tier: .cleanRoom, steps: [StepDefinition(name: "t", run: "echo $HOME $(CI) $$")],
                                              backend: .kubernetes(KubernetesSettings(image: "i"))))
        let shellEnv = (shellStep.at("spec.template.spec.containers")?.array?.first?["env"]?.array ?? []).first { $0["name"]?.string == "GREENLIGHT_STEP_0_RUN" }
        #expect(shellEnv?["value"]?.string == "echo $$HOME $$(CI) $$$$")
        #expect(env["CI"] == "true")
        #expect(job.at("spec.template.spec.volumes")?.array?.contains { $0.at("configMap.name")?.string == "cm" } == true)
    }

    @Test func overlayMergesContainersByNameAndAddsSidecars() throws {
        let overlay: JSONValue = ["spec": ["containers": [
            ["name": "greenlight", "env": [["name": "DOCKER_HOST", "value": "tcp://localhost:2375"]]],
            ["name": "dind", "image": "docker:dind"],
        ]]]
        let job = render(definition { $0.podTemplateOverlay = overlay })
        let containers = try #require(job.at("spec.template.spec.containers")?.array)
        #expect(containers.map { $0["name"]?.string } == ["greenlight", "dind"])
        #expect(containers[0]["image"]?.string == "ghcr.io/acme/ci:1")
        let env = containers[0]["env"]?.array?.compactMap { $0["name"]?.string } ?? []
        #expect(env.contains("DOCKER_HOST") && env.contains("GREENLIGHT_COMMIT"))
    }

    @Test func digestFollowsTheImageButNotWhereItRuns() throws {
        let base = definition()
        #expect(try definition { $0.image = "ghcr.io/acme/ci:2" }.digest() != base.digest())
        #expect(try definition { $0.resources = ["limits": ["memory": "1Gi"]] }.digest() != base.digest())
        #expect(try definition { $0.namespace = "elsewhere"; $0.context = "prod"; $0.transport = .ref }.digest() == base.digest())
    }

    @Test func everyRenderedManifestPassesKubernetesValidateStrict() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let validator = root.appendingPathComponent(".build-tools/venv/bin/kubernetes-validate")
        try #require(FileManager.default.isExecutableFile(atPath: validator.path),
                     "kubernetes-validate is not installed; run ./install.sh (it installs it into .build-tools/venv)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let overlayText = try String(contentsOf: root.appendingPathComponent("deploy/kind-e2e-overlay.yaml"), encoding: .utf8)
        let kindOverlay = JSONValue(any: try Yams_load(overlayText))
        let variants: [TierDefinition] = [
            definition(),
            definition {
                $0.resources = ["requests": ["cpu": "2", "memory": "4Gi"], "limits": ["memory": "8Gi"]]
                $0.nodeSelector = ["kubernetes.io/arch": "amd64"]
                $0.tolerations = [["key": "ci", "operator": "Exists", "effect": "NoSchedule"]]
                $0.serviceAccount = "greenlight-runner"
                $0.automountServiceAccountToken = true
                $0.cachePVC = "go-cache"
                $0.gitSecret = "git-credentials"
            },
            definition { $0.podTemplateOverlay = kindOverlay; $0.transport = .ref },
        ]
        var files: [String] = []
        for (index, variant) in variants.enumerated() {
            let file = directory.appendingPathComponent("job-\(index).json")
            try render(variant, bundle: variant.backend.kubernetes?.transport == .bundle).data(pretty: true).write(to: file)
            files.append(file.path)
        }
        let configMap: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "greenlight-x", "namespace": "ci"],
                                    "binaryData": ["commit.bundle": .string(Data("bundle".utf8).base64EncodedString())]]
        let cmFile = directory.appendingPathComponent("configmap.json")
        try configMap.data().write(to: cmFile)
        files.append(cmFile.path)
        for manifest in ["namespace", "serviceaccount", "role", "rolebinding"] {
            files.append(root.appendingPathComponent("deploy/\(manifest).yaml").path)
        }
        let result = try FixtureProcess().run([validator.path, "--strict", "-k", "1.33.0"] + files, in: directory,
                                             environment: ProcessInfo.processInfo.environment, timeout: 300)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "passed").count - 1 == files.count, "\(result.stdout)")
    }
}

import Yams
private func Yams_load(_ text: String) throws -> Any? { try Yams.load(yaml: text) }
