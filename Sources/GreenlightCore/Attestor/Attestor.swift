import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// `greenlight attestor`: a controller that signs, with the cluster's key, what greenlight's
/// clean-room Jobs actually ran (`JobAttestation`), and writes the DSSE envelope to the Job as
/// the annotation `greenlight.dev/attestation` (or the reason it refused, as
/// `greenlight.dev/attestation-refused`).
///
/// Watch discipline, as the client's (`JobWatcher`): per namespace, list the Jobs labelled
/// `app.kubernetes.io/managed-by=greenlight`, then watch from the list's resourceVersion,
/// resume from the last one seen when a watch ends, and list again on 410 Gone. Every finished
/// Job without either annotation is attested, so a restarted attestor catches up; an annotated
/// Job is skipped (idempotent), and the annotation is written with the Job's resourceVersion as
/// a precondition, so two attestors never both sign one Job.
public struct Attestor: Sendable {
    public let client: KubernetesClient
    public let namespaces: [String]
    public let signer: VerdictSigner
    /// One line per decision and per trouble (stderr in the command).
    public let log: @Sendable (String) -> Void
    /// Seconds a watch request may stay open before the server ends it.
    public var watchTimeoutSeconds = 300

    static let selector = URLQueryItem(name: "labelSelector", value: "app.kubernetes.io/managed-by=greenlight")
    /// Bounds on what is read of a pod's logs: the checkout container's (its marker is near the end),
    /// and the tail of the step container's kept for failing test names (the whole is hashed).
    static let checkoutLogLimit = 1 << 20
    static let stepTailLimit = 64 << 10

    public init(client: KubernetesClient, namespaces: [String], signer: VerdictSigner, log: @escaping @Sendable (String) -> Void) {
        self.client = client
        self.namespaces = namespaces
        self.signer = signer
        self.log = log
    }

    /// Watches every namespace until cancelled.
    /// - Throws: `KubernetesError` when the API refuses (401/403) to list or watch Jobs.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for namespace in namespaces { group.addTask { try await watch(namespace) } }
            try await group.waitForAll()
        }
    }

    func jobsPath(_ namespace: String) -> String { "/apis/batch/v1/namespaces/\(namespace)/jobs" }

    /// List, attest what is finished, watch from there; again from a fresh list on 410 (`ListWatch`).
    /// Each Job is attested in a task of its own (a slow log does not hold up the others), at most
    /// one task per Job at a time.
    func watch(_ namespace: String) async throws {
        let watch = ListWatch(client: client, path: jobsPath(namespace), selectors: [Self.selector],
                              listCall: APICall(verb: "list", group: "batch", resource: "jobs", namespace: namespace),
                              watchCall: APICall(verb: "watch", group: "batch", resource: "jobs", namespace: namespace),
                              timeoutSeconds: watchTimeoutSeconds)
        let inFlight = NIOLockedValueBox(Set<String>())
        try await withThrowingDiscardingTaskGroup { group in
            func start(_ job: JSONValue) {
                guard Self.isFinished(job), !Self.isAnnotated(job), let uid = job.at("metadata")?["uid"]?.string,
                      inFlight.withLockedValue({ $0.insert(uid).inserted }) else { return }
                group.addTask {
                    await consider(job)
                    inFlight.withLockedValue { _ = $0.remove(uid) }
                }
            }
            try await watch.run(list: { jobs in
                jobs.forEach(start)
            }, event: { event in
                if event.kind != .deleted { start(event.object) }
            }, interrupted: { error in
                log("attestor: watching Jobs in \(namespace) was interrupted (\(error)); resuming")
            })
        }
    }

    /// Whether the Job has ended (condition `Complete` or `Failed` is `True`).
    static func isFinished(_ job: JSONValue) -> Bool {
        (job.at("status")?["conditions"]?.array ?? []).contains {
            ["Complete", "Failed"].contains($0["type"]?.string) && $0["status"]?.string == "True"
        }
    }

    static func isAnnotated(_ job: JSONValue) -> Bool {
        let annotations = job.at("metadata")?["annotations"]
        return annotations?[JobAttestation.attestationAnnotation] != nil || annotations?[JobAttestation.refusalAnnotation] != nil
    }

    /// Attests `job` when it is finished and not yet annotated; logs, never throws.
    func consider(_ job: JSONValue) async {
        guard Self.isFinished(job), !Self.isAnnotated(job) else { return }
        let name = job.at("metadata")?["name"]?.string ?? "?"
        let namespace = job.at("metadata")?["namespace"]?.string ?? "?"
        do {
            let outcome = try await attest(job)
            switch outcome {
            case .attest?: log("attestor: signed Job \(namespace)/\(name)")
            case let .refuse(reason)?: log("attestor: refused Job \(namespace)/\(name): \(reason)")
            case nil: break
            }
        } catch {
            log("attestor: cannot attest Job \(namespace)/\(name): \(error)")
        }
    }

    /// Reads the evidence for `job`, decides, and writes the annotation.
    /// - Returns: the outcome written; `nil` when another attestor annotated the Job first.
    /// - Throws: `KubernetesError` when the pods, logs or the patch are refused.
    @discardableResult
    public func attest(_ job: JSONValue) async throws -> JobAttestation.Outcome? {
        guard let namespace = job.at("metadata")?["namespace"]?.string, let name = job.at("metadata")?["name"]?.string,
              let uid = job.at("metadata")?["uid"]?.string
        else { return nil }
        let podsCall = APICall(verb: "list", group: "", resource: "pods", namespace: namespace)
        let pods = try await client.send(podsCall, method: .GET, path: "/api/v1/namespaces/\(namespace)/pods",
                                         query: [URLQueryItem(name: "labelSelector", value: "batch.kubernetes.io/controller-uid=\(uid)")])
        let items = pods["items"]?.array ?? []
        var evidence = JobAttestation.Evidence(job: job, pods: items, checkoutLog: "", stepLogSHA256: "", stepLogTail: "",
                                               apiServer: client.connection.server)
        if case let .success(pod) = JobAttestation.finishedPod(items), let podName = pod.at("metadata")?["name"]?.string {
            evidence.checkoutLog = try await readLog(namespace: namespace, pod: podName, container: JobManifest.checkoutContainerName).tail
            let step = try await readLog(namespace: namespace, pod: podName, container: JobManifest.containerName)
            evidence.stepLogSHA256 = step.sha256
            evidence.stepLogTail = step.tail
        }
        let outcome = JobAttestation.decide(evidence)
        let annotation: [String: JSONValue]
        switch outcome {
        case let .attest(payload):
            let envelope = try DSSEEnvelope.sign(payload: payload, payloadType: DSSEEnvelope.inTotoPayloadType, with: signer.key)
            annotation = [JobAttestation.attestationAnnotation: .string(try envelope.line())]
        case let .refuse(reason):
            annotation = [JobAttestation.refusalAnnotation: .string(reason)]
        }
        let patch: JSONValue = ["metadata": ["resourceVersion": job.at("metadata")?["resourceVersion"] ?? .null, "annotations": .object(annotation)]]
        let patchCall = APICall(verb: "patch", group: "batch", resource: "jobs", namespace: namespace, name: name)
        do {
            try await client.send(patchCall, method: .PATCH, path: "\(jobsPath(namespace))/\(name)", body: patch)
        } catch let error as KubernetesError where error.code == .conflict {
            // The Job changed since it was read: look again (another attestor may have annotated it).
            let getCall = APICall(verb: "get", group: "batch", resource: "jobs", namespace: namespace, name: name)
            let fresh = try await client.send(getCall, method: .GET, path: "\(jobsPath(namespace))/\(name)")
            if Self.isAnnotated(fresh) { return nil }
            return try await attest(fresh)
        }
        return outcome
    }

    /// A container's log through the API: its SHA-256 (hex) and its last bytes (at most
    /// `checkoutLogLimit` for the checkout container, `stepTailLimit` otherwise), streamed with bounded memory.
    func readLog(namespace: String, pod: String, container: String) async throws -> (sha256: String, tail: String) {
        let call = APICall(verb: "get", group: "", resource: "pods/log", namespace: namespace, name: pod)
        let limit = container == JobManifest.checkoutContainerName ? Self.checkoutLogLimit : Self.stepTailLimit
        let reader = LogDigest(limit: limit)
        try await client.stream(call, path: "/api/v1/namespaces/\(namespace)/pods/\(pod)/log",
                                query: [URLQueryItem(name: "container", value: container)], timeout: 300) { chunk in
            reader.add(chunk)
        }
        return reader.result()
    }
}
