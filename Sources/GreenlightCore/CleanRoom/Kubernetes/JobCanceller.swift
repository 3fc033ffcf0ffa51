import Foundation

/// `greenlight cancel`: deletes the clean-room Job of a commit (and its pods, with
/// Background propagation) and its bundle ConfigMap.
public struct JobCanceller: Sendable {
    public let context: TierContext
    public let definition: TierDefinition

    public init(context: TierContext, definition: TierDefinition) {
        self.context = context
        self.definition = definition
    }

    public enum Result: Equatable, Sendable {
        case deleted(name: String, namespace: String)
        case notFound(name: String, namespace: String)
    }

    public func cancel(_ commit: ResolvedCommit) async throws -> Result {
        guard case let .kubernetes(settings) = definition.backend else {
            throw KubernetesError(code: .configuration, status: 0, call: "cancel",
                                  message: "clean_room.backend is \(definition.backend.kind.rawValue); only Kubernetes Jobs can be cancelled")
        }
        let (connection, client) = try KubernetesConnector(context: context, settings: settings).client()
        let name = JobName.make(commit: commit.commit, digest: try definition.digest())
        let namespace = connection.namespace
        do {
            let call = APICall(verb: "delete", group: "batch", resource: "jobs", namespace: namespace, name: name)
            try await client.send(call, method: .DELETE, path: "/apis/batch/v1/namespaces/\(namespace)/jobs/\(name)",
                                  query: [URLQueryItem(name: "propagationPolicy", value: "Background")])
            let configMap = APICall(verb: "delete", group: "", resource: "configmaps", namespace: namespace, name: name)
            do {
                try await client.send(configMap, method: .DELETE, path: "/api/v1/namespaces/\(namespace)/configmaps/\(name)")
            } catch let error as KubernetesError where error.code == .notFound {
                // The ref transport has no ConfigMap, and a finished run removed its own.
            } catch {
                await client.shutdown()
                throw KubernetesError(code: (error as? KubernetesError)?.code ?? .transport, status: (error as? KubernetesError)?.status ?? 0, call: configMap.description,
                                      message: "deleted Job \(namespace)/\(name), but not its bundle ConfigMap: \(error)")
            }
            await client.shutdown()
            return .deleted(name: name, namespace: namespace)
        } catch let error as KubernetesError where error.code == .notFound {
            await client.shutdown()
            return .notFound(name: name, namespace: namespace)
        } catch {
            await client.shutdown()
            throw error
        }
    }
}
