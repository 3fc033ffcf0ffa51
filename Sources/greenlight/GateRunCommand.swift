import ArgumentParser
import Foundation
import GreenlightCore

/// The detached gate run that `check --detach`, `push --wait`, the bounded hook and the rehearsal
/// start (`DetachedGate`); not for people.
struct GateRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate-run",
        abstract: "Run the gate of one commit as a detached run (started by greenlight itself).",
        shouldDisplay: false
    )

    @Argument var commit: String
    @Option var runId: String
    @Option var config: DefinitionSource = .trusted
    @Option var remote: String?
    @Flag var rehearsal = false

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: true) { try RepositoryOption.open() }
        do {
            let outcome = try await GateRunUseCase.start(tiers: session.tiers, revision: commit, runID: runId, choice: config,
                                                         remote: remote, rehearsal: rehearsal)
            session.finish()
            switch outcome {
            case let .alreadyRunning(commit):
                printError("greenlight: another run of \(commit.short()) under this gate is going on; nothing to do\n")
            case let .finished(_, exitCode):
                session.flushAndExitIfInterrupted()
                if exitCode != 0 { throw ExitCode(exitCode) }
            }
        } catch {
            throw session.exit(for: error)
        }
    }
}
