import Foundation

/// `greenlight attestor`: connects (a kubeconfig, or the pod's own service account in a cluster),
/// loads the cluster's signing key and runs the `Attestor` until cancelled.
public struct AttestorUseCase: Sendable {
    public let environment: [String: String]
    public let runner: ProcessRunner

    public init(environment: [String: String], runner: ProcessRunner) {
        self.environment = environment
        self.runner = runner
    }

    /// - Parameters:
    ///   - kubeconfig: a kubeconfig file; `nil` for `KUBECONFIG`, `~/.kube/config`, else in-cluster.
    ///   - namespaces: the gate namespaces to watch (at least one).
    ///   - signingKey: the cluster key (`SigningKeyFile`: PKCS#8 PEM, group-readable at most).
    ///   - log: one line per decision and per trouble.
    /// - Throws: `FileError` (the key), `KubernetesError` (kubeconfig, or list/watch refused).
    public func run(kubeconfig: String?, context: String?, namespaces: [String], signingKey: String,
                    log: @escaping @Sendable (String) -> Void) async throws {
        // A Secret volume for a non-root attestor is group-readable (fsGroup); never world-readable.
        let key = try SigningKeyFile(url: URL(fileURLWithPath: signingKey)).load(groupReadable: true)
        let connection = try KubeConfigLoader(environment: environment).load(explicitPath: kubeconfig, context: context)
        let client = try KubernetesClient(connection: connection, environment: environment, runner: runner)
        let signer = VerdictSigner(key: key)
        log("attestor: signing with \(signer.publicKey.keyID) (trusted-keys line: \(TrustedKey(role: .cluster, key: signer.publicKey).line)); "
            + "watching Jobs in \(namespaces.joined(separator: ", ")) at \(connection.server.absoluteString)")
        do {
            try await Attestor(client: client, namespaces: namespaces, signer: signer, log: log).run()
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }
}
