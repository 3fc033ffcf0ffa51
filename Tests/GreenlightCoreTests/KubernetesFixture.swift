import FakeKubernetes
import Foundation
import GreenlightCore
import GreenlightTestSupport

/// A scratch repository whose clean room runs on the fake API server, with a bare remote
/// as the clone URL and a kubeconfig pointing at the server.
final class KubernetesFixture: @unchecked Sendable {
    let server: FakeKubeAPIServer
    let repo: ScratchRepository
    let remote: URL
    let kubeconfig: URL
    let token = "s3cret-token"

    init(tls: Bool = false, token: Bool = true, clientCertificate: Bool = false, userToken: String? = nil) async throws {
        repo = try ScratchRepository("work")
        remote = repo.scratch.path("remote.git")
        try Command.check(["git", "init", "-q", "--bare", "-b", "main", remote.path], in: repo.scratch.url)
        try repo.git("remote", "add", "origin", remote.path)
        var options = FakeKubeAPIServer.Options(workRoot: repo.scratch.path("kubelet"))
        try FileManager.default.createDirectory(at: options.workRoot, withIntermediateDirectories: true)
        var pki: TestPKI?
        if tls {
            pki = try TestPKI.generate(in: repo.scratch.path("pki"))
            options.tls = pki
        }
        if token { options.tokens = [self.token] }
        options.requireClientCertificate = clientCertificate
        options.bookmarkInterval = 0.5
        server = FakeKubeAPIServer(options: options)
        // As deploy/ binds the workspace's Role: nothing in the attestor's namespace.
        server.faults.forbid(namespace: "greenlight-attestor")
        try await server.start()
        kubeconfig = repo.scratch.path("kubeconfig")
        var cluster = "server: \(server.baseURL.absoluteString)"
        if let pki { cluster += "\n      certificate-authority: \(pki.caCertificate.path)" }
        var user = "token: \(userToken ?? self.token)"
        if clientCertificate, let pki {
            user = "client-certificate: \(pki.clientCertificate.path)\n      client-key: \(pki.clientKey.path)"
        }
        try """
            apiVersion: v1
            kind: Config
            current-context: fake
            clusters:
              - name: fake
                cluster:
                  \(cluster)
            users:
              - name: tester
                user:
                  \(user)
            contexts:
              - name: fake
                context: {cluster: fake, user: tester, namespace: ci}
            """.write(to: kubeconfig, atomically: true, encoding: .utf8)
        try writeConfig()
        try repo.write("test.sh", "#!/bin/sh\necho \"running in $(pwd)\"\necho tests ok\n", executable: true)
        try repo.commitAll("initial")
    }

    /// `.greenlight.yml` with the Kubernetes backend; `extra` lines go under `kubernetes:`.
    func writeConfig(timeout: String = "60s", image: String = "example.test/ci:1", extra: [String] = [], step: String = "./test.sh",
                     stepFields: String = "") throws {
        var lines = [
            "clean_room:",
            "  backend: kubernetes",
            "  timeout: \(timeout)",
            "  steps:",
            "    - {name: test, run: '\(step)'\(stepFields)}",
            "  kubernetes:",
            "    image: \(image)",
            "    kubeconfig: \(kubeconfig.path)",
            "    schedule_timeout: 2s",
        ]
        lines += extra.map { "    \($0)" }
        try repo.write(".greenlight.yml", lines.joined(separator: "\n") + "\n")
    }

    func gate(progress: ProgressSink = SilentProgress(), processes: ProcessGroupSet = ProcessGroupSet()) throws -> Gate {
        var environment = TestEnvironment.base
        environment["HOME"] = repo.scratch.url.path
        let context = TierContext(repository: try repo.open(), progress: progress, processes: processes,
                                  environment: environment, temporaryDirectory: repo.scratch.url)
        return try Gate.load(tiers: context)
    }

    func check(tiers: TierSelection = .cleanRoom) async throws -> GateResult {
        try await gate().check(tiers: tiers)
    }

    /// Checks the clean room and, once the Job's pod exists, does what Ctrl-C does.
    func checkAndDetachOnceThePodExists() async throws -> GateResult {
        let processes = ProcessGroupSet()
        let gate = try gate(processes: processes)
        let server = self.server
        Task {
            for _ in 0..<100 where server.pods(namespace: "ci").isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            processes.stopAll()
        }
        return try await gate.check(tiers: .cleanRoom)
    }

    /// Runs `body` with a fresh fixture and always shuts the server down (killing its containers).
    static func with(tls: Bool = false, token: Bool = true, clientCertificate: Bool = false, userToken: String? = nil,
                     _ body: (KubernetesFixture) async throws -> Void) async throws {
        let fixture = try await KubernetesFixture(tls: tls, token: token, clientCertificate: clientCertificate, userToken: userToken)
        do {
            try await body(fixture)
        } catch {
            try? await fixture.server.shutdown()
            throw error
        }
        try await fixture.server.shutdown()
    }
}

extension GateResult {
    var cleanRoomOutcome: TierRunResult? {
        guard let tier = tiers.first(where: { $0.tier == .cleanRoom }), case let .ran(outcome) = tier.state else { return nil }
        return outcome
    }
}
