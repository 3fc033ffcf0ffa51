import Foundation

/// `greenlight cancel`: deletes the clean-room Jobs of a commit (one, or one per step with
/// `clean_room.parallel`; their pods too, with Background propagation) and its bundle ConfigMap.
public struct JobCanceller: Sendable {
    public let context: TierContext
    public let definition: TierDefinition

    public init(context: TierContext, definition: TierDefinition) {
        self.context = context
        self.definition = definition
    }

    public enum Result: Equatable, Sendable {
        /// The Jobs deleted (one, or one per step with `clean_room.parallel`), sorted.
        case deleted(names: [String], namespace: String)
        case notFound(name: String, namespace: String)
    }

    /// Deletes every Job of the commit under the current definition (found by the labels
    /// `greenlight.dev/commit` and `greenlight.dev/digest`, confirmed by the full values in their
    /// annotations), then the bundle ConfigMap.
    /// - Throws: `KubernetesError` naming the API call refused; Jobs deleted before it stay deleted.
    public func cancel(_ commit: ResolvedCommit) async throws -> Result {
        guard case let .kubernetes(settings) = definition.backend else {
            throw KubernetesError(code: .configuration, status: 0, call: "cancel",
                                  message: "clean_room.backend is \(definition.backend.kind.rawValue); only Kubernetes Jobs can be cancelled")
        }
        let (connection, client) = try KubernetesConnector(context: context, settings: settings).client()
        do {
            let result = try await cancel(commit, client: client, namespace: connection.namespace)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    private func cancel(_ commit: ResolvedCommit, client: KubernetesClient, namespace: String) async throws -> Result {
        let digest = try definition.digest()
        let name = JobName.make(commit: commit.commit, digest: digest)
        let jobsPath = "/apis/batch/v1/namespaces/\(namespace)/jobs"
        let list = APICall(verb: "list", group: "batch", resource: "jobs", namespace: namespace)
        let selector = "greenlight.dev/commit=\(commit.commit.short(12)),greenlight.dev/digest=\(digest.prefix(8))"
        let found = try await client.send(list, method: .GET, path: jobsPath, query: [URLQueryItem(name: "labelSelector", value: selector)])
        let names = (found["items"]?.array ?? []).filter { job in
            let annotations = job.at("metadata")?["annotations"]
            return annotations?["greenlight.dev/commit"]?.string == commit.commit.hex && annotations?["greenlight.dev/digest"]?.string == digest
        }.compactMap { $0.at("metadata.name")?.string }.sorted()
        var deleted: [String] = []
        for job in names {
            let call = APICall(verb: "delete", group: "batch", resource: "jobs", namespace: namespace, name: job)
            do {
                try await client.send(call, method: .DELETE, path: "\(jobsPath)/\(job)",
                                      query: [URLQueryItem(name: "propagationPolicy", value: "Background")])
                deleted.append(job)
            } catch let error as KubernetesError where error.code == .notFound {
                // Gone in between (its run ended and removed it): nothing left to cancel.
            }
        }
        let configMap = APICall(verb: "delete", group: "", resource: "configmaps", namespace: namespace, name: name)
        do {
            try await client.send(configMap, method: .DELETE, path: "/api/v1/namespaces/\(namespace)/configmaps/\(name)")
        } catch let error as KubernetesError where error.code == .notFound {
            // The ref transport has no ConfigMap, and a finished run removed its own.
        } catch {
            let what = deleted.isEmpty ? "" : "deleted Job\(deleted.count == 1 ? "" : "s") \(deleted.map { "\(namespace)/\($0)" }.joined(separator: ", ")), but "
            throw KubernetesError(code: (error as? KubernetesError)?.code ?? .transport, status: (error as? KubernetesError)?.status ?? 0,
                                  call: configMap.description, message: "\(what)could not delete the bundle ConfigMap \(namespace)/\(name): \(error)")
        }
        return deleted.isEmpty ? .notFound(name: name, namespace: namespace) : .deleted(names: deleted, namespace: namespace)
    }
}
