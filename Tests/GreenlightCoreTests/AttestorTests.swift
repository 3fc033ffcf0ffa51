import Crypto
import FakeKubernetes
import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// The attestor against the fake API server: a Job greenlight ran gets a cluster signature over
/// what ran; a Job made by hand with greenlight's labels but another command gets a refusal.
@Suite("attestor", .serialized, .timeLimit(.minutes(5)))
struct AttestorTests {
    /// A fixed cluster key (the seed 32 × 0x07).
    static var clusterKey: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 7, count: 32)) }

    /// A client for the fixture's cluster.
    static func client(_ fixture: KubernetesFixture) throws -> KubernetesClient {
        let connection = try KubeConfigLoader(environment: TestEnvironment.base).load(explicitPath: fixture.kubeconfig.path)
        return try KubernetesClient(connection: connection, environment: TestEnvironment.base, runner: ProcessRunner(group: ProcessGroupSet()))
    }

    /// Runs the attestor on namespace `ci` until `done` says the Jobs are annotated (at most 30 s).
    static func runAttestor(_ fixture: KubernetesFixture, until done: @escaping @Sendable () -> Bool) async throws -> [String] {
        let client = try client(fixture)
        let lines = LinesBox()
        let attestor = Attestor(client: client, namespaces: ["ci"], signer: VerdictSigner(key: clusterKey)) { lines.append($0) }
        let task = Task { try await attestor.run() }
        for _ in 0..<300 where !done() { try await Task.sleep(for: .milliseconds(100)) }
        task.cancel()
        _ = await task.result
        await client.shutdown()
        return lines.all
    }

    static func annotations(_ fixture: KubernetesFixture) -> [[String: String]] {
        fixture.server.jobs(namespace: "ci").map { ($0["metadata"] as? [String: Any])?["annotations"] as? [String: String] ?? [:] }
    }

    @Test func aJobGreenlightRanIsSignedWithWhatRan() async throws {
        try await KubernetesFixture.with { fixture in
            let result = try await fixture.check()
            #expect(result.verdict == .pass)
            let head = try fixture.repo.open().resolve("HEAD")
            let digest = try #require(result.tiers.first { $0.tier == .cleanRoom }?.digest)
            let lines = try await Self.runAttestor(fixture) { Self.annotations(fixture).allSatisfy { $0[JobAttestation.attestationAnnotation] != nil } }
            let annotations = try #require(Self.annotations(fixture).first)
            let line = try #require(annotations[JobAttestation.attestationAnnotation], "\(lines)")
            #expect(annotations[JobAttestation.refusalAnnotation] == nil)
            let envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: Data(line.utf8))
            #expect(envelope.isSigned(by: Self.clusterKey.publicKey))
            #expect(envelope.signatures.first?.keyid == SSHEd25519PublicKey(Self.clusterKey.publicKey).keyID)
            let statement = try JSONValue.parse(Data(try #require(envelope.payloadBytes)))
            #expect(statement.at("subject")?.array?.first?["digest"]?["gitCommit"] == .string(head.commit.hex))
            let predicate = try #require(statement["predicate"])
            #expect(predicate["result"] == .string("PASSED"))
            #expect(predicate["configuration"]?.array?.first?["digest"]?["sha256"] == .string(digest))
            #expect(predicate["greenlight"]?["tree"] == .string(head.tree.hex))
            #expect(predicate["greenlight"]?["exitCode"] == .number(0))
            // The log's digest is that of the step container's log as the API serves it.
            let pod = try #require(fixture.server.pods(namespace: "ci").first)
            let podName = try #require((pod["metadata"] as? [String: Any])?["name"] as? String)
            let log = try #require(fixture.server.podLog(pod: podName, namespace: "ci", container: "greenlight"))
            #expect(predicate["greenlight"]?["logSHA256"] == .string(SHA256.hash(data: Data(log.utf8)).map { String(format: "%02x", $0) }.joined()))
            // The pod spec as run, and its canonical digest.
            let spec = try #require(predicate["greenlight"]?["podSpec"])
            #expect(spec["containers"]?.array?.first?["name"] == .string("greenlight"))
            let specDigest = SHA256.hash(data: try CanonicalJSON.bytes(spec)).map { String(format: "%02x", $0) }.joined()
            #expect(predicate["greenlight"]?["podSpecSHA256"] == .string(specDigest))

            // A restarted attestor finds the Job annotated and writes nothing.
            let patchesBefore = fixture.server.requests.filter { $0.method == "PATCH" }.count
            _ = try await Self.runAttestor(fixture) { fixture.server.requests.filter { $0.method == "GET" && $0.query.contains("watch") }.count >= 2 }
            #expect(fixture.server.requests.filter { $0.method == "PATCH" }.count == patchesBefore)
            #expect(Self.annotations(fixture).first?[JobAttestation.attestationAnnotation] == line)
        }
    }

    @Test func aHandMadeJobWithAnotherCommandIsRefused() async throws {
        try await KubernetesFixture.with { fixture in
            let head = try fixture.repo.open().resolve("HEAD")
            // greenlight's labels and annotations, and containers that only print what the attestor reads.
            let marker = "echo 'greenlight: checkout HEAD \(head.commit.hex) tree \(head.tree.hex)'"
            let job: JSONValue = [
                "apiVersion": "batch/v1", "kind": "Job",
                "metadata": [
                    "name": "forged", "namespace": "ci",
                    "labels": ["app.kubernetes.io/managed-by": "greenlight", "app.kubernetes.io/name": "greenlight"],
                    "annotations": ["greenlight.dev/commit": .string(head.commit.hex), "greenlight.dev/digest": .string(String(repeating: "ab", count: 32))],
                ],
                "spec": [
                    "backoffLimit": 0,
                    "template": ["spec": [
                        "restartPolicy": "Never",
                        "initContainers": [["name": "greenlight-checkout", "image": "example.test/ci:1", "command": ["/bin/sh", "-c", .string(marker)]]],
                        "containers": [["name": "greenlight", "image": "example.test/ci:1", "command": ["/bin/sh", "-c", "exit 0"]]],
                    ]],
                ],
            ]
            let client = try Self.client(fixture)
            try await client.send(APICall(verb: "create", group: "batch", resource: "jobs", namespace: "ci"), method: .POST,
                                  path: "/apis/batch/v1/namespaces/ci/jobs", body: job)
            await client.shutdown()
            let lines = try await Self.runAttestor(fixture) { Self.annotations(fixture).first?[JobAttestation.refusalAnnotation] != nil }
            let annotations = try #require(Self.annotations(fixture).first)
            #expect(annotations[JobAttestation.refusalAnnotation] == "container greenlight-checkout does not run greenlight's own checkout script", "\(lines)")
            #expect(annotations[JobAttestation.attestationAnnotation] == nil)
            #expect(lines.contains("attestor: refused Job ci/forged: container greenlight-checkout does not run greenlight's own checkout script"), "\(lines)")
        }
    }
}

/// Lines collected from a `@Sendable` logger.
final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
