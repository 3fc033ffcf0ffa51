import Foundation

/// `greenlight pr create`: gates the commit a pull request would propose, makes sure the
/// remote branch holds it (pushing it with `--push`), and says which `gh` to run.
public struct PullRequestUseCase: Sendable {
    public let gate: Gate
    /// The environment `gh` is looked up in (`GREENLIGHT_REAL_GH`, `PATH`).
    public let environment: [String: String]

    public init(gate: Gate, environment: [String: String]) {
        self.gate = gate
        self.environment = environment
    }

    /// What happened, and what to run next when the gate passed.
    public struct Result: Sendable {
        public var target: PullRequestTarget
        public var push: PushResult
        /// `gh pr create …` to run, `nil` when the gate did not pass (nothing is opened).
        public var ghCommand: [String]?
        /// What `git push` printed when greenlight pushed the branch (`--push`), else empty.
        public var pushOutput: String
    }

    /// - Throws: `RealGH.NotFound` before anything runs when there is no `gh`;
    ///   `PullRequestTarget.DetachedHead`; `RemoteBranch.NotPushed` when the remote branch
    ///   does not hold the commit; what `PushGate.run` throws.
    public func run(_ arguments: PullRequestArguments) async throws -> Result {
        let realGH = try RealGH.locate(environment: environment)
        let tiers = gate.context.tiers
        let target = try PullRequestTarget.resolve(headBranch: arguments.headBranch, in: tiers.repository)
        let plan = PushPlan(targets: [(target.commit, target.branchRef)], patterns: RefPattern(["refs/*"]))
        let push = try await PushGate(gate: gate, remote: target.remote).run(plan)
        guard push.verdict == .pass else {
            return Result(target: target, push: push, ghCommand: nil, pushOutput: "")
        }
        let remoteBranch = RemoteBranch(git: tiers.git, remote: target.remote)
        var pushOutput = ""
        if try await remoteBranch.commit(of: target.branch) != target.commit {
            guard arguments.push else {
                throw RemoteBranch.NotPushed(message: """
                    \(target.remote) does not have \(target.commit.short()) on \(target.branch) yet, so the PR would not propose this commit.
                    Push it first: greenlight push \(target.remote) \(target.branch)   (or add --push and greenlight pushes it)
                    """)
            }
            pushOutput = try await remoteBranch.push(branch: target.branch)
            guard try await remoteBranch.commit(of: target.branch) == target.commit else {
                throw RemoteBranch.NotPushed(message: "pushed \(target.branch) to \(target.remote), but \(target.remote) still does not show \(target.commit.short()) on it")
            }
        }
        return Result(target: target, push: push, ghCommand: [realGH, "pr", "create"] + arguments.ghArguments, pushOutput: pushOutput)
    }
}
