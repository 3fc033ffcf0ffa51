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
        let session = try CommandSession.start(quietTerminal: false) { try RepositoryOption.open() }
        let ghCommand: [String]
        do {
            defer { session.finish() }
            let useCase = PullRequestUseCase(gate: try session.gate(), environment: ProcessInfo.processInfo.environment)
            let result = try await useCase.run(PullRequestArguments(ghArguments))
            session.finish()
            session.exitIfInterrupted()
            guard let command = result.ghCommand else {
                printError(PushReport().render(result.push, inHook: false))
                printError("greenlight: no pull request was opened\n")
                throw ExitCode(result.push.verdict.exitCode)
            }
            printError(result.pushOutput)
            printError("greenlight: \(result.target.commit.short()) on \(result.target.branch) passed the gate\n")
            ghCommand = command
        } catch {
            throw session.exit(for: error)
        }
        session.flushAndExitIfInterrupted()
        throw ExitCode(replaceProcess(with: ghCommand))
    }
}
