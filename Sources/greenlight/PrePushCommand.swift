import ArgumentParser
import Foundation
import GreenlightCore

struct PrePushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pre-push",
        abstract: "git's pre-push hook: refuse the push unless every pushed commit passed the gate.",
        discussion: """
            Run by the hook that `greenlight install` writes. Reads git's pre-push input on stdin \
            ('<local ref> <local sha> <remote ref> <remote sha>' per line) and gates every updated ref \
            matching hooks.pre_push.refs (default refs/heads/*): deletions and notes pass, each distinct \
            commit is gated once. Cached verdicts make this instant. After new verdicts are recorded, the \
            notes are pushed to the same remote (notes.sync, default true).
            """
    )

    @Argument(help: "The remote's name (or URL when pushing to a URL).")
    var remote: String

    @Argument(help: "The remote's URL.")
    var url: String?

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: false) { try RepositoryOption.open() }
        do {
            defer { session.finish() }
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let pushed = try await PrePushUseCase(gate: try session.gate(remote: remote)).run(input: input, remote: remote)
            session.finish()
            session.exitIfInterrupted()
            printError(PushReport().render(pushed, inHook: true))
            session.flushAndExitIfInterrupted()
            if pushed.verdict != .pass { throw ExitCode(pushed.verdict.exitCode) }
        } catch {
            throw session.exit(for: error)
        }
    }
}
