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
        let check = try #require(PodSpecMatch.check(for: config))
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
        // The checkout's transport variables differ from workspace to workspace: left out.
        var withURL = Self.stored(spec)
        var initContainers = withURL["initContainers"]!.array!
        initContainers[0]["env"] = .array(initContainers[0]["env"]!.array! + [["name": "GREENLIGHT_CLONE_URL", "value": "https://git.example/repo.git"]])
        withURL["initContainers"] = .array(initContainers)
        #expect(check(withURL, Self.commit, digest) == nil)
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
