import Crypto
import Foundation

extension TierDefinition {
    /// SHA-256 (hex) over the tier's meaning: its steps, commands, timeouts, env and backend.
    ///
    /// Computed from a canonical JSON rendering (sorted keys, fixed field set), never
    /// from YAML bytes, so reordering keys or editing comments keeps the digest and
    /// any change to what runs invalidates verdicts recorded under the old one.
    /// `parallel` and `fail_fast` are left out: they change how steps are scheduled,
    /// not what a pass means.
    public var digest: String {
        let canonical = Canonical(
            tier: tier.rawValue,
            backend: tier == .cleanRoom ? backend.rawValue : nil,
            timeout_s: timeout,
            env: env,
            pass_env: tier == .cleanRoom ? passEnv.sorted() : nil,
            steps: steps.map { .init(name: $0.name, run: $0.run, timeout_s: $0.timeout, env: $0.env) },
            kubernetes: tier == .cleanRoom && backend == .kubernetes ? kubernetes.map(Self.canonical) : nil
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and dictionaries cannot fail.
        let data = (try? encoder.encode(canonical)) ?? Data()
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    private struct Canonical: Encodable {
        struct Step: Encodable {
            let name: String
            let run: String
            let timeout_s: Double?
            let env: [String: String]
        }
        let tier: String
        let backend: String?
        let timeout_s: Double
        let env: [String: String]
        let pass_env: [String]?
        let steps: [Step]
        let kubernetes: JSONValue?
    }

    /// What in the Job changes what a pass means: the image, resources, scheduling, the pod overlay.
    /// Where it runs (kubeconfig, context, namespace) and how code travels do not.
    private static func canonical(_ settings: KubernetesSettings) -> JSONValue {
        var object: [String: JSONValue] = [
            "image": .string(settings.image),
            "node_selector": .object(settings.nodeSelector.mapValues(JSONValue.string)),
            "automount_service_account_token": .bool(settings.automountServiceAccountToken),
        ]
        object["resources"] = settings.resources
        object["tolerations"] = settings.tolerations
        object["service_account"] = settings.serviceAccount.map(JSONValue.string)
        object["cache_pvc"] = settings.cachePVC.map(JSONValue.string)
        object["pod_template"] = settings.podTemplateOverlay
        return .object(object)
    }
}
