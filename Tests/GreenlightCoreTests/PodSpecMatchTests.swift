import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// `PodSpecMatch`: the pod greenlight renders, as an API server stores it, matches; a pod changed
/// in what runs does not, whatever signed it.
@Suite("pod spec as run against the trusted definition")
struct PodSpecMatchTests {
    static let yaml = """
        clean_room:
          backend: kubernetes
          steps:
            - {name: e2e, run: make test-e2e}
          kubernetes:
            image: example.test/ci:1
            resources: {requests: {cpu: 1000m, memory: 1Gi}}
            tolerations: [{key: ci, operator: Exists, effect: NoSchedule}]
        """
    static let commit = ResolvedCommit(commit: ObjectID(hex: String(repeating: "1", count: 40))!, tree: ObjectID(hex: String(repeating: "2", count: 40))!)

    static func rendered() throws -> (check: @Sendable (JSONValue, ResolvedCommit, String) -> String?, spec: JSONValue, digest: String) {
        let scratch = ScratchDirectory()
        let config = try ConfigLoader().parse(Data(yaml.utf8), files: WorkingTreeFiles(root: scratch.url))
        let judge = try #require(PodSpecMatch.check(for: config))
        let check: @Sendable (JSONValue, ResolvedCommit, String) -> String? = { judge($0, $1, $2).problem }
        let digest = try config.cleanRoom.digest()
        // The rendered spec is what an empty difference is measured from: find it by asking the check.
        let spec = try #require(PodSpecMatch.renderedSpec(for: config, commit: commit, digest: digest))
        return (check, spec, digest)
    }

    /// What a real API server adds to a Job's pod: defaults, admission plugins, the scheduler.
    static func stored(_ spec: JSONValue) -> JSONValue {
        var pod = spec.object!
        pod["dnsPolicy"] = "ClusterFirst"
        pod["schedulerName"] = "default-scheduler"
        pod["securityContext"] = .object([:])
        pod["serviceAccountName"] = "default"
        pod["serviceAccount"] = "default"
        pod["terminationGracePeriodSeconds"] = 30
        pod["enableServiceLinks"] = true
        pod["priority"] = 0
        pod["preemptionPolicy"] = "PreemptLowerPriority"
        pod["nodeName"] = "worker-1"
        pod["imagePullSecrets"] = [["name": "registry"]]
        pod["tolerations"] = .array((pod["tolerations"]?.array ?? []) + [
            ["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
            ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
        ])
        for list in ["initContainers", "containers"] {
            pod[list] = .array(pod[list]!.array!.map { container in
                var container = container.object!
                if container["name"] == "greenlight-checkout" {
                    // The workspace's own clone URL, where the rendering has a placeholder.
                    container["env"] = .array(container["env"]!.array!.map {
                        $0["name"]?.string == "GREENLIGHT_CLONE_URL" ? ["name": "GREENLIGHT_CLONE_URL", "value": "https://git.example/acme/repo.git"] : $0
                    })
                }
                container["terminationMessagePath"] = "/dev/termination-log"
                container["terminationMessagePolicy"] = "File"
                container["imagePullPolicy"] = "IfNotPresent"
                // Quantities in canonical form, and a limit from the namespace's LimitRange.
                container["resources"] = ["requests": ["cpu": "1", "memory": "1Gi"], "limits": ["memory": "2Gi"]]
                return .object(container)
            })
        }
        return .object(pod)
    }

    @Test func thePodAsAnAPIServerStoresItMatches() throws {
        let (check, spec, digest) = try Self.rendered()
        #expect(check(spec, Self.commit, digest) == nil)
        #expect(check(Self.stored(spec), Self.commit, digest) == nil, "\(check(Self.stored(spec), Self.commit, digest) ?? "")")
        // An image tagged `latest` is pulled Always by default; no other policy passes for it, nor `Never` for any image.
        var never = Self.stored(spec)
        never["containers"] = .array(never["containers"]!.array!.map { var c = $0; c["imagePullPolicy"] = "Never"; return c })
        #expect(check(never, Self.commit, digest) == "spec.containers[greenlight].imagePullPolicy is not in the rendered pod")
    }

    /// The transport variables are the one thing rendered with a placeholder: each must have the
    /// shape greenlight gives it, so none reaches git as an option or a command.
    @Test(arguments: [
        ("--upload-pack=touch /tmp/pwned", "GREENLIGHT_CLONE_URL starts with '-' (git would read it as an option)"),
        ("ext::sh -c touch% /tmp/pwned", "GREENLIGHT_CLONE_URL names a remote helper (ext::), which runs a program"),
        ("https://git.example/a\nb", "GREENLIGHT_CLONE_URL holds a control character"),
        ("", "GREENLIGHT_CLONE_URL is empty"),
    ])
    func anUnsafeCloneURLDoesNotMatch(_ url: String, _ problem: String) throws {
        let (check, spec, digest) = try Self.rendered()
        var changed = Self.stored(spec)
        var initContainers = changed["initContainers"]!.array!
        initContainers[0]["env"] = .array(initContainers[0]["env"]!.array!.map {
            $0["name"]?.string == "GREENLIGHT_CLONE_URL" ? ["name": "GREENLIGHT_CLONE_URL", "value": .string(url)] : $0
        })
        changed["initContainers"] = .array(initContainers)
        #expect(check(changed, Self.commit, digest) == "the checkout container's \(problem)")
        #expect(TransportVariables.problem(initContainers[0]["env"]!.array!, commit: Self.commit.commit) == problem)
        // Ordinary URLs, an IPv6 host among them, are fine.
        for good in ["https://git.example/repo.git", "git@host:org/repo.git", "ssh://[::1]/repo", "/srv/git/repo.git"] {
            #expect(TransportVariables.unsafeURL(good) == nil, "\(good)")
        }
    }

    @Test func aBundleRefForAnotherCommitDoesNotMatch() throws {
        let (check, spec, digest) = try Self.rendered()
        var changed = Self.stored(spec)
        var initContainers = changed["initContainers"]!.array!
        initContainers[0]["env"] = .array(initContainers[0]["env"]!.array!.map {
            $0["name"]?.string == "GREENLIGHT_BUNDLE_REF" ? ["name": "GREENLIGHT_BUNDLE_REF", "value": "--upload-pack=x"] : $0
        })
        changed["initContainers"] = .array(initContainers)
        #expect(check(changed, Self.commit, digest) == "the checkout container's GREENLIGHT_BUNDLE_REF is not refs/greenlight/bundle/\(Self.commit.commit.hex)")
    }

    @Test(arguments: [
        ("another image", { @Sendable (spec: inout JSONValue) in spec["containers"] = .array(spec["containers"]!.array!.map { var c = $0; c["image"] = "evil.test/ci:1"; return c }) },
         "spec.containers[greenlight].image differs from the rendered pod"),
        ("an extra variable", { @Sendable (spec: inout JSONValue) in
            spec["containers"] = .array(spec["containers"]!.array!.map { var c = $0; c["env"] = .array(c["env"]!.array! + [["name": "LD_PRELOAD", "value": "/x.so"]]); return c })
        }, "spec.containers[greenlight].env holds ["),
        ("a sidecar", { @Sendable (spec: inout JSONValue) in spec["containers"] = .array(spec["containers"]!.array! + [["name": "helper", "image": "busybox"]]) },
         "spec.containers holds [\"greenlight\", \"helper\"], the rendered pod [\"greenlight\"]"),
        ("a privileged step container", { @Sendable (spec: inout JSONValue) in
            spec["containers"] = .array(spec["containers"]!.array!.map { var c = $0; c["securityContext"] = ["privileged": true]; return c })
        }, "spec.containers[greenlight].securityContext is not in the rendered pod"),
        ("the host's PID namespace", { @Sendable (spec: inout JSONValue) in spec["hostPID"] = true }, "spec.hostPID is not in the rendered pod"),
        ("another service account", { @Sendable (spec: inout JSONValue) in spec["serviceAccountName"] = "admin" }, "spec.serviceAccountName is not in the rendered pod"),
        ("a host path volume", { @Sendable (spec: inout JSONValue) in spec["volumes"] = .array(spec["volumes"]!.array! + [["name": "host", "hostPath": ["path": "/"]]]) },
         "spec.volumes holds ["),
        ("less memory than rendered", { @Sendable (spec: inout JSONValue) in
            spec["containers"] = .array(spec["containers"]!.array!.map { var c = $0; c["resources"] = ["requests": ["cpu": "1", "memory": "512Mi"]]; return c })
        }, "spec.containers[greenlight].resources.requests.memory differs from the rendered pod"),
        ("an extra toleration", { @Sendable (spec: inout JSONValue) in
            spec["tolerations"] = .array(spec["tolerations"]!.array! + [["key": "gpu", "operator": "Exists"]])
        }, "spec.tolerations has 2 items, the rendered pod 1"),
    ] as [(String, @Sendable (inout JSONValue) -> Void, String)])
    func aPodChangedInWhatRunsDoesNotMatch(_ change: String, _ edit: @Sendable (inout JSONValue) -> Void, _ message: String) throws {
        let (check, spec, digest) = try Self.rendered()
        var changed = Self.stored(spec)
        edit(&changed)
        let difference = check(changed, Self.commit, digest)
        #expect(difference?.hasPrefix(message) == true, "\(change): \(difference ?? "no difference")")
    }
}

extension AttestationCheck.PodSpecJudgement {
    /// `nil` for the whole clean room's pod; otherwise what a test expects to read.
    var problem: String? {
        switch self {
        case .whole: nil
        case let .step(name, steps): "only step \(name) of \(steps)"
        case let .mismatch(reason): reason
        }
    }
}
