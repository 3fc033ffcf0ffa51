import ArgumentParser
import Foundation
import GreenlightCore

struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Delete the clean-room Kubernetes Jobs of a commit (and their pods).",
        discussion: "One Job, or one per step with clean_room.parallel. Uses propagationPolicy=Background, so the Jobs' pods go too (the API's default for Jobs would orphan them)."
    )

    @Argument(help: "The commit whose Job to delete.")
    var revision: String = "HEAD"

    @OptionGroup var repository: RepositoryOption

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: true) { try repository.open() }
        do {
            let result = try await ClusterUseCase(gate: try session.gate()).cancel(revision: revision)
            session.exitIfInterrupted()
            switch result {
            case let .deleted(names, namespace):
                for name in names { print("deleted Job \(namespace)/\(name) and its pods") }
            case let .notFound(name, namespace): print("no Job \(namespace)/\(name); nothing to cancel")
            }
            session.flushAndExitIfInterrupted()
        } catch {
            throw session.exit(for: error)
        }
    }
}
