import Foundation

/// A fake Kubernetes API server for tests: the real REST wire protocol (paths, JSON, `Status` errors,
/// chunked watch streams, pod logs) over a real socket on 127.0.0.1, plain HTTP or HTTPS with client
/// certificates and bearer tokens. Behind it a small Job controller and kubelet run each Job's
/// container as a real local process in a sandbox directory, with faults injectable at any time.
///
/// Implemented: `/version`, discovery, Jobs (create, get, list, watch, delete with propagation,
/// deletecollection), Pods (get, list, watch, delete, `log` with `follow`/`tailLines`/`limitBytes`/
/// `timestamps`), ConfigMaps and Secrets (create, get, list, watch, delete), SelfSubjectAccessReviews.
/// Not implemented: PUT (405), PATCH except a JSON merge patch of a Job's labels and annotations, YAML or protobuf bodies (415), `parallelism` > 1 and indexed Jobs
/// (pods run one at a time), `suspend`, `restartPolicy: OnFailure` restarts in place (a failed pod is
/// replaced like with `Never`; a failed init container fails the pod), sidecar containers (init containers
/// with `restartPolicy: Always`) and more than one regular container (only the first one runs).
///
/// Init containers run as in Kubernetes, one at a time and in order before the regular container, with
/// `status.initContainerStatuses`, the `Initialized` condition and `PodInitializing`; each container has
/// its own `/` (`<sandbox>/containers/<name>/fs`) holding only its own `volumeMounts`, while a volume
/// mounted by several containers (an `emptyDir`) is the same storage for each.
///
/// Note that, as in Kubernetes, `$(VAR)` in `command`/`args` expands container env vars and `$$`
/// becomes `$`: a shell's `$$` must be written `$$$$`.
///
/// ```swift
/// let server = FakeKubeAPIServer(options: .init(workRoot: scratch))
/// try await server.start()
/// // point a client at server.baseURL ...
/// try await server.shutdown()
/// ```
public final class FakeKubeAPIServer: @unchecked Sendable {
    /// How the server is set up.
    public struct Options: Sendable {
        /// nil: plain HTTP. Otherwise HTTPS with the PKI's server certificate; client certificates signed
        /// by its CA are verified and authenticate as their CN.
        public var tls: TestPKI?
        /// With `tls`: requests must authenticate (a client certificate or a bearer token from `tokens`).
        public var requireClientCertificate: Bool
        /// Accepted bearer tokens. Non-empty: requests need one of them (or a client certificate).
        /// Empty, without `requireClientCertificate`: no authentication at all.
        public var tokens: Set<String>
        /// How often watches with `allowWatchBookmarks=true` get a BOOKMARK event.
        public var bookmarkInterval: TimeInterval
        /// Where pod sandboxes are created (`<workRoot>/<namespace>/<pod>/`).
        public var workRoot: URL

        public init(workRoot: URL) {
            self.workRoot = workRoot
            tls = nil
            requireClientCertificate = false
            tokens = []
            bookmarkInterval = 1
        }
    }

    public let options: Options
    /// Faults to inject; settable at any time.
    public let faults = FaultPlan()

    private let store = ObjectStore()
    private let kubelet: Kubelet
    private let controller: JobController
    private let requestLog = RequestLog()
    private let lock = NSLock()
    private var httpServer: HTTPServer?
    private var port: Int?

    public init(options: Options) {
        self.options = options
        kubelet = Kubelet(workRoot: options.workRoot, store: store, faults: faults)
        controller = JobController(store: store, kubelet: kubelet)
    }

    deinit {
        // A test that forgot shutdown() must not leave processes or sockets behind.
        kubelet.killAllNow()
        httpServer?.closeNow()
    }

    /// Binds 127.0.0.1 on an ephemeral port and starts serving.
    public func start() async throws {
        try FileManager.default.createDirectory(at: options.workRoot, withIntermediateDirectories: true)
        await controller.start()
        let router = APIRouter(
            store: store, faults: faults, kubelet: kubelet, controller: controller,
            authenticator: Authenticator(tokens: options.tokens, requireClientCertificate: options.requireClientCertificate),
            log: requestLog, bookmarkInterval: options.bookmarkInterval)
        let server = try HTTPServer(pki: options.tls) { request, writer in
            await router.handle(request, writer: writer)
        }
        let port = try await server.start()
        lock.withLock {
            httpServer = server
            self.port = port
        }
    }

    /// `http://127.0.0.1:<port>` or `https://127.0.0.1:<port>`.
    public var baseURL: URL {
        let port = lock.withLock { self.port } ?? 0
        return URL(string: "\(options.tls == nil ? "http" : "https")://127.0.0.1:\(port)")!
    }

    /// Closes every connection (watches and log streams included), kills every container process group
    /// and waits for them to be reaped.
    public func shutdown() async throws {
        let server = lock.withLock { () -> HTTPServer? in
            defer { httpServer = nil }
            return httpServer
        }
        store.endAllWatches()
        await server?.stop()
        await controller.shutdown()
        await kubelet.shutdown()
    }

    // MARK: Inspection

    /// Every request received so far (rejected ones included), in order.
    public var requests: [RecordedRequest] { requestLog.all }

    /// The Jobs in a namespace as JSON dictionaries, sorted by name.
    public func jobs(namespace: String) -> [[String: Any]] { objects(.jobs, namespace: namespace) }

    public func pods(namespace: String) -> [[String: Any]] { objects(.pods, namespace: namespace) }

    public func configMaps(namespace: String) -> [[String: Any]] { objects(.configmaps, namespace: namespace) }

    private func objects(_ resource: ResourceKind, namespace: String) -> [[String: Any]] {
        store.list(resource, namespace: namespace).items.compactMap { $0.foundationValue as? [String: Any] }
    }

    /// How many Job POSTs succeeded.
    public var jobsCreated: Int { requestLog.jobsCreated }

    /// The sandbox directory of a pod (volumes in `volumes/<name>`, each container's `/` in
    /// `containers/<name>/fs`, logs in `logs/`), once the kubelet has it.
    public func sandboxDirectory(pod: String, namespace: String) -> URL? {
        kubelet.worker(namespace: namespace, name: pod)?.sandbox.root
    }

    /// The host directory that is a container's `/` (by default the regular container's), once the kubelet
    /// has the pod. It holds links to the container's own volume mounts, and nothing of other containers'.
    public func containerFilesystem(pod: String, namespace: String, container: String? = nil) -> URL? {
        guard let worker = kubelet.worker(namespace: namespace, name: pod) else { return nil }
        return worker.sandbox.filesystem(container: container ?? worker.containerName)
    }

    /// Everything a pod's container (by default its regular container) has written so far.
    public func podLog(pod: String, namespace: String, container: String? = nil) -> String? {
        guard let worker = kubelet.worker(namespace: namespace, name: pod) else { return nil }
        let file = worker.sandbox.logFile(container: container ?? worker.containerName)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return String(decoding: LogFileReader.read(file.path, from: 0, upTo: Int.max), as: UTF8.self)
    }

    /// The current resourceVersion of the whole store.
    public var currentResourceVersion: Int { store.currentRevision }

    // MARK: Acting as someone else

    /// Deletes a Job as `kubectl delete job` would (Background propagation): the Job disappears at once,
    /// its pods are deleted and their processes killed right after.
    public func deleteJobAsSomeoneElse(name: String, namespace: String) {
        guard let job = store.delete(.jobs, namespace: namespace, name: name) else { return }
        controller.collect(namespace: namespace, name: name, uid: job.uid, policy: .background)
    }

    /// Stores a Secret (for `secretKeyRef` env vars and secret volumes); `data` values are raw bytes.
    public func addSecret(name: String, namespace: String, data: [String: Data]) {
        let secret: JSONValue = [
            "metadata": ["name": .string(name)], "type": "Opaque",
            "data": .object(data.mapValues { .string($0.base64EncodedString()) }),
        ]
        if (try? store.create(.secrets, namespace: namespace, object: secret)) == nil {
            store.update(.secrets, namespace: namespace, name: name) { existing in existing["data"] = secret["data"] }
        }
    }
}
