import ArgumentParser
import Foundation
import GreenlightCore

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the gate for a commit and record the verdict in git notes.",
        discussion: """
            Runs the fast tier (in the workspace when HEAD is the commit and the working tree holds \
            exactly its tracked content, else in a temporary checkout of the commit), then, if it passed, \
            the clean-room tier in a fresh checkout sealed by bubblewrap. For each tier the newest \
            pass or fail recorded for this commit under the same tier definition counts (on a tie, fail) \
            and is reused; errors are never reused. If a tracked file changes while the fast tier runs in \
            the workspace, nothing is recorded and the exit status is 2.

            The gate definition is the .greenlight.yml of the trusted ref (git config greenlight.trustedRef, \
            else the push remote's default branch, refs/remotes/<remote>/HEAD, else <remote>/main), not the \
            working tree's: when they differ, one line says so. --config worktree tries the working tree's \
            file; its verdicts are recorded under its own digest and never satisfy a different trusted gate.

            --detach runs the gate in a process of its own that outlives this command (one run per \
            commit and gate, shared by every worktree) and returns 75 at once; `greenlight wait` joins it.

            Exit status: 0 pass, 1 fail, 2 error or bad configuration, 75 started or running in the background \
            (--detach). On SIGINT, SIGTERM or SIGHUP \
            every step is stopped, the running tier records nothing, and greenlight ends by that signal (a shell \
            shows 130, 143 or 129); a second Ctrl-C kills steps that ignore SIGTERM.
            """
    )

    @Argument(help: "The commit to check: a SHA, branch, tag or any revision git understands.")
    var revision: String = "HEAD"

    @Option(help: "Which tiers to run: fast, clean-room or all.")
    var tier: TierSelection = .all

    @Flag(help: "Run the tiers even when a verdict is recorded for this commit.")
    var noCache = false

    @Flag(help: "Keep temporary checkouts (printed on stderr) for debugging.")
    var keep = false

    @Option(help: "Which .greenlight.yml defines the gate: trusted (the trusted ref's, as pushes use) or worktree (yours, to try a change).")
    var config: DefinitionSource = .trusted

    @Flag(help: "Run the gate in the background and return at once: exit 75 (pending) and a run id; `greenlight wait` joins it. When the notes already decide, their verdict's status (0 or 1) at once.")
    var detach = false

    @Flag(help: "Print one JSON document on stdout instead of the report.")
    var json = false

    @Option(help: "Output lines to quote per failing step: the lines around each failure first, then the last lines.")
    var lines: Int = 40

    @OptionGroup var repository: RepositoryOption

    func validate() throws {
        guard lines >= 0 else { throw ValidationError("--lines must be 0 or more") }
        if detach, noCache || keep || tier != .all || json {
            throw ValidationError("--detach runs the whole gate as pushes do: it takes no --no-cache, --keep, --tier or --json")
        }
    }

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: json) { try repository.open() }
        do {
            defer { session.finish() }
            let gate = try session.gate(choice: config)
            let commit = try session.repository.resolve(revision)
            if detach {
                switch try await DetachedGate(gate: gate, executable: currentExecutable()).start(commit, definition: config) {
                case let .decided(result):
                    session.finish()
                    print(CheckReport(lines: lines).render(result), terminator: "")
                    session.flushAndExitIfInterrupted()
                    if result.verdict != .pass { throw ExitCode(result.verdict.exitCode) }
                    return
                case let .running(status, started, _):
                    session.finish()
                    printError("greenlight: gate run \(status.id) of \(commit.commit.short()) \(started ? "started in the background" : "is already running"); "
                        + "`greenlight wait \(commit.commit.short())` joins it\n")
                    throw ExitCode(DetachedExit.pending)
                }
            }
            let result = try await gate.check(CheckOptions(commit: commit, tiers: tier, useCache: !noCache, keep: keep))
            session.finish()
            session.exitIfInterrupted()
            if json {
                print(try CheckDocument(result).json())
            } else {
                print(CheckReport(lines: lines).render(result), terminator: "")
            }
            session.flushAndExitIfInterrupted()
            if result.verdict != .pass { throw ExitCode(result.verdict.exitCode) }
        } catch {
            throw session.exit(for: error)
        }
    }
}

extension TierSelection: ExpressibleByArgument {}
extension DefinitionSource: ExpressibleByArgument {}
