import Foundation

/// `greenlight push [git push arguments]`: gates what `git push` with the same arguments
/// would push, before git opens a connection. The caller runs `git push` when it passed.
public struct PushUseCase: Sendable {
    public let gate: Gate

    public init(gate: Gate) {
        self.gate = gate
    }

    /// - Parameter bounded: run the gates detached and wait at most this long (`push --wait`,
    ///   `--detach`); `nil` runs them here, as long as they take.
    /// - Throws: `PushArguments.ResolutionError` when the remote or refspecs cannot be
    ///   resolved; `GatePending` when a bounded wait ran out; what `PushGate.run` throws.
    public func run(gitArguments: [String], bounded: BoundedWait? = nil) async throws -> PushResult {
        let repository = gate.context.tiers.repository
        let arguments = PushArguments(gitArguments)
        let remote = try arguments.resolvedRemote(in: repository)
        let plan = PushPlan(targets: try arguments.targets(in: repository), patterns: RefPattern(gate.config.prePushRefs))
        return try await PushGate(gate: gate, remote: remote, bounded: bounded).run(plan, command: "greenlight push")
    }
}
