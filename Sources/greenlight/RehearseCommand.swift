import ArgumentParser
import Foundation
import GreenlightCore

struct RehearseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Start the gate of a commit in the background, cancelling this worktree's older rehearsal.",
        discussion: """
            What the post-commit hook (`greenlight install --rehearse`) runs after every commit, so the \
            verdict is usually recorded by the time the commit is pushed. Returns at once. When a newer \
            commit is rehearsed in the same worktree while an older rehearsal still runs, the older one is \
            cancelled (`greenlight wait` on it exits 2 naming the newer commit). Exit 0 started or already \
            decided, 2 error.
            """
    )

    @Argument(help: "The commit to rehearse.")
    var revision: String = "HEAD"

    @Flag(help: "Print nothing (the post-commit hook).")
    var quiet = false

    @OptionGroup var repository: RepositoryOption

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: true) { try repository.open() }
        do {
            let gate = try session.gate()
            let commit = try session.repository.resolve(revision)
            let (outcome, cancelled) = try await RehearseUseCase(gate: gate, executable: currentExecutable()).run(commit)
            session.finish()
            guard !quiet else { return }
            if let cancelled { printError("greenlight: cancelled the rehearsal of \(String(cancelled.commit.prefix(12))) (run \(cancelled.id))\n") }
            switch outcome {
            case let .decided(result):
                printError("greenlight: \(commit.commit.short()) is already decided: \(result.verdict.rawValue)\n")
            case let .running(status, started, _):
                printError("greenlight: \(started ? "rehearsing" : "already running:") \(commit.commit.short()) in the background (run \(status.id)); "
                    + "`greenlight wait \(commit.commit.short())` joins it\n")
            }
        } catch {
            throw session.exit(for: error)
        }
    }
}
