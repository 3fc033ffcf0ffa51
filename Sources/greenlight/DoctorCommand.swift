import ArgumentParser
import Foundation
import GreenlightCore

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the clean room's setup (the local sandbox, or the Kubernetes cluster and every permission greenlight needs) and the signing key.",
        discussion: "With the local backend, starts the bubblewrap sandbox once as a clean-room run would and says how to fix it when it cannot. With Kubernetes, checks the kubeconfig, API server and version, and asks each permission with a SelfSubjectAccessReview; a denied one prints the Role rule that fixes it. Then checks this user's signing key: readable, and listed in the trusted ref's .greenlight/trusted-keys (when that file exists; otherwise verify ignores the verdicts it signs). Exit 0 when all is well, 1 when a check failed, 2 when the configuration cannot be read."
    )

    @OptionGroup var repository: RepositoryOption

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: true) { try repository.open() }
        do {
            let gate = try session.gate()
            let checks = await ClusterUseCase(gate: gate).doctor()
            session.exitIfInterrupted()
            for check in checks { print("\(check.ok ? "ok  " : "FAIL") \(check.name): \(check.detail)") }
            session.flushAndExitIfInterrupted()
            if checks.contains(where: { !$0.ok }) { throw ExitCode(1) }
        } catch {
            throw session.exit(for: error)
        }
    }
}
