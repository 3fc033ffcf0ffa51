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
        let session = try CommandSession.start(quietTerminal: false) { try RepositoryOption.open() }
        do {
            defer { session.finish() }
            let pushed = try await PushUseCase(gate: try session.gate()).run(gitArguments: gitArguments)
            session.finish()
            session.exitIfInterrupted()
            printError(PushReport().render(pushed, inHook: false))
            session.flushAndExitIfInterrupted()
            if pushed.verdict != .pass { throw ExitCode(pushed.verdict.exitCode) }
        } catch {
            throw session.exit(for: error)
        }
        session.flushAndExitIfInterrupted()
        throw ExitCode(replaceProcess(with: ["git", "push"] + gitArguments))
    }
}
