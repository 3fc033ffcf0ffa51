import ArgumentParser
import Foundation
import GreenlightCore

struct PullRequestCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Gate the PR's commit, make sure the remote has it, then run `gh pr create` with the same arguments.",
        discussion: """
            The commit is the head of --head/-H <branch>, or HEAD. It must pass the gate, and the \
            remote branch must already point at it (push it first, or add --push to let greenlight \
            push it). Every other argument goes to the real `gh pr create` unchanged, including \
            `--body-file -` with stdin. --push is greenlight's own and is not passed on.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Arguments for gh pr create, unchanged.")
    var ghArguments: [String] = []

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let arguments = PullRequestArguments(ghArguments)
        let realGH: String
        do {
            realGH = try RealGH.locate(environment: environment)
            let session = try GateSession(repository: try RepositoryOption.open())
            defer { session.finish() }
            let repository = session.repository
            let target = try PullRequestTarget.resolve(headBranch: arguments.headBranch, in: repository)
            let (branchRef, branch, commit, remote) = (target.branchRef, target.branch, target.commit, target.remote)
            let plan = PushPlan(targets: [(commit, branchRef)], patterns: RefPattern(["refs/*"]))
            let outcome = try await PushGate(gate: session.gate, remote: remote).run(plan)
            session.finish()
            if outcome.verdict != .pass {
                printError(PushReport().render(outcome, inHook: false))
                printError("greenlight: no pull request was opened\n")
                throw ExitCode(outcome.verdict.exitCode)
            }
            printError("greenlight: \(commit.short()) on \(branch) passed the gate\n")
            try RemoteBranch(repository: repository, remote: remote, environment: environment)
                .ensure(commit, isOn: branch, pushIfMissing: arguments.push)
        } catch {
            throw Failure.exit(for: error)
        }
        throw ExitCode(replaceProcess(with: [realGH, "pr", "create"] + arguments.ghArguments))
    }
}
