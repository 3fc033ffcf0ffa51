import Foundation

/// Resolves which cluster and namespace the settings point at.
struct KubernetesConnector {
    let context: TierContext
    let settings: KubernetesSettings

    func connection() throws(KubernetesError) -> ClusterConnection {
        var explicit = settings.kubeconfig
        if let path = explicit, !path.hasPrefix("/"), let root = context.repository.workingDirectory {
            explicit = root.appendingPathComponent(path).path
        }
        return try KubeConfigLoader(environment: context.environment)
            .load(explicitPath: explicit, context: settings.context, namespace: settings.namespace)
    }

    /// The connection and a client for it; the caller shuts the client down.
    func client() throws(KubernetesError) -> (ClusterConnection, KubernetesClient) {
        let connection = try connection()
        return (connection, try KubernetesClient(connection: connection, environment: context.environment, runner: context.runner))
    }
}
