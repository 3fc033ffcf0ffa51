import Foundation

/// Whether the pod an attestor says ran is the pod greenlight renders (`JobManifest`) from the
/// trusted definition for that commit, up to what the API server fills in by itself.
///
/// Every field greenlight renders (the trusted overlay's included, so its sidecars are expected)
/// must be there with the same value; lists of named things (containers, init containers, env,
/// volume mounts, volumes) must hold the same names in the same order. A field greenlight does not
/// render is accepted only when it is one the API server defaults and its value cannot change
/// what runs (`dnsPolicy: ClusterFirst`, `terminationMessagePath`, the node the scheduler picked,
/// …; https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/). So a
/// hand-made pod (another image, an extra env variable, a privileged sidecar) does not match.
///
/// The checkout container's transport variables (clone URL, bundle or fetch ref) differ between
/// workspaces and are left out on both sides: the checkout's marker, checked against the commit,
/// is what says which code was fetched.
public enum PodSpecMatch {
    static let transportVariables: Set<String> = ["GREENLIGHT_CLONE_URL", "GREENLIGHT_BUNDLE_REF", "GREENLIGHT_BUNDLE_NEEDS_BASE", "GREENLIGHT_FETCH_REF"]

    /// The check `verify` applies to attestations, for the trusted definition `config`; `nil` when
    /// its clean room is not on Kubernetes (no attestor Statement can then describe its pod).
    public static func check(for config: GateConfig) -> (@Sendable (JSONValue, ResolvedCommit, String) -> String?)? {
        guard case let .kubernetes(settings) = config.cleanRoom.backend else { return nil }
        let definition = config.cleanRoom
        return { spec, commit, digest in
            let name = JobName.make(commit: commit.commit, digest: digest)
            let manifest = JobManifest(name: name, namespace: "", commit: commit, definition: definition, digest: digest, settings: settings,
                                       repositoryURL: "", transportEnvironment: [:], bundleConfigMap: settings.transport == .bundle ? name : nil)
            guard let expected = manifest.render().at("spec")?["template"]?["spec"] else { return "greenlight renders no pod spec" }
            return difference(expected: withoutTransport(expected), actual: withoutTransport(spec))
        }
    }

    static func withoutTransport(_ spec: JSONValue) -> JSONValue {
        guard var object = spec.object, let initContainers = object["initContainers"]?.array else { return spec }
        object["initContainers"] = .array(initContainers.map { container in
            guard container["name"]?.string == JobManifest.checkoutContainerName, var fields = container.object, let env = fields["env"]?.array else { return container }
            fields["env"] = .array(env.filter { !transportVariables.contains($0["name"]?.string ?? "") })
            return .object(fields)
        })
        return .object(object)
    }

    /// The first place `actual` differs from `expected`, as a path and what is wrong; `nil` when none does.
    public static func difference(expected: JSONValue, actual: JSONValue) -> String? {
        compare(expected, actual, path: "spec", level: .pod)
    }

    enum Level { case pod, container, other }

    /// Fields the API server defaults, by where they sit, and which values of them are harmless.
    static func isDefaulted(_ key: String, _ value: JSONValue, level: Level) -> Bool {
        switch (level, key) {
        case (.pod, "dnsPolicy"): value == .string("ClusterFirst")
        case (.pod, "securityContext"): value == .object([:])
        case (.pod, "serviceAccountName"), (.pod, "serviceAccount"): value == .string("default")
        case (.pod, "enableServiceLinks"): value == .bool(true)
        case (.pod, "schedulerName"), (.pod, "nodeName"), (.pod, "preemptionPolicy"): value.string != nil
        case (.pod, "terminationGracePeriodSeconds"), (.pod, "priority"): value.int != nil
        case (.pod, "tolerations"): value.array?.allSatisfy(isDefaultToleration) == true
        case (.container, "terminationMessagePath"): value == .string("/dev/termination-log")
        case (.container, "terminationMessagePolicy"): value == .string("File")
        case (.container, "imagePullPolicy"): ["Always", "IfNotPresent", "Never"].contains(value.string ?? "")
        case (.container, "resources"): value == .object([:])
        case (.other, "defaultMode"): value.int != nil
        default: false
        }
    }

    /// The tolerations the DefaultTolerationSeconds admission plugin adds.
    static func isDefaultToleration(_ toleration: JSONValue) -> Bool {
        ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].contains(toleration["key"]?.string ?? "")
            && toleration["operator"]?.string == "Exists" && toleration["effect"]?.string == "NoExecute"
    }

    private static func compare(_ expected: JSONValue, _ actual: JSONValue?, path: String, level: Level) -> String? {
        guard let actual else { return "\(path) is missing" }
        switch (expected, actual) {
        case let (.object(want), .object(have)):
            for key in want.keys.sorted() {
                let inner: Level = ["containers", "initContainers"].contains(key) ? .container : .other
                if let problem = compare(want[key]!, have[key], path: "\(path).\(key)", level: level == .pod && inner == .container ? .container : .other) {
                    return problem
                }
            }
            for key in have.keys.sorted() where want[key] == nil && !isDefaulted(key, have[key]!, level: level) {
                return "\(path).\(key) is not in the rendered pod"
            }
            return nil
        case let (.array(want), .array(have)):
            let names = want.compactMap { $0["name"]?.string }
            if names.count == want.count, !names.isEmpty || !have.isEmpty {
                let haveNames = have.map { $0["name"]?.string ?? "?" }
                guard haveNames == names else { return "\(path) holds \(haveNames), the rendered pod \(names)" }
                for (index, item) in want.enumerated() {
                    if let problem = compare(item, have[index], path: "\(path)[\(names[index])]", level: level) { return problem }
                }
                return nil
            }
            guard want.count == have.count else { return "\(path) has \(have.count) items, the rendered pod \(want.count)" }
            for (index, item) in want.enumerated() {
                if let problem = compare(item, have[index], path: "\(path)[\(index)]", level: .other) { return problem }
            }
            return nil
        default:
            return expected == actual ? nil : "\(path) differs from the rendered pod"
        }
    }
}
