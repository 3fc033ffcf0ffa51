import Foundation

/// `greenlight cancel` and `greenlight doctor`: the clean room outside a check.
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

    /// Every check of the clean room's setup, in order: the cluster's (Kubernetes), or whether
    /// this machine can seal the local clean room (`SandboxDoctor`).
    public func doctor() async -> [ClusterDoctor.Check] {
        switch gate.config.cleanRoom.backend {
        case let .kubernetes(settings): await ClusterDoctor(context: gate.context.tiers, settings: settings).run()
        case .local: [await SandboxDoctor(context: gate.context.tiers, definition: gate.config.cleanRoom).run()]
        }
    }
}
