import Foundation

/// `greenlight cancel` and `greenlight doctor`: the Kubernetes clean room outside a check.
public struct ClusterUseCase: Sendable {
    public let gate: Gate

    public init(gate: Gate) {
        self.gate = gate
    }

    /// Deletes the clean-room Job of `revision` and its pods.
    /// - Throws: `GitError` for an unknown revision; `KubernetesError` when the backend is
    ///   not Kubernetes or the API refuses.
    public func cancel(revision: String) async throws -> JobCanceller.Result {
        let commit = try gate.context.tiers.repository.resolve(revision)
        return try await JobCanceller(context: gate.context.tiers, definition: gate.config.cleanRoom).cancel(commit)
    }

    /// Every check of the cluster setup, in order; `nil` when the clean room is not on Kubernetes.
    public func doctor() async -> [ClusterDoctor.Check]? {
        guard case let .kubernetes(settings) = gate.config.cleanRoom.backend else { return nil }
        return await ClusterDoctor(context: gate.context.tiers, settings: settings).run()
    }
}
