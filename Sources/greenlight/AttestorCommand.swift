import ArgumentParser
import Foundation
import GreenlightCore

struct AttestorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attestor",
        abstract: "Run the in-cluster attestor: sign, with the cluster's key, what greenlight's clean-room Jobs ran.",
        discussion: """
            Watches the Jobs labelled app.kubernetes.io/managed-by=greenlight in each --watch-namespace. For every \
            finished Job it checks that the pod ran greenlight's own checkout and steps scripts (the exact texts), \
            takes the commit and tree from the checkout container's marker line, the step container's exit code \
            from the kubelet's status and the SHA-256 of its log through the API, and signs an in-toto test-result \
            Statement (with the pod spec as run) in a DSSE envelope: the Job annotation greenlight.dev/attestation. \
            A pod that does not run greenlight's scripts gets greenlight.dev/attestation-refused with the reason. \
            Already annotated Jobs are skipped, so a restart catches up without signing twice.

            Needs get/list/watch/patch on jobs and get/list/watch on pods and pods/log in the watched namespaces \
            (deploy/attestor/). Runs until stopped; exit 2 when the key or kubeconfig cannot be read or the API \
            refuses to list or watch.
            """
    )

    @Option(help: "The kubeconfig (default: KUBECONFIG, ~/.kube/config, else the pod's service account in a cluster).")
    var kubeconfig: String?

    @Option(help: "The kubeconfig context (default: its current-context).")
    var context: String?

    @Option(name: .customLong("watch-namespace"), help: ArgumentHelp("A namespace whose greenlight Jobs are attested (repeatable).", valueName: "namespace"))
    var namespaces: [String] = []

    @Option(help: ArgumentHelp("The cluster's Ed25519 signing key, PKCS#8 PEM (`greenlight keys init --output FILE`); readable by its group at most (a Secret volume with fsGroup).", valueName: "file"))
    var signingKey: String

    func validate() throws {
        guard !namespaces.isEmpty else { throw ValidationError("name at least one --watch-namespace") }
    }

    func run() async throws {
        do {
            try await AttestorUseCase(environment: ProcessInfo.processInfo.environment, runner: ProcessRunner(group: ProcessGroupSet()))
                .run(kubeconfig: kubeconfig, context: context, namespaces: namespaces, signingKey: signingKey) { line in
                    printError(line + "\n")
                }
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
