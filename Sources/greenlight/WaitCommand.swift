import ArgumentParser
import Foundation
import GreenlightCore

struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Wait for the detached gate of a commit and exit with its verdict.",
        discussion: """
            Attaches to the gate run of REV (started by `greenlight check --detach`, `greenlight push --wait` \
            or --detach, the bounded pre-push hook, or the post-commit rehearsal), or reads its verdict from \
            the notes, and prints the report. Ctrl-C stops waiting; the run goes on.

            Exit status: 0 pass, 1 fail, 2 error (also: nothing is running or recorded for REV, or the run \
            was cancelled because a newer commit's rehearsal replaced it; the message names that commit), \
            75 still running when --timeout passed, 130 interrupted.
            """
    )

    @Argument(help: "The commit whose gate to wait for.")
    var revision: String = "HEAD"

    @Option(help: ArgumentHelp("Stop waiting after this long (90s, 5m) and exit 75; default: until the gate is done.", valueName: "duration"))
    var timeout: String?

    @OptionGroup var repository: RepositoryOption

    /// `0` (look once) or a duration.
    func seconds(_ text: String) -> TimeInterval? {
        ["0", "0s"].contains(text) ? 0 : DurationParser.seconds(from: text)
    }

    func validate() throws {
        if let timeout, seconds(timeout) == nil {
            throw ValidationError("--timeout: '\(timeout)' is not a duration (for example 90s, 5m, 1h)")
        }
    }

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: true, interruptLine: CommandSession.stoppedWaiting) { try repository.open() }
        do {
            let gate = try session.gate()
            let commit = try session.repository.resolve(revision)
            let use = GateRunWaiter(gate: gate)
            let cancellator = session.cancellator
            let outcome = try await use.wait(for: commit, timeout: timeout.flatMap(seconds), stop: { cancellator.signal != nil })
            session.exitIfInterrupted()
            switch outcome {
            case let .decided(result):
                print(CheckReport(lines: 40).render(result), terminator: "")
                session.flushAndExitIfInterrupted()
                if result.verdict != .pass { throw ExitCode(result.verdict.exitCode) }
            case let .ended(status):
                print(status.report ?? "", terminator: "")
                session.flushAndExitIfInterrupted()
                if let code = status.exitCode, code != 0 { throw ExitCode(code) }
            case let .cancelled(status):
                let why = status.supersededBy.map { ": a rehearsal of the newer commit \($0) replaced it" } ?? ""
                printError("greenlight: error: the gate run \(status.id) of \(commit.commit.short()) was cancelled\(why)\n")
                throw ExitCode(2)
            case let .pending(status):
                printError("greenlight: \(use.pendingLine(status, commit: commit, command: "greenlight wait \(commit.commit.short())"))\n")
                throw ExitCode(DetachedExit.pending)
            case let .died(status):
                printError("greenlight: error: the gate run \(status.id) of \(commit.commit.short()) stopped without finishing (killed?) and no verdict decides; "
                    + "start it again with `greenlight check --detach \(commit.commit.short())`\n")
                throw ExitCode(2)
            case let .unrecorded(status):
                printError("greenlight: error: the gate run \(status.id) of \(commit.commit.short()) finished, but no verdict in the notes counts here "
                    + "(signed by a key this user does not trust, or removed; see `greenlight status \(commit.commit.short())`)\n")
                throw ExitCode(2)
            case .nothing:
                printError("greenlight: error: nothing is running or recorded for \(commit.commit.short()); start it with `greenlight check --detach \(commit.commit.short())`\n")
                throw ExitCode(2)
            }
        } catch {
            throw session.exit(for: error)
        }
    }
}

/// Exit statuses of the detached model.
enum DetachedExit {
    /// EX_TEMPFAIL (sysexits.h): the gate is still running; try again later.
    static let pending: Int32 = 75
}
