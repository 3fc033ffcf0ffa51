import ArgumentParser
import Foundation
import GreenlightCore

struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Gate what `git push` would push, then run `git push` with the same arguments.",
        discussion: """
            The gate runs before git opens a connection to the remote, so a long clean-room run cannot \
            make an SSH push time out; the pre-push hook then finds the verdicts cached. This is the \
            recommended way for coder agents to push:

              greenlight push                  # the current branch to its remote
              greenlight push origin feature   # any git push arguments

            Exit status: git push's own when the gate passed; 1 fail, 2 error when it did not (nothing is pushed).
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Arguments for git push, unchanged.")
    var gitArguments: [String] = []

    func run() async throws {
        do {
            let session = try GateSession(repository: try RepositoryOption.open())
            defer { session.finish() }
            let arguments = PushArguments(gitArguments)
            let remote = try arguments.resolvedRemote(in: session.repository)
            let plan = PushPlan(targets: try arguments.targets(in: session.repository), patterns: RefPattern(session.gate.config.prePushRefs))
            let outcome = try await PushGate(gate: session.gate, remote: remote).run(plan)
            session.finish()
            printError(PushReport().render(outcome, inHook: false))
            if outcome.verdict != .pass { throw ExitCode(outcome.verdict.exitCode) }
        } catch {
            throw Failure.exit(for: error)
        }
        throw ExitCode(replaceProcess(with: ["git", "push"] + gitArguments))
    }
}
