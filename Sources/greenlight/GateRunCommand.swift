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
            let resolved = try session.repository.resolve(commit)
            // The definition decides the run key; the gate then reports into the run's status file.
            let definition = try GateDefinition.load(repository: session.repository, choice: config, remote: remote)
            let key = try GateRunKey(commit: resolved.commit, config: definition.config)
            let store = GateRunStore(repository: session.repository)
            let status = GateRunStatus(id: runId, key: key, pid: getpid(),
                                       worktree: (session.repository.workingDirectory ?? session.repository.gitDirectory).path,
                                       startedAt: Date(), rehearsal: rehearsal)
            var tiers = session.tiers
            tiers.progress = StatusFileProgress(base: session.progress, store: store, key: key, status: status)
            // A rehearsal runs while the coder keeps working: its fast tier stays out of the workspace.
            if rehearsal { tiers.awayFromWorkspace = "a rehearsal runs while the workspace keeps changing" }
            let gate = try Gate.make(tiers: tiers, definition: definition)
            let outcome = try await GateRunUseCase(gate: gate)
                .run(resolved, status: status, key: key, remote: remote) { CheckReport(lines: 40).render($0) }
            session.finish()
            switch outcome {
            case .alreadyRunning:
                printError("greenlight: another run of \(resolved.commit.short()) under this gate is going on; nothing to do\n")
            case let .finished(_, exitCode):
                session.flushAndExitIfInterrupted()
                if exitCode != 0 { throw ExitCode(exitCode) }
            }
        } catch {
            throw session.exit(for: error)
        }
    }
}
