import Foundation

/// git's pre-push hook: gates every commit the push would update, from git's hook input
/// (githooks(5), "pre-push": `<local ref> SP <local sha> SP <remote ref> SP <remote sha> LF`).
public struct PrePushUseCase: Sendable {
    public let gate: Gate

    public init(gate: Gate) {
        self.gate = gate
    }

    /// - Parameters:
    ///   - input: the hook's whole standard input.
    ///   - remote: the remote's name, or its URL when pushing to a URL.
    ///   - bounded: how the gates run: detached and waited for at most `hooks.pre_push.max_wait`
    ///     (`BoundedWait`); `nil` runs them in this process.
    /// - Throws: `PushedRef.ParseError` naming the line for malformed input; `GatePending` when a
    ///   gate is still running at the limit; what `PushGate.run` throws.
    public func run(input: String, remote: String, bounded: BoundedWait? = nil) async throws -> PushResult {
        let plan = PushPlan(updates: try PushedRef.parse(input), patterns: RefPattern(gate.config.prePushRefs))
        return try await PushGate(gate: gate, remote: remote, bounded: bounded).run(plan, command: "git push")
    }
}
