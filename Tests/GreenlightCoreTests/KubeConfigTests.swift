import Foundation
@testable import GreenlightCore
import GreenlightTestSupport
import Testing

@Suite("kubeconfig")
struct KubeConfigTests {
    private func write(_ scratch: ScratchDirectory, _ name: String, _ text: String) throws -> String {
        let url = scratch.path(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private let first = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
          - name: dev
            cluster:
              server: https://dev.example:6443
              certificate-authority: certs/ca.pem
              tls-server-name: kubernetes.internal
        users:
          - name: alice
            user:
              token: first-token
        contexts:
          - name: dev
            context: {cluster: dev, user: alice, namespace: ci}
          - name: other
            context: {cluster: prod, user: bob}
        """
    private let second = """
        current-context: other
        clusters:
          - name: dev
            cluster: {server: https://shadowed.example}
          - name: prod
            cluster: {server: https://prod.example, insecure-skip-tls-verify: true}
        users:
          - name: bob
            user: {tokenFile: bob.token}
        """

    @Test func kubeconfigListFirstFileToSetAValueWins() throws {
        let scratch = ScratchDirectory("kube")
        _ = try write(scratch, "a/certs/ca.pem", "PEM")
        let a = try write(scratch, "a/config", first)
        let b = try write(scratch, "b/config", second)
        _ = try write(scratch, "b/bob.token", "bob-token\n")
        let loader = KubeConfigLoader(environment: ["KUBECONFIG": "\(a):\(scratch.path("missing").path):\(b)", "HOME": scratch.url.path])
        let dev = try loader.load()
        #expect(dev.server.absoluteString == "https://dev.example:6443")
        #expect(dev.namespace == "ci")
        #expect(dev.authentication == .token("first-token"))
        #expect(dev.tlsServerName == "kubernetes.internal")
        #expect(dev.certificateAuthority == Data("PEM".utf8))

        let other = try loader.load(context: "other")
        #expect(other.server.absoluteString == "https://prod.example")
        #expect(other.namespace == "default")
        #expect(other.insecureSkipTLSVerify)
        #expect(other.authentication == .tokenFile(scratch.path("b/bob.token").path))
        #expect(try loader.load(context: "other", namespace: "override").namespace == "override")
    }

    @Test func badKubeconfigsNameTheFileAndKey() throws {
        let scratch = ScratchDirectory("kube")
        let missingCluster = try write(scratch, "c1", "current-context: x\ncontexts:\n  - name: x\n    context: {cluster: nope, user: u}\n")
        let error1 = #expect(throws: KubernetesError.self) { try KubeConfigLoader(environment: [:]).load(explicitPath: missingCluster) }
        #expect(error1?.message.contains("\(missingCluster): contexts[0].context.cluster: cluster \"nope\" is not defined") == true)

        let badData = try write(scratch, "c2", """
            current-context: x
            clusters: [{name: c, cluster: {server: 'https://h', certificate-authority-data: '***'}}]
            contexts: [{name: x, context: {cluster: c}}]
            """)
        let error2 = #expect(throws: KubernetesError.self) { try KubeConfigLoader(environment: [:]).load(explicitPath: badData) }
        #expect(error2?.message.contains("clusters[0].cluster.certificate-authority-data: not valid base64") == true)

        let badServer = try write(scratch, "c3", "current-context: x\nclusters: [{name: c, cluster: {server: 'ftp://h'}}]\ncontexts: [{name: x, context: {cluster: c}}]\n")
        let error3 = #expect(throws: KubernetesError.self) { try KubeConfigLoader(environment: [:]).load(explicitPath: badServer) }
        #expect(error3?.message.contains("clusters[0].cluster.server") == true)

        let error4 = #expect(throws: KubernetesError.self) { try KubeConfigLoader(environment: [:]).load(explicitPath: scratch.path("absent").path) }
        #expect(error4?.message.contains("does not exist") == true)
        let error5 = #expect(throws: KubernetesError.self) { try KubeConfigLoader(environment: ["HOME": scratch.url.path]).load() }
        #expect(error5?.message.contains("no kubeconfig") == true)
    }

    /// No namespace file: `default`. A namespace file that cannot be read is an error naming
    /// it, never a silent `default` (the Job would run, and be looked for, in the wrong place).
    @Test func inClusterNamespaceIsDefaultOnlyWhenTheFileIsMissing() throws {
        let scratch = ScratchDirectory("kube")
        let account = scratch.path("sa")
        try FileManager.default.createDirectory(at: account, withIntermediateDirectories: true)
        try "token".write(to: account.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        let loader = KubeConfigLoader(environment: ["KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443", "HOME": scratch.url.path],
                                      serviceAccountDirectory: account.path)
        #expect(try loader.load().namespace == "default")
        // A directory where the file should be: unreadable as text, whoever runs the test.
        try FileManager.default.createDirectory(at: account.appendingPathComponent("namespace"), withIntermediateDirectories: true)
        let error = #expect(throws: KubernetesError.self) { try loader.load() }
        #expect(error?.message.contains("\(account.path)/namespace") == true, "\(String(describing: error))")
        #expect(error?.message.contains("cannot read the service account's namespace") == true)
    }

    @Test func inClusterConfigReadsTheServiceAccountAndRereadsTheToken() async throws {
        let scratch = ScratchDirectory("kube")
        let account = scratch.path("sa")
        try FileManager.default.createDirectory(at: account, withIntermediateDirectories: true)
        try "token-1".write(to: account.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        try "CA".write(to: account.appendingPathComponent("ca.crt"), atomically: true, encoding: .utf8)
        try "builds\n".write(to: account.appendingPathComponent("namespace"), atomically: true, encoding: .utf8)
        let loader = KubeConfigLoader(environment: ["KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443", "HOME": scratch.url.path],
                                      serviceAccountDirectory: account.path)
        let connection = try loader.load()
        #expect(connection.server.absoluteString == "https://10.0.0.1:443")
        #expect(connection.namespace == "builds")
        #expect(connection.certificateAuthority == Data("CA".utf8))
        let credentials = CredentialSource(authentication: connection.authentication, environment: [:], runner: ProcessRunner(group: ProcessGroupSet()))
        #expect(try await credentials.token() == "token-1")
        try "token-2 rotated".write(to: account.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        #expect(try await credentials.token() == "token-2 rotated")
    }

    @Test func execPluginIsCachedUntilExpiryOrInvalidation() async throws {
        let scratch = ScratchDirectory("kube")
        let counter = scratch.path("runs")
        let plugin = scratch.path("plugin.sh")
        try ExecutableFile.write("""
            #!/bin/sh
            echo run >> '\(counter.path)'
            test -n "$KUBERNETES_EXEC_INFO" || exit 3
            printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"tok-%s-%s","expirationTimestamp":"%s"}}' "$1" "$PLUGIN_ENV" "$EXPIRY"
            """, to: plugin)
        let config = try write(scratch, "config", """
            current-context: x
            clusters: [{name: c, cluster: {server: 'https://h'}}]
            users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: ./plugin.sh, args: [arg], env: [{name: PLUGIN_ENV, value: e}]}}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            """)
        let connection = try KubeConfigLoader(environment: [:]).load(explicitPath: config)
        let later = NoteCodec.formatDate(Date().addingTimeInterval(3600))
        let credentials = CredentialSource(authentication: connection.authentication, environment: ["PATH": "/usr/bin:/bin", "EXPIRY": later], runner: ProcessRunner(group: ProcessGroupSet()))
        #expect(try await credentials.token() == "tok-arg-e")
        #expect(try await credentials.token() == "tok-arg-e")
        #expect(await credentials.pluginRuns == 1)
        await credentials.invalidate()
        _ = try await credentials.token()
        #expect(await credentials.pluginRuns == 2)

        let expired = CredentialSource(authentication: connection.authentication,
                                       environment: ["PATH": "/usr/bin:/bin", "EXPIRY": NoteCodec.formatDate(Date().addingTimeInterval(-5))],
                                       runner: ProcessRunner(group: ProcessGroupSet()))
        _ = try await expired.token()
        _ = try await expired.token()
        #expect(await expired.pluginRuns == 2)
    }
}
