import Crypto
import Foundation

/// What the attestor decides about one finished clean-room Job, from what the API server
/// reports: never from anything the workspace wrote into the Job besides the commit marker
/// that greenlight's own checkout script printed.
///
/// A Job is attested only when its pod runs greenlight's two scripts, the exact constant texts
/// (`JobScript.checkout` in the init container `greenlight-checkout`, `JobScript.steps` in the
/// container `greenlight`), the checkout container printed `greenlight: checkout HEAD <sha>
/// tree <sha>` (before any step ran: init containers finish first), and the kubelet reported the
/// step container's exit code. Everything else about the pod (images, env, overlays, sidecars)
/// goes into the Statement as the pod spec as run and its digest, for `verify` to judge against
/// the trusted definition.
public enum JobAttestation {
    /// The Job annotation that holds the DSSE envelope (one line of JSON).
    public static let attestationAnnotation = JobManifest.attestationAnnotation
    /// The Job annotation that says why the attestor refused to sign.
    public static let refusalAnnotation = JobManifest.refusalAnnotation

    public enum Outcome: Equatable, Sendable {
        /// The Statement to sign (canonical JSON bytes).
        case attest(payload: [UInt8])
        case refuse(reason: String)
    }

    /// What was read from the API server about one Job.
    public struct Evidence: Sendable {
        public var job: JSONValue
        /// The Job's pods (by `batch.kubernetes.io/controller-uid`).
        public var pods: [JSONValue]
        /// The checkout container's log (bounded).
        public var checkoutLog: String
        /// The step container's full log: its SHA-256 (hex) and its last bytes (for failing test names).
        public var stepLogSHA256: String
        public var stepLogTail: String
        /// The API server's address, for the Statement's `url`.
        public var apiServer: URL

        public init(job: JSONValue, pods: [JSONValue], checkoutLog: String, stepLogSHA256: String, stepLogTail: String, apiServer: URL) {
            self.job = job
            self.pods = pods
            self.checkoutLog = checkoutLog
            self.stepLogSHA256 = stepLogSHA256
            self.stepLogTail = stepLogTail
            self.apiServer = apiServer
        }
    }

    /// The script text a container must run, as the pod spec holds it (`$` doubled, `JobManifest.literal`).
    public static func expectedScript(checkout: Bool) -> String {
        JobManifest.literal(checkout ? JobScript.checkout : JobScript.steps)
    }

    /// The command each of greenlight's containers must run, exactly as `JobManifest` renders it.
    static func expectedCommand(_ script: String) -> JSONValue {
        ["/bin/sh", "-c", .string(JobManifest.literal(script))]
    }

    /// The pod the Job ran, if exactly one ran its step container to an end.
    static func finishedPod(_ pods: [JSONValue]) -> Result<JSONValue, Refusal> {
        let ended = pods.filter { stepExitCode($0) != nil }
        guard ended.count == 1 else {
            return .failure(Refusal(ended.isEmpty
                ? "no pod of the Job ran the step container to an end (the checkout failed, or the pod was stopped): nothing was tested"
                : "\(ended.count) pods of the Job ran the step container; a clean-room Job runs exactly one"))
        }
        return .success(ended[0])
    }

    struct Refusal: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func stepExitCode(_ pod: JSONValue) -> Int? {
        let statuses = pod.at("status")?["containerStatuses"]?.array ?? []
        return statuses.first { $0["name"]?.string == JobManifest.containerName }?["state"]?["terminated"]?["exitCode"]?.int
    }

    /// Why the pod does not run greenlight's scripts, if it does not.
    static func scriptMismatch(_ spec: JSONValue) -> String? {
        func container(_ list: String, _ name: String) -> JSONValue? {
            spec[list]?.array?.first { $0["name"]?.string == name }
        }
        for (list, name, script) in [("initContainers", JobManifest.checkoutContainerName, JobScript.checkout),
                                     ("containers", JobManifest.containerName, JobScript.steps)] {
            guard let found = container(list, name) else { return "the pod has no \(list == "initContainers" ? "init " : "")container \(name)" }
            if found["command"] != expectedCommand(script) { return "container \(name) does not run greenlight's own \(list == "initContainers" ? "checkout" : "steps") script" }
            if let args = found["args"]?.array, !args.isEmpty { return "container \(name) is given arguments; greenlight's script takes none" }
        }
        // The checkout must be the last init container: one after it could change the checkout before the steps.
        if spec["initContainers"]?.array?.last?["name"]?.string != JobManifest.checkoutContainerName {
            return "an init container runs after \(JobManifest.checkoutContainerName) and could change the checkout"
        }
        return nil
    }

    /// Decides, from `evidence`, whether to sign and what.
    public static func decide(_ evidence: Evidence) -> Outcome {
        let job = evidence.job
        guard let digest = job.at("metadata")?["annotations"]?["greenlight.dev/digest"]?.string, !digest.isEmpty else {
            return .refuse(reason: "the Job has no greenlight.dev/digest annotation: not a greenlight clean-room Job")
        }
        let pod: JSONValue
        switch finishedPod(evidence.pods) {
        case let .success(found): pod = found
        case let .failure(refusal): return .refuse(reason: refusal.reason)
        }
        guard let spec = pod["spec"] else { return .refuse(reason: "the pod has no spec") }
        if let mismatch = scriptMismatch(spec) { return .refuse(reason: mismatch) }
        let marker = JobLogParser().parseCheckout(evidence.checkoutLog)
        guard let checkout = marker.checkout, let commit = ObjectID(hex: checkout.head), let tree = ObjectID(hex: checkout.tree) else {
            return .refuse(reason: "the checkout container printed no `greenlight: checkout HEAD <sha> tree <sha>` line")
        }
        let checkoutEnvironment = spec["initContainers"]?.array?.first { $0["name"]?.string == JobManifest.checkoutContainerName }?["env"]?.array ?? []
        if let problem = TransportVariables.problem(checkoutEnvironment, commit: commit) {
            return .refuse(reason: "the checkout container's \(problem)")
        }
        guard let exitCode = stepExitCode(pod) else { return .refuse(reason: "the step container has no exit code") }
        let podSpecSHA256: String
        do {
            podSpecSHA256 = SHA256.hash(data: try CanonicalJSON.bytes(spec)).map { String(format: "%02x", $0) }.joined()
        } catch {
            return .refuse(reason: "the pod spec cannot be put in canonical form: \(error)")
        }
        let namespace = job.at("metadata")?["namespace"]?.string ?? ""
        let name = job.at("metadata")?["name"]?.string ?? ""
        let conditions = job.at("status")?["conditions"]?.array ?? []
        let ended = conditions.first { ["Complete", "Failed"].contains($0["type"]?.string) && $0["status"]?.string == "True" }
        let greenlight: [String: JSONValue] = [
            "tier": .string(Tier.cleanRoom.rawValue),
            "tree": .string(tree.hex),
            "backend": .string(BackendKind.kubernetes.rawValue),
            "isolation": .string(Isolation.kubernetesPod.rawValue),
            "startedAt": job.at("status")?["startTime"] ?? .null,
            "finishedAt": job.at("status")?["completionTime"] ?? ended?["lastTransitionTime"] ?? .null,
            "exitCode": .number(Double(exitCode)),
            "logSHA256": .string(evidence.stepLogSHA256),
            "greenlightVersion": .string(GreenlightVersion.current),
            "job": ["namespace": .string(namespace), "name": .string(name), "uid": job.at("metadata")?["uid"] ?? .null],
            "podSpec": spec,
            "podSpecSHA256": .string(podSpecSHA256),
        ]
        let statement: JSONValue = [
            "_type": .string(VerdictStatement.statementType),
            "subject": [["digest": ["gitCommit": .string(commit.hex)]]],
            "predicateType": .string(VerdictStatement.predicateType),
            "predicate": [
                "result": .string(exitCode == 0 ? "PASSED" : "FAILED"),
                "configuration": [["name": .string("\(GateConfig.fileName)#\(Tier.cleanRoom.rawValue)"), "digest": ["sha256": .string(digest)]]],
                "url": .string(evidence.apiServer.appendingPathComponent("apis/batch/v1/namespaces/\(namespace)/jobs/\(name)").absoluteString),
                "failedTests": .array(exitCode == 0 ? [] : FailingTestRecognizer().failingTests(in: evidence.stepLogTail).map(JSONValue.string)),
                "greenlight": .object(greenlight),
            ],
        ]
        do {
            return .attest(payload: try CanonicalJSON.bytes(statement))
        } catch {
            return .refuse(reason: "the Statement cannot be encoded: \(error)")
        }
    }
}
