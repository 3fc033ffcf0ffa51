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
            commit is gated once. Cached verdicts make this instant. Otherwise the gate runs detached and the \
            hook follows it for at most hooks.pre_push.max_wait (default 5m; 0 never waits): then it refuses the \
            push (exit 1) with one line saying what to do while the run goes on, and the next push finds the \
            verdict. After new verdicts are recorded, the notes are pushed to the same remote (notes.sync, \
            default true).
            """
    )

    @Argument(help: "The remote's name (or URL when pushing to a URL).")
    var remote: String

    @Argument(help: "The remote's URL.")
    var url: String?

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: false, interruptLine: CommandSession.stoppedWaiting) { try RepositoryOption.open() }
        do {
            defer { session.finish() }
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let gate = try session.gate(remote: remote)
            // The gate runs detached; the hook follows its progress and gives up waiting (refusing
            // the push, the run going on) at hooks.pre_push.max_wait.
            let cancellator = session.cancellator
            let bounded = BoundedWait(budget: gate.config.prePushMaxWait, executable: currentExecutable(),
                                      follow: { printError($0) }, stop: { cancellator.signal != nil })
            let pushed: PushResult
            do {
                pushed = try await PrePushUseCase(gate: gate).run(input: input, remote: remote, bounded: bounded)
            } catch let pending as GatePending {
                session.finish()
                session.exitIfInterrupted()
                printError("greenlight: push refused for now: \(pending.line)\n")
                throw ExitCode(1)
            }
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
