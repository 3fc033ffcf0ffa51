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

extension AttestorTests {
    /// The cluster key's trusted-keys line, in a file for `--trust`.
    static func clusterKeysFile(_ fixture: KubernetesFixture) throws -> String {
        let file = fixture.repo.scratch.path("cluster.keys")
        try (TrustedKey(role: .cluster, key: SSHEd25519PublicKey(clusterKey.publicKey), comment: "attestor").line + "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static func verify(_ fixture: KubernetesFixture, _ revision: String, require: SignatureRequirement? = .cluster) async throws -> Verification {
        try await VerifyUseCase(repository: fixture.repo.open(), runner: ProcessRunner(group: ProcessGroupSet()), environment: TestEnvironment.base)
            .run(revision: revision, remote: nil, fetch: false, trustedRef: "HEAD", trust: [try clusterKeysFile(fixture)],
                 repositoryKeys: false, require: require).verification
    }

    /// Checks the clean room while the attestor runs on namespace `ci`, then stops it.
    static func checkWhileTheAttestorRuns(_ fixture: KubernetesFixture) async throws -> GateResult {
        let client = try client(fixture)
        let attestor = Attestor(client: client, namespaces: ["ci"], signer: VerdictSigner(key: clusterKey)) { _ in }
        let running = Task { try await attestor.run() }
        let result = try await fixture.check()
        running.cancel()
        _ = await running.result
        await client.shutdown()
        return result
    }

    /// `attestation: required`: the check waits for the attestor and copies its envelope into the
    /// note; `verify --trust <cluster key> --require cluster` accepts it, and not a copy of it on
    /// another commit.
    @Test func theClusterSignatureReachesTheNoteAndSatisfiesRequireCluster() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(extra: ["attestation: required", "attestation_timeout: 30s"])
            let head = try fixture.repo.commitAll("attested")
            let result = try await Self.checkWhileTheAttestorRuns(fixture)
            #expect(result.verdict == .pass, "\(result.warnings)")
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            let note = try #require(try fixture.repo.note(head))
            let annotation = try #require(Self.annotations(fixture).first?[JobAttestation.attestationAnnotation])
            #expect(note.split(separator: "\n").contains { $0 == annotation }, "the attestor's envelope is copied into the note as it is")

            let verified = try await Self.verify(fixture, head)
            #expect(verified.isVerified, "\(verified.text())")
            #expect(verified.text().contains("  clean-room: pass (kubernetes, ") && verified.text().contains(", signed by cluster \(SSHEd25519PublicKey(Self.clusterKey.publicKey).keyID) attestor)\n"),
                    "\(verified.text())")
            // The workspace's own record (its key is not among the pinned ones) is listed, not counted.
            #expect(verified.text().contains("\n    ignored: pass (kubernetes, ") && verified.text().contains("): untrusted key SHA256:"), "\(verified.text())")

            // The cluster's envelope copied onto another commit vouches for nothing there.
            try fixture.repo.write("test.sh", "#!/bin/sh\nexit 1\n", executable: true)
            let other = try fixture.repo.commitAll("broken")
            try fixture.repo.open().appendToNote(on: #require(ObjectID(hex: other)), lines: note.split(separator: "\n").map(String.init))
            let forged = try await Self.verify(fixture, other)
            #expect(!forged.isVerified, "\(forged.text())")
        }
    }

    /// A Statement the cluster key signed for a pod that greenlight would not render (an extra
    /// variable in the step container) does not count, whatever its signature.
    @Test func aSignedStatementForAPodGreenlightWouldNotRenderDoesNotCount() async throws {
        try await KubernetesFixture.with { fixture in
            let repository = try fixture.repo.open()
            let head = try repository.resolve("HEAD")
            let config = try ConfigLoader().load(fromRoot: fixture.repo.url)
            let digest = try config.cleanRoom.digest()
            guard let judge = PodSpecMatch.check(for: config) else { Issue.record("no pod check for a Kubernetes clean room"); return }
            let check = { (spec: JSONValue, commit: ResolvedCommit, digest: String) in judge(spec, commit, digest).problem }
            // The pod greenlight renders, as the fake API server's defaulting leaves it, passes the check …
            let result = try await fixture.check()
            #expect(result.verdict == .pass)
            let pod = try JSONValue.parse(try JSONSerialization.data(withJSONObject: try #require(fixture.server.pods(namespace: "ci").first)))
            let spec = try #require(pod["spec"])
            #expect(check(spec, head, digest) == nil, "\(check(spec, head, digest) ?? "")")
            // … one with an extra variable in the step container does not.
            var crafted = spec
            var containers = try #require(crafted["containers"]?.array)
            var env = containers[0]["env"]?.array ?? []
            env.append(["name": "LD_PRELOAD", "value": "/tmp/pass.so"])
            containers[0]["env"] = .array(env)
            crafted["containers"] = .array(containers)
            #expect(check(crafted, head, digest)?.hasPrefix("spec.containers[greenlight].env holds [") == true, "\(check(crafted, head, digest) ?? "")")
            var privileged = spec
            privileged["hostPID"] = .bool(true)
            #expect(check(privileged, head, digest) == "spec.hostPID is not in the rendered pod")

            // Signed by the cluster key and put in the note: verify says why it does not count.
            var statusPod = pod
            statusPod["spec"] = crafted
            let job: JSONValue = ["metadata": ["namespace": "ci", "name": "crafted", "annotations": ["greenlight.dev/digest": .string(digest)]],
                                  "status": ["startTime": "2026-12-01T00:00:00Z", "completionTime": "2026-12-01T00:00:05Z"]]
            let evidence = JobAttestation.Evidence(job: job, pods: [statusPod], checkoutLog: "greenlight: checkout HEAD \(head.commit.hex) tree \(head.tree.hex)\n",
                                                   stepLogSHA256: String(repeating: "0", count: 64), stepLogTail: "", apiServer: fixture.server.baseURL)
            guard case let .attest(payload) = JobAttestation.decide(evidence) else { Issue.record("the attestor refused"); return }
            let line = try DSSEEnvelope.sign(payload: payload, payloadType: DSSEEnvelope.inTotoPayloadType, with: Self.clusterKey).line()
            let notes = try #require(ObjectID(hex: head.commit.hex))
            // Only the crafted Statement: drop what the real run recorded.
            _ = try? fixture.repo.git("notes", "--ref=greenlight", "remove", head.commit.hex)
            try repository.appendToNote(on: notes, lines: [line])
            let verification = try await Self.verify(fixture, head.commit.hex)
            #expect(!verification.isVerified)
            #expect(verification.text().contains("): signed by \(SSHEd25519PublicKey(Self.clusterKey.publicKey).keyID) for something else: the pod that ran is not "
                + "what the trusted definition renders: spec.containers[greenlight].env holds ["), "\(verification.text())")
        }
    }
}

extension AttestorTests {
    /// `greenlight attestor` as an operator runs it: the binary, a kubeconfig, a key file.
    @Test func theAttestorCommandSignsAndSaysWithWhichKey() async throws {
        try await KubernetesFixture.with { fixture in
            #expect(try await fixture.check().verdict == .pass)
            let keyFile = fixture.repo.scratch.path("attestor.key")
            try SigningKeyFile.pem(Self.clusterKey).write(to: keyFile, atomically: true, encoding: .utf8)
            chmod(keyFile.path, 0o440)
            let arguments = ["attestor", "--kubeconfig", fixture.kubeconfig.path, "--watch-namespace", "ci", "--signing-key", keyFile.path]
            let directory = fixture.repo.scratch.url
            // On a thread of its own: the process runs until the timeout stops it (SIGTERM).
            let run = Task.detached {
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().async {
                        continuation.resume(returning: try? FixtureProcess().run([GreenlightBinary.url.path] + arguments, in: directory,
                                                                                  environment: TestEnvironment.base, timeout: 6))
                    }
                }
            }
            for _ in 0..<50 where Self.annotations(fixture).first?[JobAttestation.attestationAnnotation] == nil {
                try await Task.sleep(for: .milliseconds(100))
            }
            let result = try #require(await run.value)
            let line = try #require(Self.annotations(fixture).first?[JobAttestation.attestationAnnotation], "\(result.stderr)")
            #expect(try JSONDecoder().decode(DSSEEnvelope.self, from: Data(line.utf8)).isSigned(by: Self.clusterKey.publicKey))
            let key = SSHEd25519PublicKey(Self.clusterKey.publicKey)
            let lines = result.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == "attestor: signing with \(key.keyID) (trusted-keys line: cluster \(key.openSSH)); watching Jobs in ci at \(fixture.server.baseURL.absoluteString)",
                    "\(result.stderr)")
            let job = try #require((fixture.server.jobs(namespace: "ci").first?["metadata"] as? [String: Any])?["name"] as? String)
            #expect(lines.contains("attestor: signed Job ci/\(job)"), "\(result.stderr)")

            // Bad input: a clear error, exit 2 (a key others can read) or 64 (no namespace).
            chmod(keyFile.path, 0o444)
            let exposed = try GreenlightBinary.run(arguments, in: directory)
            #expect(exposed.status == 2)
            #expect(exposed.stderr == "greenlight: error: \(keyFile.path): the signing key is readable by others (mode 444); chmod 600 it\n", "\(exposed.stderr)")
            let usage = try GreenlightBinary.run(["attestor", "--signing-key", keyFile.path], in: directory)
            #expect(usage.status == 64 && usage.stderr.contains("name at least one --watch-namespace"), "\(usage.stderr)")
        }
    }
}

extension AttestorTests {
    /// Watch discipline: a 410 on the watch makes the attestor list again; a watch cut after every
    /// event is resumed from the last resourceVersion; the Job is signed all the same.
    @Test func theAttestorListsAgainOn410AndResumesACutWatch() async throws {
        try await KubernetesFixture.with { fixture in
            fixture.server.faults.expireNextWatch(asHTTPStatus: false)
            let client = try Self.client(fixture)
            let lines = LinesBox()
            let attestor = Attestor(client: client, namespaces: ["ci"], signer: VerdictSigner(key: Self.clusterKey)) { lines.append($0) }
            let running = Task { try await attestor.run() }
            let jobLists = { fixture.server.requests.filter { $0.method == "GET" && $0.path == "/apis/batch/v1/namespaces/ci/jobs" && !$0.query.contains("watch") }.count }
            for _ in 0..<50 where jobLists() < 2 { try await Task.sleep(for: .milliseconds(100)) }
            #expect(jobLists() == 2, "the 410 is answered by a fresh list")
            fixture.server.faults.dropWatchesAfter(events: 1)
            #expect(try await fixture.check().verdict == .pass)
            for _ in 0..<100 where Self.annotations(fixture).first?[JobAttestation.attestationAnnotation] == nil {
                try await Task.sleep(for: .milliseconds(100))
            }
            running.cancel()
            _ = await running.result
            await client.shutdown()
            #expect(Self.annotations(fixture).first?[JobAttestation.attestationAnnotation] != nil, "\(lines.all)")
            #expect(jobLists() == 2, "a cut watch resumes from its resourceVersion, without listing again")
            let watches = fixture.server.requests.filter { $0.path == "/apis/batch/v1/namespaces/ci/jobs" && $0.query.contains("watch") }
            #expect(watches.count >= 3, "\(watches.map(\.query))")
        }
    }
}

extension AttestorTests {
    /// A Job copied from greenlight's own with a clone URL that git would read as an option: the
    /// checkout script never runs the injected command, and the attestor does not sign.
    @Test func aCloneURLThatWouldBeAGitOptionRunsNothingAndIsNotSigned() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(extra: ["transport: ref"])
            try fixture.repo.commitAll("ref transport")
            #expect(try await fixture.check().verdict == .pass)
            let real = try JSONValue.parse(try JSONSerialization.data(withJSONObject: try #require(fixture.server.jobs(namespace: "ci").first)))
            let marker = fixture.repo.scratch.path("injected")
            var template = try #require(real.at("spec")?["template"])
            var initContainers = try #require(template.at("spec")?["initContainers"]?.array)
            initContainers[0]["env"] = .array(initContainers[0]["env"]!.array!.map {
                $0["name"]?.string == "GREENLIGHT_CLONE_URL" ? ["name": "GREENLIGHT_CLONE_URL", "value": .string("--upload-pack=touch \(marker.path); exit 1 #")] : $0
            })
            var spec = try #require(template["spec"])
            spec["initContainers"] = .array(initContainers)
            template["spec"] = spec
            template["metadata"] = ["labels": real.at("spec")?["template"]?["metadata"]?["labels"]?.object.map { labels in
                .object(labels.filter { !$0.key.contains("controller-uid") && !$0.key.contains("job-name") })
            } ?? .null]
            let job: JSONValue = [
                "apiVersion": "batch/v1", "kind": "Job",
                "metadata": ["name": "injected", "namespace": "ci", "labels": real.at("metadata")?["labels"]?.object.map { labels in
                    .object(labels.filter { !$0.key.contains("controller-uid") && !$0.key.contains("job-name") })
                } ?? .null, "annotations": real.at("metadata")?["annotations"] ?? .null],
                "spec": ["backoffLimit": 0, "template": template],
            ]
            let client = try Self.client(fixture)
            try await client.send(APICall(verb: "create", group: "batch", resource: "jobs", namespace: "ci"), method: .POST,
                                  path: "/apis/batch/v1/namespaces/ci/jobs", body: job)
            await client.shutdown()
            let refused: @Sendable () -> Bool = { Self.annotations(fixture).contains { $0[JobAttestation.refusalAnnotation] != nil } }
            let lines = try await Self.runAttestor(fixture) { refused() }
            #expect(refused(), "\(lines)")
            #expect(!FileManager.default.fileExists(atPath: marker.path), "the injected --upload-pack ran")
            let injected = Self.annotations(fixture).first { $0[JobAttestation.refusalAnnotation] != nil }
            #expect(injected?[JobAttestation.attestationAnnotation] == nil)
        }
    }

    /// The attestor refuses a pod whose checkout container printed the marker but whose transport
    /// variables could have made git do something else (read from the pod spec, not the log).
    @Test func theAttestorRefusesTransportVariablesThatAreNotGreenlights() throws {
        let head = ResolvedCommit(commit: ObjectID(hex: String(repeating: "a", count: 40))!, tree: ObjectID(hex: String(repeating: "b", count: 40))!)
        let checkout: JSONValue = ["name": "greenlight-checkout", "command": ["/bin/sh", "-c", .string(JobAttestation.expectedScript(checkout: true))],
                                   "env": [["name": "GREENLIGHT_FETCH_REF", "value": "--upload-pack=evil"]]]
        let steps: JSONValue = ["name": "greenlight", "command": ["/bin/sh", "-c", .string(JobAttestation.expectedScript(checkout: false))]]
        let pod: JSONValue = ["metadata": ["name": "p"], "spec": ["initContainers": [checkout], "containers": [steps]],
                              "status": ["containerStatuses": [["name": "greenlight", "state": ["terminated": ["exitCode": 0]]]]]]
        let evidence = JobAttestation.Evidence(job: ["metadata": ["annotations": ["greenlight.dev/digest": "d"]]], pods: [pod],
                                               checkoutLog: "greenlight: checkout HEAD \(head.commit.hex) tree \(head.tree.hex)\n",
                                               stepLogSHA256: "", stepLogTail: "", apiServer: URL(string: "https://k8s.example")!)
        #expect(JobAttestation.decide(evidence) == .refuse(reason: "the checkout container's GREENLIGHT_FETCH_REF is not refs/greenlight/\(head.commit.hex)"))
    }
}

/// Lines collected from a `@Sendable` logger.
final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
