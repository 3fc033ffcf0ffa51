import ArgumentParser
import Foundation
import GreenlightCore

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the Kubernetes clean room: kubeconfig, API server, version and every permission greenlight needs.",
        discussion: "Each permission is asked with a SelfSubjectAccessReview; a denied one prints the Role rule that fixes it. Exit 0 when all is well, 1 when a check failed, 2 when the configuration cannot be read."
    )

    @OptionGroup var repository: RepositoryOption

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: true) { try repository.open() }
        do {
            let gate = try session.gate()
            guard let checks = await ClusterUseCase(gate: gate).doctor() else {
                print("clean_room.backend is \(gate.config.cleanRoom.backend.kind.rawValue): nothing to check on a cluster")
                return
            }
            session.exitIfInterrupted()
            for check in checks { print("\(check.ok ? "ok  " : "FAIL") \(check.name): \(check.detail)") }
            session.flushAndExitIfInterrupted()
            if checks.contains(where: { !$0.ok }) { throw ExitCode(1) }
        } catch {
            throw session.exit(for: error)
        }
    }
}
