import Foundation

/// `greenlight doctor`: can greenlight reach the API server, which version is it, and
/// may it do every call the clean room needs (SelfSubjectAccessReview for each)?
public struct ClusterDoctor: Sendable {
    /// Every call greenlight makes, as RBAC sees them (deploy/role.yaml grants exactly these).
    public static let requiredCalls: [APICall] = [
        APICall(verb: "create", group: "batch", resource: "jobs"),
        APICall(verb: "get", group: "batch", resource: "jobs"),
        APICall(verb: "list", group: "batch", resource: "jobs"),
        APICall(verb: "watch", group: "batch", resource: "jobs"),
        APICall(verb: "delete", group: "batch", resource: "jobs"),
        APICall(verb: "get", group: "", resource: "pods"),
        APICall(verb: "list", group: "", resource: "pods"),
        APICall(verb: "watch", group: "", resource: "pods"),
        APICall(verb: "get", group: "", resource: "pods", subresource: "log"),
        APICall(verb: "create", group: "", resource: "configmaps"),
        APICall(verb: "get", group: "", resource: "configmaps"),
        APICall(verb: "delete", group: "", resource: "configmaps"),
    ]

    public struct Check: Sendable {
        public let name: String
        public let ok: Bool
        public let detail: String
    }

    public let settings: KubernetesSettings
    public let context: TierContext

    public init(context: TierContext, settings: KubernetesSettings) {
        self.context = context
        self.settings = settings
    }

    /// Calls in the attestor's namespace that would put its signing key within the workspace's
    /// reach: each must be denied.
    public static let forbiddenInAttestorNamespace: [APICall] = [
        APICall(verb: "get", group: "", resource: "secrets"),
        APICall(verb: "list", group: "", resource: "secrets"),
        APICall(verb: "watch", group: "", resource: "secrets"),
        APICall(verb: "create", group: "", resource: "pods", subresource: "exec"),
        APICall(verb: "create", group: "", resource: "pods"),
        APICall(verb: "patch", group: "apps", resource: "deployments"),
    ]

    /// Whether this workspace's credentials can read the attestor's key (they must not).
    func attestorIsOutOfReach(_ client: KubernetesClient) async -> Check {
        let namespace = settings.attestorNamespace
        var allowed: [String] = []
        for call in Self.forbiddenInAttestorNamespace {
            switch await review(client, call, namespace: namespace) {
            case .success(true): allowed.append("\(call.verb) \(call.resource)\(call.subresource.map { "/\($0)" } ?? "")")
            case .success(false): continue
            case let .failure(error): return Check(name: "attestor key out of reach", ok: false, detail: "cannot ask: \(error)")
            }
        }
        guard allowed.isEmpty else {
            return Check(name: "attestor key out of reach", ok: false,
                         detail: "these credentials may \(allowed.joined(separator: ", ")) in namespace \(namespace), where the attestor's signing key is: "
                             + "whoever holds them can sign as the cluster; bind the workspace's Role in the gate namespace only (deploy/)")
        }
        return Check(name: "attestor key out of reach", ok: true, detail: "these credentials can read nothing of namespace \(namespace)")
    }

    /// A SelfSubjectAccessReview of `call` in `namespace`.
    private func review(_ client: KubernetesClient, _ call: APICall, namespace: String) async -> Result<Bool, Error> {
        let review: JSONValue = [
            "apiVersion": "authorization.k8s.io/v1",
            "kind": "SelfSubjectAccessReview",
            "spec": ["resourceAttributes": [
                "namespace": .string(namespace), "verb": .string(call.verb), "group": .string(call.group),
                "resource": .string(call.resource), "subresource": .string(call.subresource ?? ""),
            ]],
        ]
        do {
            let answer = try await client.send(APICall(verb: "create", group: "authorization.k8s.io", resource: "selfsubjectaccessreviews"),
                                               method: .POST, path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", body: review)
            return .success(answer.at("status.allowed")?.bool ?? false)
        } catch {
            return .failure(error)
        }
    }

    public func run() async -> [Check] {
        var checks: [Check] = []
        let connection: ClusterConnection
        let client: KubernetesClient
        do {
            (connection, client) = try KubernetesConnector(context: context, settings: settings).client()
        } catch {
            return [Check(name: "kubeconfig", ok: false, detail: "\(error)")]
        }
        checks.append(Check(name: "kubeconfig", ok: true, detail: "\(connection.source) → \(connection.server.absoluteString), namespace \(connection.namespace)"))
        do {
            let version = try await client.send(APICall(verb: "get", group: "", resource: "version"), method: .GET, path: "/version", timeout: 10)
            let text = version["gitVersion"]?.string ?? "?"
            let minor = Int(version["minor"]?.string?.filter(\.isNumber) ?? "") ?? 0
            let note = minor > 0 && minor < 31 ? " (before 1.31: Job conditions arrive in the older order; still supported)" : ""
            checks.append(Check(name: "API server", ok: true, detail: "reachable, Kubernetes \(text)\(note)"))
        } catch {
            checks.append(Check(name: "API server", ok: false, detail: "\(error)"))
            await client.shutdown()
            return checks
        }
        for var call in Self.requiredCalls {
            call.namespace = connection.namespace
            switch await review(client, call, namespace: connection.namespace) {
            case let .success(allowed):
                checks.append(Check(name: call.description, ok: allowed,
                                    detail: allowed ? "allowed" : "DENIED: add the Role rule \(call.rbacRule) (see deploy/role.yaml)"))
            case let .failure(error):
                checks.append(Check(name: call.description, ok: false, detail: "\(error)"))
            }
        }
        checks.append(await attestorIsOutOfReach(client))
        if let secret = settings.gitSecret {
            checks.append(Check(name: "git credentials", ok: true, detail: "the Job mounts Secret \"\(secret)\" (not checked: greenlight does not read Secrets)"))
        }
        await client.shutdown()
        return checks
    }
}
