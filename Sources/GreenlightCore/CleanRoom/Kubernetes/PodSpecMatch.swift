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
/// The checkout container's transport variables are rendered as greenlight sets them for the
/// commit (`refs/greenlight/<sha>`, `refs/greenlight/bundle/<sha>`); only the clone URL differs
/// between workspaces, and it must have a safe shape (`TransportVariables`): it is compared as a
/// placeholder on both sides. The checkout's marker, checked against the commit, says which code
/// was fetched.
public enum PodSpecMatch {
    static let cloneURLPlaceholder = "<clone url>"

    /// The check `verify` applies to attestations, for the trusted definition `config`; `nil` when
    /// its clean room is not on Kubernetes (no attestor Statement can then describe its pod).
    ///
    /// With `clean_room.parallel` (and more than one step) each pod runs one step: the step its
    /// container's `GREENLIGHT_STEP_0_NAME` names must be a step of the trusted definition, and the
    /// pod must be what greenlight renders for that step's Job.
    public static func check(for config: GateConfig) -> AttestationCheck.PodSpecCheck? {
        guard case .kubernetes = config.cleanRoom.backend else { return nil }
        return { spec, commit, digest in
            let checkoutEnvironment = spec["initContainers"]?.array?.first { $0["name"]?.string == JobManifest.checkoutContainerName }?["env"]?.array ?? []
            if let problem = TransportVariables.problem(checkoutEnvironment, commit: commit.commit) { return .mismatch("the checkout container's \(problem)") }
            let needsBase = checkoutEnvironment.first { $0["name"]?.string == TransportVariables.bundleNeedsBase }?["value"]?.string == "1"
            var step: StepDefinition?
            let steps = config.cleanRoom.steps
            if config.cleanRoom.parallel, steps.count > 1 {
                let stepEnvironment = spec["containers"]?.array?.first { $0["name"]?.string == JobManifest.containerName }?["env"]?.array ?? []
                let named = stepEnvironment.first { $0["name"]?.string == "GREENLIGHT_STEP_0_NAME" }?["value"]?.string
                guard let named, let found = steps.first(where: { $0.name == named }) else {
                    return .mismatch("the trusted clean room runs its steps as one Job each, and this pod names no step of it (\(named.map { "'\($0)'" } ?? "none"))")
                }
                step = found
            }
            guard let expected = renderedSpec(for: config, commit: commit, digest: digest, bundleNeedsBase: needsBase, step: step) else {
                return .mismatch("greenlight renders no pod spec")
            }
            if let difference = difference(expected: expected, actual: withPlaceholderURL(spec)) { return .mismatch(difference) }
            return step.map { .step(name: $0.name, steps: steps.map(\.name)) } ?? .whole
        }
    }

    /// The pod spec greenlight renders for `commit` under `config`'s clean room (Kubernetes backend
    /// only), with no transport variables; with `step`, the pod of that step's own Job (`clean_room.parallel`).
    public static func renderedSpec(for config: GateConfig, commit: ResolvedCommit, digest: String, bundleNeedsBase: Bool = false,
                                    step: StepDefinition? = nil) -> JSONValue? {
        guard case let .kubernetes(settings) = config.cleanRoom.backend else { return nil }
        let name = JobName.make(commit: commit.commit, digest: digest)
        let definition = step.map { JobManifest.stepDefinition($0, of: config.cleanRoom) } ?? config.cleanRoom
        var transport = [TransportVariables.cloneURL: cloneURLPlaceholder]
        switch settings.transport {
        case .ref: transport[TransportVariables.fetchRef] = "refs/greenlight/\(commit.commit.hex)"
        case .bundle:
            transport[TransportVariables.bundleRef] = CodeTransport.bundleRef(commit)
            transport[TransportVariables.bundleNeedsBase] = bundleNeedsBase ? "1" : "0"
        }
        let manifest = JobManifest(name: step.map { JobName.make(commit: commit.commit, digest: digest, step: $0.name) } ?? name, namespace: "",
                                   commit: commit, definition: definition, digest: digest, settings: settings,
                                   repositoryURL: "", transportEnvironment: transport, bundleConfigMap: settings.transport == .bundle ? name : nil)
        return manifest.render().at("spec")?["template"]?["spec"]
    }

    /// `spec` with the checkout container's clone URL replaced by the placeholder (its shape was checked).
    static func withPlaceholderURL(_ spec: JSONValue) -> JSONValue {
        guard var object = spec.object, let initContainers = object["initContainers"]?.array else { return spec }
        object["initContainers"] = .array(initContainers.map { container in
            guard container["name"]?.string == JobManifest.checkoutContainerName, var fields = container.object, let env = fields["env"]?.array else { return container }
            fields["env"] = .array(env.map { variable in
                guard variable["name"]?.string == TransportVariables.cloneURL else { return variable }
                return ["name": .string(TransportVariables.cloneURL), "value": .string(cloneURLPlaceholder)]
            })
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
        // The ServiceAccount admission plugin copies the service account's pull secrets.
        case (.pod, "imagePullSecrets"): value.array != nil
        // LimitRanger fills in requests and limits the namespace's LimitRange prescribes.
        case (.container, "resources"): value.object != nil
        case (.container, "terminationMessagePath"): value == .string("/dev/termination-log")
        case (.container, "terminationMessagePolicy"): value == .string("File")
        case (.other, "defaultMode"): value.int != nil
        default: false
        }
    }

    /// Rendered requests and limits must hold (a quantity compared by value: the API server writes
    /// `1000m` as `1`); LimitRanger may add others.
    static func resourcesDifference(_ want: [String: JSONValue], _ have: [String: JSONValue], path: String) -> String? {
        for (kind, wanted) in want.sorted(by: { $0.key < $1.key }) {
            let present = have[kind]?.object ?? [:]
            for (resource, quantity) in wanted.object?.sorted(by: { $0.key < $1.key }) ?? [] {
                guard let value = present[resource] else { return "\(path).\(kind).\(resource) is missing" }
                if value != quantity, Quantity.value(quantity) == nil || Quantity.value(quantity) != Quantity.value(value) {
                    return "\(path).\(kind).\(resource) differs from the rendered pod"
                }
            }
        }
        return nil
    }

    /// `Always` for an image without a tag or tagged `latest`, else `IfNotPresent` (the API server's default).
    static func defaultPullPolicy(_ image: JSONValue?) -> JSONValue {
        let name = image?.string ?? ""
        if name.contains("@") { return "IfNotPresent" }
        let last = name.split(separator: "/").last.map(String.init) ?? name
        return !last.contains(":") || last.hasSuffix(":latest") ? "Always" : "IfNotPresent"
    }

    /// The tolerations the DefaultTolerationSeconds admission plugin adds.
    static func isDefaultToleration(_ toleration: JSONValue) -> Bool {
        ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].contains(toleration["key"]?.string ?? "")
            && toleration["operator"]?.string == "Exists" && toleration["effect"]?.string == "NoExecute"
    }

    private static func compare(_ expected: JSONValue, _ actual: JSONValue?, path: String, level: Level) -> String? {
        guard var actual else { return "\(path) is missing" }
        if level == .pod, case let .object(want) = expected, var have = actual.object {
            // DefaultTolerationSeconds appends its tolerations to the rendered ones.
            if let rendered = want["tolerations"]?.array, let tolerations = have["tolerations"]?.array {
                have["tolerations"] = .array(tolerations.filter { !isDefaultToleration($0) || rendered.contains($0) })
            }
            actual = .object(have)
        }
        switch (expected, actual) {
        case let (.object(want), .object(have)) where path.hasSuffix(".resources"):
            return resourcesDifference(want, have, path: path)
        case let (.object(want), .object(have)):
            for key in want.keys.sorted() {
                let inner: Level = ["containers", "initContainers"].contains(key) ? .container : .other
                if let problem = compare(want[key]!, have[key], path: "\(path).\(key)", level: level == .pod && inner == .container ? .container : .other) {
                    return problem
                }
            }
            for key in have.keys.sorted() where want[key] == nil && !isDefaulted(key, have[key]!, level: level) {
                // The pull policy the API server gives the rendered image, and no other (`Never` would run whatever a node holds).
                if level == .container, key == "imagePullPolicy", have[key] == defaultPullPolicy(want["image"]) { continue }
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

/// A Kubernetes resource quantity as a number (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/):
/// decimal or binary suffixes, `m` for thousandths; `nil` for anything else.
enum Quantity {
    static let suffixes: [(String, Double)] = [
        ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776), ("Pi", 1_125_899_906_842_624),
        ("Ei", 1_152_921_504_606_846_976), ("m", 0.001), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
    ]

    static func value(_ quantity: JSONValue) -> Double? {
        if case let .number(number) = quantity { return number }
        guard let text = quantity.string else { return nil }
        for (suffix, factor) in suffixes where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * factor }
        }
        return Double(text)
    }
}
