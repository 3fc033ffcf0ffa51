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

    @Test func setupExitCodesOfAPodWithoutTheCheckoutContainerAreErrors() {
        // A Job an older greenlight made checked out in its one container.
        for code in [97, 98] {
            let decision = classifier.decide(job: job([("Failed", "BackoffLimitExceeded")]), pods: [pod(phase: "Failed", terminated: (code, "Error"))], now: now, unschedulableSince: nil)
            guard case let .finished(verdict, _, exitCode) = decision else { Issue.record("not final"); return }
            #expect(verdict == .error)
            #expect(exitCode == Int32(code))
        }
    }

    // MARK: The checkout init container

    /// A pod as Kubernetes shows it with greenlight's init container: `initState` for the
    /// checkout container, `state` for the step container (`PodInitializing` until it starts).
    private func initPod(phase: String = "Pending", initState: JSONValue, state: JSONValue = ["waiting": ["reason": "PodInitializing"]],
                         initialized: Bool = false) -> JSONValue {
        let conditions: [JSONValue] = [
            ["type": "PodScheduled", "status": "True"],
            initialized ? ["type": "Initialized", "status": "True"]
                : ["type": "Initialized", "status": "False", "reason": "ContainersNotInitialized",
                   "message": "containers with incomplete status: [greenlight-checkout]"],
        ]
        return ["metadata": ["name": "j-abcde", "creationTimestamp": "2026-01-01T00:00:00Z"],
                "spec": ["initContainers": [["name": "greenlight-checkout"]], "containers": [["name": "greenlight"]]],
                "status": ["phase": .string(phase), "conditions": .array(conditions),
                           "initContainerStatuses": [["name": "greenlight-checkout", "state": initState]],
                           "containerStatuses": [["name": "greenlight", "state": state]]]]
    }

    private func terminated(_ code: Int, _ reason: String, message: String? = nil) -> JSONValue {
        var state: JSONValue = ["exitCode": .number(Double(code)), "reason": .string(reason)]
        if let message { state["message"] = .string(message) }
        return ["terminated": state]
    }

    @Test func aFailedCheckoutContainerIsAnErrorThatSaysWhy() throws {
        let failed = job([("FailureTarget", "BackoffLimitExceeded"), ("Failed", "BackoffLimitExceeded")])
        let cases: [(JSONValue, String)] = [
            (terminated(97, "Error"), "refused to run the steps (exit 97)"),
            (terminated(98, "Error"), "could not fetch the commit (exit 98"),
            (terminated(1, "Error"), "exited 1 (Error) before any step ran"),
            (terminated(128, "StartError", message: "exec: \"/bin/sh\": no such file"), "exited 128 (StartError: exec: \"/bin/sh\": no such file)"),
            (terminated(137, "OOMKilled"), "was OOMKilled (exit 137) before any step ran"),
        ]
        for (state, expected) in cases {
            let decision = classifier.decide(job: failed, pods: [initPod(phase: "Failed", initState: state)], now: now, unschedulableSince: nil)
            guard case let .finished(verdict, summary, exitCode) = decision else { Issue.record("\(state) not final"); continue }
            #expect(verdict == .error, "\(summary)")
            #expect(summary.hasPrefix("the checkout container (greenlight-checkout) "), "\(summary)")
            #expect(summary.contains(expected), "\(summary)")
            #expect(exitCode == Int32(state.at("terminated.exitCode")?.int ?? 0))
        }
        // Until the Job itself has failed, it is not final (the Job controller may still be at FailureTarget).
        let failing = classifier.decide(job: job([("FailureTarget", "BackoffLimitExceeded")]),
                                        pods: [initPod(phase: "Failed", initState: terminated(98, "Error"))], now: now, unschedulableSince: nil)
        #expect(failing == .waiting("failing (BackoffLimitExceeded), waiting for the Job to end"))
    }

    @Test func theStepContainersExitStatusIsTheStepsEvenWhenItIsASetupCode() {
        // With the checkout in its own container, 97 or 98 from the step container is a step's exit status.
        let decision = classifier.decide(job: job([("Failed", "BackoffLimitExceeded")]),
                                         pods: [initPod(phase: "Failed", initState: terminated(0, "Completed"), state: terminated(98, "Error"), initialized: true)],
                                         now: now, unschedulableSince: nil)
        #expect(decision == .finished(verdict: .fail, summary: "the clean-room container exited 98", exitCode: 98))
        let passed = classifier.decide(job: job([("SuccessCriteriaMet", ""), ("Complete", "")]),
                                       pods: [initPod(phase: "Succeeded", initState: terminated(0, "Completed"), state: terminated(0, "Completed"), initialized: true)],
                                       now: now, unschedulableSince: nil)
        #expect(passed == .finished(verdict: .pass, summary: "", exitCode: 0))
    }

    @Test func aPodStuckInInitIsHandledLikeAPendingPod() throws {
        let running = initPod(initState: ["running": ["startedAt": "2026-01-01T00:00:00Z"]])
        #expect(classifier.decide(job: job([]), pods: [running], now: now, unschedulableSince: nil)
                == .waiting("pod Pending (init container greenlight-checkout running)"))
        let initializing = initPod(initState: ["waiting": ["reason": "PodInitializing"]])
        #expect(classifier.decide(job: job([]), pods: [initializing], now: now, unschedulableSince: nil) == .waiting("pod Pending (PodInitializing)"))
        // The image is pulled for the init container first: a pull failure shows there and is known at once.
        for reason in ["ErrImagePull", "ImagePullBackOff", "CreateContainerConfigError"] {
            let stuck = initPod(initState: ["waiting": ["reason": .string(reason), "message": "pull access denied"]])
            let decision = classifier.decide(job: job([]), pods: [stuck], now: now, unschedulableSince: nil)
            guard case let .finished(verdict, summary, _) = decision else { Issue.record("\(reason) not final at once"); continue }
            #expect(verdict == .error)
            #expect(summary == "the pod cannot start: \(reason): pull access denied")
        }
        // The deadline passes while the checkout still runs: an error that says where the pod was.
        let deadline = classifier.decide(job: job([("Failed", "DeadlineExceeded")], deadline: 60), pods: [running], now: now, unschedulableSince: nil)
        guard case let .finished(verdict, summary, _) = deadline else { Issue.record("not final"); return }
        #expect(verdict == .error)
        #expect(summary.contains("ran past 1m"), "\(summary)")
        #expect(summary.contains("init container greenlight-checkout running"), "\(summary)")
        // Killed by the deadline, the checkout container's own exit is not what is reported.
        let killed = classifier.decide(job: job([("Failed", "DeadlineExceeded")], deadline: 60),
                                       pods: [initPod(phase: "Failed", initState: terminated(137, "Error"))], now: now, unschedulableSince: nil)
        guard case let .finished(killedVerdict, killedSummary, _) = killed else { Issue.record("not final"); return }
        #expect(killedVerdict == .error)
        #expect(killedSummary.contains("ran past"), "\(killedSummary)")
    }
}

@Suite("reading the Job's logs", .timeLimit(.minutes(5)))
struct JobLogParserTests {
    let head = String(repeating: "1", count: 40)
    let tree = String(repeating: "2", count: 40)

    @Test func theCheckoutLogGivesWhatWasCheckedOutAndWhyItStopped() {
        let good = JobLogParser().parseCheckout("greenlight: applying the bundle\ngreenlight: checkout HEAD \(head) tree \(tree)\n")
        #expect(good.checkout?.head == head)
        #expect(good.checkout?.tree == tree)
        #expect(good.setupProblem == nil)
        let refused = JobLogParser().parseCheckout("""
            greenlight: checkout HEAD \(head) tree \(tree)
            greenlight: refusing to run: asked for commit \(tree) tree \(tree)

            """)
        #expect(refused.setupProblem == "refusing to run: asked for commit \(tree) tree \(tree)")
        let transport = JobLogParser().parseCheckout("greenlight: fetching refs/greenlight/x\nfatal: could not read\ngreenlight: setup failed: cannot fetch refs/greenlight/x from the clone URL\n")
        #expect(transport.checkout == nil)
        #expect(transport.setupProblem == "setup failed: cannot fetch refs/greenlight/x from the clone URL")
    }

    @Test func stepsComeFromTheStepContainersMarkers() {
        let log = """
            ==> greenlight: log of container greenlight-checkout
            greenlight: checkout HEAD \(head) tree \(tree)
            ==> greenlight: log of container greenlight
            greenlight: step unit: start
            ok
            greenlight: step unit: exit 0 after 1s
            greenlight: step e2e: start
            --- FAIL: TestX (0.1s)
            greenlight: step e2e: exit 2 after 3s

            """
        let parsed = JobLogParser().parse(log, steps: ["unit", "e2e", "later"].map { StepDefinition(name: $0, run: "true") }, logPath: "/l")
        #expect(parsed.steps.map(\.verdict) == [.pass, .fail, .skipped])
        #expect(parsed.steps[1].exitCode == 2)
        #expect(parsed.steps[1].output.contains("--- FAIL: TestX"))
        #expect(parsed.setupProblem == nil)
        let noCheckout = JobLogParser().parse("greenlight: setup failed: no checkout in /workspace/src\n", steps: [StepDefinition(name: "unit", run: "true")], logPath: "/l")
        #expect(noCheckout.setupProblem == "setup failed: no checkout in /workspace/src")
        #expect(noCheckout.steps.map(\.verdict) == [.skipped])
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
        #expect(container["name"]?.string == "greenlight")
        #expect(container["image"]?.string == "ghcr.io/acme/ci:1")
        // Untrusted values travel as environment variables; the script text is constant.
        let script = try #require(container["command"]?.array?.last?.string)
        #expect(script == JobManifest.literal(JobScript.steps))
        #expect(!script.contains(sha))
        let env = Self.environment(container)
        #expect(env["GREENLIGHT_COMMIT"] == sha)
        #expect(env["GREENLIGHT_STEP_0_RUN"] == "export V='it'\\''s'; make test")
        let checkout = try #require(job.at("spec.template.spec.initContainers")?.array?.first)
        #expect(checkout["name"]?.string == "greenlight-checkout")
        #expect(checkout["image"]?.string == "ghcr.io/acme/ci:1")
        let checkoutScript = try #require(checkout["command"]?.array?.last?.string)
        #expect(checkoutScript == JobManifest.literal(JobScript.checkout))
        #expect(!checkoutScript.contains(sha))
        let checkoutEnv = Self.environment(checkout)
        #expect(checkoutEnv["GREENLIGHT_COMMIT"] == sha)
        #expect(checkoutEnv["GREENLIGHT_TREE"] == sha)
        #expect(checkoutEnv["GREENLIGHT_CLONE_URL"] == "https://git.example/acme.git; rm -rf /")
        #expect(checkoutEnv["CI"] == "true")
        let shellStep = render(TierDefinition(tier: .cleanRoom, steps: [StepDefinition(name: "t", run: "echo $HOME $(CI) $$")],
                                              backend: .kubernetes(KubernetesSettings(image: "i"))))
        let shellEnv = (shellStep.at("spec.template.spec.containers")?.array?.first?["env"]?.array ?? []).first { $0["name"]?.string == "GREENLIGHT_STEP_0_RUN" }
        #expect(shellEnv?["value"]?.string == "echo $$HOME $$(CI) $$$$")
        #expect(env["CI"] == "true")
        #expect(job.at("spec.template.spec.volumes")?.array?.contains { $0.at("configMap.name")?.string == "cm" } == true)
    }

    private static func environment(_ container: JSONValue) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (container["env"]?.array ?? []).map { ($0["name"]!.string!, $0["value"]!.string!) })
    }

    private static func mounts(_ container: JSONValue) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (container["volumeMounts"]?.array ?? []).map { ($0["name"]!.string!, $0["mountPath"]!.string!) })
    }

    @Test func credentialsAndTransportReachOnlyTheCheckoutContainer() throws {
        for transport in [KubernetesSettings.Transport.bundle, .ref] {
            let definition = definition {
                $0.gitSecret = "git-credentials"
                $0.cachePVC = "go-cache"
                $0.transport = transport
            }
            let id = ObjectID(hex: sha)!
            let digest = try definition.digest()
            let transportEnvironment = transport == .bundle
                ? ["GREENLIGHT_CLONE_URL": "https://token@git.example/acme.git", "GREENLIGHT_BUNDLE_REF": "refs/greenlight/bundle/x", "GREENLIGHT_BUNDLE_NEEDS_BASE": "1"]
                : ["GREENLIGHT_CLONE_URL": "https://token@git.example/acme.git", "GREENLIGHT_FETCH_REF": "refs/greenlight/x"]
            let job = JobManifest(name: "j", namespace: "ci", commit: ResolvedCommit(commit: id, tree: id), definition: definition, digest: digest,
                                  settings: definition.backend.kubernetes!, repositoryURL: "https://git.example/acme.git",
                                  transportEnvironment: transportEnvironment, bundleConfigMap: transport == .bundle ? "cm" : nil).render()
            let spec = try #require(job.at("spec.template.spec"))
            let volumes = Dictionary(uniqueKeysWithValues: (spec["volumes"]?.array ?? []).map { ($0["name"]!.string!, $0) })
            let initContainers = try #require(spec["initContainers"]?.array)
            #expect(initContainers.map { $0["name"]?.string } == ["greenlight-checkout"])
            let checkout = initContainers[0]
            let steps = try #require(spec["containers"]?.array?.first)

            // The checkout container holds the secret, the transport and a HOME of its own.
            let checkoutMounts = Self.mounts(checkout)
            #expect(checkoutMounts["git-auth"] == JobManifest.gitAuthPath)
            #expect(checkoutMounts["transport"] == (transport == .bundle ? JobManifest.transportPath : nil))
            #expect(checkoutMounts["workspace"] == JobManifest.workspacePath)
            #expect(checkoutMounts["checkout-home"] == JobManifest.checkoutHomePath)
            #expect(checkoutMounts["cache"] == nil)
            #expect(volumes["git-auth"]?.at("secret.secretName")?.string == "git-credentials")
            #expect(volumes["checkout-home"]?["emptyDir"] != nil)
            let checkoutEnv = Self.environment(checkout)
            #expect(checkoutEnv["GREENLIGHT_GIT_AUTH"] == JobManifest.gitAuthPath)
            #expect(checkoutEnv["HOME"] == JobManifest.checkoutHomePath)
            #expect(checkoutEnv["GREENLIGHT_CLONE_URL"] == "https://token@git.example/acme.git")
            #expect(checkoutEnv["GREENLIGHT_TRANSPORT"] == transport.rawValue)
            #expect(checkoutEnv["GREENLIGHT_TRANSPORT_DIR"] == (transport == .bundle ? JobManifest.transportPath : nil))

            // The step container: the checkout and the cache, and nothing that came with the code.
            #expect(Self.mounts(steps) == ["workspace": JobManifest.workspacePath, "cache": JobManifest.cachePath])
            #expect(volumes["workspace"]?["emptyDir"] != nil)
            #expect(volumes["cache"]?.at("persistentVolumeClaim.claimName")?.string == "go-cache")
            #expect(steps["envFrom"] == nil)
            let stepEnv = Self.environment(steps)
            for key in ["GREENLIGHT_GIT_AUTH", "GREENLIGHT_TRANSPORT_DIR", "GREENLIGHT_CLONE_URL", "GREENLIGHT_FETCH_REF",
                        "GREENLIGHT_BUNDLE_REF", "GIT_SSH_COMMAND", "GIT_CONFIG_GLOBAL", "HOME"] {
                #expect(stepEnv[key] == nil, "\(key) in the step container")
            }
            #expect(!stepEnv.values.contains { $0.contains("token@") || $0.contains("/greenlight/") }, "\(stepEnv)")
            #expect(stepEnv["GREENLIGHT_STEP_0_RUN"] == "export V='it'\\''s'; make test")
            #expect(stepEnv["GREENLIGHT_WORKSPACE"] == JobManifest.workspacePath)
            // Its HOME is made afresh in the checkout volume, never the checkout container's.
            #expect(JobScript.steps.contains(#"export HOME="$GREENLIGHT_WORKSPACE/home""#))
            for word in ["GIT_AUTH", "credential", "GIT_SSH_COMMAND", "CLONE_URL", "TRANSPORT_DIR"] {
                #expect(!JobScript.steps.contains(word), "\(word) in the step script")
            }
            // No other container mounts the checkout container's private volumes.
            for container in (spec["containers"]?.array ?? []) {
                #expect(Set(Self.mounts(container).keys).isDisjoint(with: ["git-auth", "transport", "checkout-home"]))
            }
        }
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
        for manifest in ["namespace", "serviceaccount", "role", "rolebinding", "deployment"] {
            files.append(root.appendingPathComponent("deploy/attestor/\(manifest).yaml").path)
        }
        let result = try FixtureProcess().run([validator.path, "--strict", "-k", "1.33.0"] + files, in: directory,
                                             environment: ProcessInfo.processInfo.environment, timeout: 300)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "passed").count - 1 == files.count, "\(result.stdout)")
    }
}

import Yams
private func Yams_load(_ text: String) throws -> Any? { try Yams.load(yaml: text) }
