import Foundation

/// Renders the clean-room Job for one commit: exactly the fields greenlight owns, then
/// the user's `pod_template` overlay merged into the pod template.
///
/// The pod has two containers of the same image, which share one `emptyDir` volume, the
/// checkout (`workspace`, at ``workspacePath``):
/// - the init container ``checkoutContainerName`` runs `JobScript.checkout`. It alone mounts
///   the git secret (``gitAuthPath``), the bundle's ConfigMap (``transportPath``) and a HOME
///   of its own (``checkoutHomePath``, where `git config --global` writes), and alone gets
///   the clone URL and the transport's environment;
/// - the step container ``containerName`` runs `JobScript.steps` on the checkout, with the
///   cache PVC when configured (the whole claim at ``cachePath``, or with `clean_room.caches` the
///   sub-path `<name>` of the claim at `/cache/<name>` for each cache, its variables pointing
///   there) and no credential in its environment or filesystem.
///
/// With `clean_room.parallel` each step is a Job of its own (``stepDefinition(_:of:)``): the same
/// pod with that one step, so steps run side by side on different nodes.
///
/// Kubernetes runs init containers to completion, one at a time, before any regular
/// container starts, and with `restartPolicy: Never` a failed init container fails the pod
/// (https://kubernetes.io/docs/concepts/workloads/pods/init-containers/); Prow's clonerefs
/// and Tekton's git-init check out code the same way.
struct JobManifest {
    /// The step container.
    static let containerName = "greenlight"
    /// The init container that fetches and checks out the commit.
    static let checkoutContainerName = "greenlight-checkout"
    static let workspacePath = "/workspace"
    /// Where the step container sees the checkout (`JobScript`'s `$GREENLIGHT_WORKSPACE/src`).
    static let sourcePath = workspacePath + "/src"
    static let transportPath = "/greenlight/transport"
    static let gitAuthPath = "/greenlight/git-auth"
    /// The checkout container's HOME: an `emptyDir` no other container mounts.
    static let checkoutHomePath = "/greenlight/home"
    static let cachePath = "/cache"
    /// The Job annotation where the attestor (`Attestor/`) writes its DSSE envelope, one line of JSON.
    public static let attestationAnnotation = "greenlight.dev/attestation"
    /// The Job annotation where the attestor says why it refused to sign.
    public static let refusalAnnotation = "greenlight.dev/attestation-refused"

    let name: String
    let namespace: String
    let commit: ResolvedCommit
    let definition: TierDefinition
    /// `definition.digest()`.
    let digest: String
    let settings: KubernetesSettings
    /// `repository` annotation: where the commit comes from.
    let repositoryURL: String
    /// Environment the transport adds (clone URL, bundle or fetch ref); the checkout container's only.
    let transportEnvironment: [String: String]
    /// The ConfigMap that holds the bundle, for `transport: bundle`.
    let bundleConfigMap: String?

    /// The definition a parallel step's Job runs: `definition` with only `step`.
    static func stepDefinition(_ step: StepDefinition, of definition: TierDefinition) -> TierDefinition {
        var single = definition
        single.steps = [step]
        return single
    }

    /// The Job annotation that names the one step of a parallel step's Job.
    static let stepAnnotation = "greenlight.dev/step"

    func render() -> JSONValue {
        let labels: JSONValue = [
            "app.kubernetes.io/name": "greenlight",
            "app.kubernetes.io/managed-by": "greenlight",
            "greenlight.dev/commit": .string(commit.commit.short(12)),
            "greenlight.dev/digest": .string(String(digest.prefix(8))),
        ]
        var annotations: JSONValue = [
            "greenlight.dev/commit": .string(commit.commit.hex),
            "greenlight.dev/tree": .string(commit.tree.hex),
            "greenlight.dev/digest": .string(digest),
            "greenlight.dev/repository": .string(repositoryURL),
            "greenlight.dev/version": .string(GreenlightVersion.current),
        ]
        if definition.parallel, let step = definition.steps.first {
            annotations = .object((annotations.object ?? [:]).merging([Self.stepAnnotation: .string(step.name)]) { $1 })
        }
        let checkout = container(name: Self.checkoutContainerName, script: JobScript.checkout,
                                 environment: checkoutEnvironment(), mounts: checkoutVolumeMounts())
        let steps = container(name: Self.containerName, script: JobScript.steps,
                              environment: stepEnvironment(), mounts: stepVolumeMounts())
        var podSpec: [String: JSONValue] = [
            "restartPolicy": "Never",
            "automountServiceAccountToken": .bool(settings.automountServiceAccountToken),
            "initContainers": [checkout],
            "containers": [steps],
            "volumes": .array(volumes()),
        ]
        if let serviceAccount = settings.serviceAccount { podSpec["serviceAccountName"] = .string(serviceAccount) }
        if !settings.nodeSelector.isEmpty { podSpec["nodeSelector"] = .object(settings.nodeSelector.mapValues(JSONValue.string)) }
        if let tolerations = settings.tolerations { podSpec["tolerations"] = tolerations }
        var template: JSONValue = ["metadata": ["labels": labels, "annotations": annotations], "spec": .object(podSpec)]
        if let overlay = settings.podTemplateOverlay { template = PodTemplateOverlay.merge(overlay, into: template) }
        return [
            "apiVersion": "batch/v1",
            "kind": "Job",
            "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": labels, "annotations": annotations],
            "spec": [
                "backoffLimit": 0,
                "activeDeadlineSeconds": .number(Double(max(1, Int(definition.timeout.rounded())))),
                "ttlSecondsAfterFinished": .number(Double(settings.ttlSecondsAfterFinished)),
                "template": template,
            ],
        ]
    }

    /// Kubernetes expands `$(VAR)` in a container's command, args and env values and turns
    /// `$$` into `$`; doubling every `$` makes it pass our text through unchanged.
    static func literal(_ text: String) -> String {
        text.replacingOccurrences(of: "$", with: "$$")
    }

    /// Both containers get the resources: a pod's effective request is the larger of the
    /// biggest init container's and the sum of the regular ones', so this costs nothing more.
    private func container(name: String, script: String, environment: [String: String], mounts: [JSONValue]) -> JSONValue {
        var container: [String: JSONValue] = [
            "name": .string(name),
            "image": .string(settings.image),
            "command": ["/bin/sh", "-c", .string(Self.literal(script))],
            "workingDir": .string(Self.workspacePath),
            "env": .array(environment.sorted { $0.key < $1.key }.map { ["name": .string($0.key), "value": .string(Self.literal($0.value))] }),
            "volumeMounts": .array(mounts),
        ]
        if let resources = settings.resources { container["resources"] = resources }
        return .object(container)
    }

    /// The tier's env (proxies and the like may be needed to fetch), then what the checkout needs.
    private func checkoutEnvironment() -> [String: String] {
        var environment = definition.env
        for (key, value) in StepVariables.variables(commit: commit, tier: .cleanRoom) { environment[key] = value }
        environment["GREENLIGHT_WORKSPACE"] = Self.workspacePath
        environment["GREENLIGHT_TRANSPORT"] = settings.transport.rawValue
        environment["HOME"] = Self.checkoutHomePath
        if bundleConfigMap != nil { environment["GREENLIGHT_TRANSPORT_DIR"] = Self.transportPath }
        if settings.gitSecret != nil { environment["GREENLIGHT_GIT_AUTH"] = Self.gitAuthPath }
        for (key, value) in transportEnvironment { environment[key] = value }
        return environment
    }

    /// The tier's env, the step variables and the steps; nothing about where the code came from.
    private func stepEnvironment() -> [String: String] {
        var environment = definition.env
        for (key, value) in StepVariables.variables(commit: commit, tier: .cleanRoom) { environment[key] = value }
        environment["GREENLIGHT_WORKSPACE"] = Self.workspacePath
        environment["GREENLIGHT_STEP_COUNT"] = String(definition.steps.count)
        for cache in cachesMounted {
            for (key, value) in cache.environment(under: "\(Self.cachePath)/\(cache.name)") { environment[key] = value }
        }
        for (index, step) in definition.steps.enumerated() {
            environment["GREENLIGHT_STEP_\(index)_NAME"] = step.name
            // Step-level env is applied inside the step's own shell.
            let exports = step.env.sorted { $0.key < $1.key }.map { "export \($0.key)=\(ShellQuote.quote($0.value)); " }.joined()
            environment["GREENLIGHT_STEP_\(index)_RUN"] = exports + step.run
            // Limits in whole seconds, rounded up: the script checks them once a second.
            if let timeout = step.timeout { environment["GREENLIGHT_STEP_\(index)_TIMEOUT"] = String(Int(timeout.rounded(.up))) }
            if let idle = step.idleTimeout { environment["GREENLIGHT_STEP_\(index)_IDLE_TIMEOUT"] = String(Int(idle.rounded(.up))) }
            environment["GREENLIGHT_STEP_\(index)_ON_TIMEOUT"] = step.onTimeout.rawValue
            if !step.reports.isEmpty { environment["GREENLIGHT_STEP_\(index)_REPORTS"] = step.reports.joined(separator: "\n") }
        }
        return environment
    }

    private func checkoutVolumeMounts() -> [JSONValue] {
        var mounts: [JSONValue] = [
            ["name": "workspace", "mountPath": .string(Self.workspacePath)],
            ["name": "checkout-home", "mountPath": .string(Self.checkoutHomePath)],
        ]
        if bundleConfigMap != nil { mounts.append(["name": "transport", "mountPath": .string(Self.transportPath), "readOnly": true]) }
        if settings.gitSecret != nil { mounts.append(["name": "git-auth", "mountPath": .string(Self.gitAuthPath), "readOnly": true]) }
        return mounts
    }

    private func stepVolumeMounts() -> [JSONValue] {
        var mounts: [JSONValue] = [["name": "workspace", "mountPath": .string(Self.workspacePath)]]
        if settings.cachePVC != nil {
            if definition.caches.isEmpty {
                mounts.append(["name": "cache", "mountPath": .string(Self.cachePath)])
            } else {
                for cache in definition.caches {
                    mounts.append(["name": "cache", "mountPath": .string("\(Self.cachePath)/\(cache.name)"), "subPath": .string(cache.name)])
                }
            }
        }
        return mounts
    }

    /// The caches the step container mounts: `clean_room.caches` when there is a claim to hold them.
    var cachesMounted: [CacheDefinition] { settings.cachePVC == nil ? [] : definition.caches }

    private func volumes() -> [JSONValue] {
        var volumes: [JSONValue] = [["name": "workspace", "emptyDir": [:]], ["name": "checkout-home", "emptyDir": [:]]]
        if let bundleConfigMap {
            volumes.append(["name": "transport", "configMap": ["name": .string(bundleConfigMap)]])
        }
        if let secret = settings.gitSecret {
            volumes.append(["name": "git-auth", "secret": ["secretName": .string(secret), "defaultMode": .number(0o400)]])
        }
        if let claim = settings.cachePVC {
            volumes.append(["name": "cache", "persistentVolumeClaim": ["claimName": .string(claim)]])
        }
        return volumes
    }
}

/// POSIX shell single quoting.
enum ShellQuote {
    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
