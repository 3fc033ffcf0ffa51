import Crypto
import Foundation

extension TierDefinition {
    /// The version of the canonical form below. Changing what goes into it, or how, is a
    /// deliberate bump: every verdict recorded under the old form stops being reused once.
    /// Version 1 (greenlight ≤ 0.4) was a JSONEncoder rendering; version 2 is `CanonicalJSON`;
    /// version 3 adds the clean room's `isolation`, `network` and `mounts`; version 4 adds each
    /// step's `idle_timeout`, `on_timeout`, `reports` and `allow_no_tests`, and marks the rule
    /// that a test run with no tests fails (a pass recorded before that rule means less); version 5
    /// adds the clean room's `caches` (names and variables) and `parallel` (steps in order share
    /// one checkout; in parallel each has its own).
    public static let digestVersion = 5

    /// SHA-256 (64 lowercase hex digits) over the tier's meaning: what runs (steps, commands,
    /// env, pass_env), under which limits (timeouts and idle timeouts, in whole milliseconds, and what a timeout does), what counts as a test run (`reports`, `allow_no_tests`) and where
    /// (backend, isolation, network and read-only mounts, caches with the variables they set
    /// (not where they are stored), whether the clean room's steps share one checkout, and for
    /// Kubernetes the image, resources, scheduling and pod overlay).
    ///
    /// The hashed bytes are `greenlight-gate-definition v<digestVersion>\n` followed by the
    /// `CanonicalJSON` text of a fixed field set, never the YAML bytes, so reordering keys
    /// or editing comments keeps the digest and any change to what runs invalidates
    /// verdicts recorded under the old one. `fail_fast`, and the fast tier's `parallel`, are left
    /// out: they change how steps are scheduled, not what a pass means (a pass needs every step
    /// to pass).
    ///
    /// - Throws: `InternalError` when the definition cannot be put in canonical form (a
    ///   non-finite number: configuration loading refuses those, so this is a bug). A digest
    ///   is never computed from partial or empty input.
    public func digest() throws(InternalError) -> String {
        var hasher = SHA256()
        hasher.update(data: Array("greenlight-gate-definition v\(Self.digestVersion)\n".utf8))
        hasher.update(data: try CanonicalJSON.bytes(canonicalForm))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The fields that make up the digest, as a JSON value (hashed as `CanonicalJSON`).
    public var canonicalForm: JSONValue {
        var object: [String: JSONValue] = [
            "tier": .string(tier.rawValue),
            "timeout_ms": Self.milliseconds(timeout),
            "env": .object(env.mapValues(JSONValue.string)),
            "steps": .array(steps.map { step in
                var fields: [String: JSONValue] = [
                    "name": .string(step.name),
                    "run": .string(step.run),
                    "env": .object(step.env.mapValues(JSONValue.string)),
                ]
                fields["timeout_ms"] = step.timeout.map(Self.milliseconds) ?? .null
                fields["idle_timeout_ms"] = step.idleTimeout.map(Self.milliseconds) ?? .null
                fields["on_timeout"] = .string(step.onTimeout.rawValue)
                fields["reports"] = .array(step.reports.map(JSONValue.string))
                fields["allow_no_tests"] = .bool(step.allowNoTests)
                return .object(fields)
            }),
        ]
        if tier == .cleanRoom {
            object["backend"] = .string(backend.kind.rawValue)
            object["pass_env"] = .array(passEnv.sorted().map(JSONValue.string))
            object["isolation"] = .string(isolation.rawValue)
            object["network"] = .bool(network)
            object["mounts"] = .array(mounts.map(JSONValue.string))
            object["parallel"] = .bool(parallel)
            object["caches"] = .object(Dictionary(uniqueKeysWithValues: caches.map { cache in
                (cache.name, JSONValue.object(["env": .object(cache.env.mapValues(JSONValue.string))]))
            }))
            if case let .kubernetes(settings) = backend {
                object["kubernetes"] = Self.canonical(settings)
            }
        }
        return .object(object)
    }

    private static func milliseconds(_ seconds: TimeInterval) -> JSONValue {
        .number((seconds * 1000).rounded())
    }

    /// What in the Job changes what a pass means: the image, resources, scheduling, the pod overlay.
    /// Where it runs (kubeconfig, context, namespace) and how code travels do not.
    private static func canonical(_ settings: KubernetesSettings) -> JSONValue {
        var object: [String: JSONValue] = [
            "image": .string(settings.image),
            "node_selector": .object(settings.nodeSelector.mapValues(JSONValue.string)),
            "automount_service_account_token": .bool(settings.automountServiceAccountToken),
        ]
        object["resources"] = settings.resources ?? .null
        object["tolerations"] = settings.tolerations ?? .null
        object["service_account"] = settings.serviceAccount.map(JSONValue.string) ?? .null
        object["cache_pvc"] = settings.cachePVC.map(JSONValue.string) ?? .null
        object["pod_template"] = settings.podTemplateOverlay ?? .null
        return .object(object)
    }
}
