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
              greenlight push --wait 90s       # wait at most 90s; still running: exit 75, run again later
              greenlight push --detach         # start the gate in the background; never pushes

            greenlight's own options come first, before any git argument, and are not passed to git: \
            --wait D (or --wait=D) runs the gate detached and waits at most D (90s, 5m); --detach starts \
            it and returns at once. Either way the run goes on after greenlight returns, and the next \
            `greenlight push` (or `git push`) finds its verdict.

            Exit status: git push's own when the gate passed; 1 fail, 2 error when it did not (nothing is \
            pushed); 75 the gate is still running (--wait ran out, or --detach); with --detach, 0 when every \
            commit already passed (nothing is pushed).
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "[--wait D | --detach] then arguments for git push, unchanged.")
    var gitArguments: [String] = []

    /// greenlight's options, recognised only before the first git argument.
    struct Options {
        var wait: TimeInterval?
        var detach = false
        var gitArguments: [String]

        init(_ arguments: [String]) throws {
            var rest = arguments[...]
            while let first = rest.first {
                if first == "--detach" {
                    detach = true
                    rest = rest.dropFirst()
                } else if first == "--wait" || first.hasPrefix("--wait=") {
                    let value = first == "--wait" ? rest.dropFirst().first : String(first.dropFirst("--wait=".count))
                    guard let value, let seconds = ["0", "0s"].contains(value) ? 0 : DurationParser.seconds(from: value) else {
                        throw ValidationError("--wait needs a duration such as 90s or 5m")
                    }
                    wait = seconds
                    rest = rest.dropFirst(first == "--wait" ? 2 : 1)
                } else {
                    break
                }
            }
            if detach, wait != nil { throw ValidationError("--wait and --detach exclude each other") }
            gitArguments = Array(rest)
        }
    }

    func run() async throws {
        let options = try Options(gitArguments)
        let session = try CommandSession.start(quietTerminal: false, interruptLine: options.detach || options.wait != nil ? CommandSession.stoppedWaiting : nil) { try RepositoryOption.open() }
        do {
            defer { session.finish() }
            let gate = try session.gate()
            let cancellator = session.cancellator
            let bounded = (options.detach || options.wait != nil)
                ? BoundedWait(budget: options.wait ?? 0, executable: currentExecutable(), follow: { printError($0) },
                              stop: { cancellator.signal != nil })
                : nil
            let pushed: PushResult
            do {
                pushed = try await PushUseCase(gate: gate).run(gitArguments: options.gitArguments, bounded: bounded)
            } catch let pending as GatePending {
                session.finish()
                session.exitIfInterrupted()
                let runs = pending.runs.map { "\($0.id) (\(String($0.commit.prefix(12))))" }.joined(separator: ", ")
                printError(options.detach
                    ? "greenlight: gate run \(runs) going on in the background; `greenlight wait` joins it, `greenlight push` pushes once it passed\n"
                    : "greenlight: \(pending.line)\n")
                throw ExitCode(DetachedExit.pending)
            }
            session.finish()
            session.exitIfInterrupted()
            printError(PushReport().render(pushed, inHook: false))
            session.flushAndExitIfInterrupted()
            if pushed.verdict != .pass { throw ExitCode(pushed.verdict.exitCode) }
            if options.detach { return }
        } catch {
            throw session.exit(for: error)
        }
        session.flushAndExitIfInterrupted()
        throw ExitCode(replaceProcess(with: ["git", "push"] + options.gitArguments))
    }
}
