import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Watches one Job and its pod to a decision — no polling loop: watch streams on the Job
/// (by `metadata.name`) and on its pods (by `batch.kubernetes.io/controller-uid`), each
/// resumed from its last resourceVersion when the connection drops and relisted on
/// 410 Expired; a periodic GET as a safety net; the pod's logs followed into the log file,
/// container by container in the order they run (`GET …/pods/{name}/log?container=…`): the
/// checkout init container's, then the step container's.
struct JobWatcher: Sendable {
    let client: KubernetesClient
    let namespace: String
    let name: String
    let classifier: JobClassifier
    let progress: ProgressSink
    let log: LogFile
    let capture: OutputCapture
    /// greenlight's own limit, longer than the Job's activeDeadlineSeconds.
    let waitLimit: TimeInterval
    var watchTimeoutSeconds = 60
    var safetyInterval: TimeInterval = 30

    enum Update: Sendable {
        case job(JSONValue)
        case jobDeleted
        case pod(JSONValue)
        case podDeleted(String)
        case pods([JSONValue])
        case tick
        case logEnded(complete: Bool)
        case failure(KubernetesError)
        case stopped
    }

    struct Result: Sendable {
        let decision: JobClassifier.Decision
        let job: JSONValue?
        let detached: Bool
        /// Why the log file does not hold the pod's whole log, when it does not: steps cannot
        /// be read from it then. `nil` when it is whole (or there was no pod).
        var logProblem: String? = nil
        /// The checkout container's log alone (its last 256 KiB), where its checkout line and
        /// setup failures are read: the step container's output cannot pose as it.
        var checkoutLog: String = ""
    }

    /// What the log follower needs to know about the pod, kept up to date by the watch loop.
    private typealias PodBox = NIOLockedValueBox<[String: JSONValue]>

    /// The checkout container's log as read, bounded.
    private final class CheckoutLog: Sendable {
        static let limit = 256 * 1024
        private let bytes = NIOLockedValueBox<[UInt8]>([])

        func reset() { bytes.withLockedValue { $0 = [] } }
        func append(_ chunk: UnsafeRawBufferPointer) {
            bytes.withLockedValue { kept in
                kept.append(contentsOf: chunk)
                if kept.count > Self.limit { kept.removeFirst(kept.count - Self.limit) }
            }
        }
        var text: String { String(decoding: bytes.withLockedValue { $0 }, as: UTF8.self) }
    }

    private var jobsPath: String { "/apis/batch/v1/namespaces/\(namespace)/jobs" }
    private var podsPath: String { "/api/v1/namespaces/\(namespace)/pods" }

    func run(initial job: JSONValue, stop: ProcessGroupSet) async -> Result {
        guard let uid = job.at("metadata.uid")?.string, !uid.isEmpty else {
            // The API server always sets it; without it no pod of this Job can be found.
            return Result(decision: .finished(verdict: .error, summary: "the Job \(namespace)/\(name) came back without metadata.uid; its pods cannot be watched",
                                              exitCode: nil), job: job, detached: false)
        }
        let (updates, continuation) = AsyncStream<Update>.makeStream()
        stop.onStop { continuation.yield(.stopped) }
        let tasks = [
            Task { await watchJob(from: job.at("metadata.resourceVersion")?.string ?? "", into: continuation) },
            Task { await watchPods(uid: uid, into: continuation) },
            Task { await tick(into: continuation) },
            Task { await safetyNet(into: continuation) },
        ]
        var logTask: Task<Void, Never>?
        let podBox = PodBox([:])
        let checkoutLog = CheckoutLog()
        defer {
            tasks.forEach { $0.cancel() }
            continuation.finish()
        }

        var current: JSONValue? = job
        var pods: [String: JSONValue] = [:]
        var unschedulableSince: Date?
        var lastStatus = ""
        var logComplete = false
        var logStarted = false
        let deadline = Date().addingTimeInterval(waitLimit)
        var decision = JobClassifier.Decision.waiting("starting")

        loop: for await update in updates {
            switch update {
            case let .job(object): current = object
            case .jobDeleted: current = nil
            case let .pod(object): pods[object.at("metadata.name")?.string ?? ""] = object
            case let .podDeleted(podName): pods[podName] = nil
            case let .pods(list): pods = Dictionary(list.map { ($0.at("metadata.name")?.string ?? "", $0) }, uniquingKeysWith: { $1 })
            case .tick: break
            case let .logEnded(complete): logComplete = complete
            case let .failure(error):
                decision = .finished(verdict: .error, summary: error.message, exitCode: nil)
                break loop
            case .stopped:
                logTask?.cancel()
                return Result(decision: .waiting("detached"), job: current, detached: true)
            }
            podBox.withLockedValue { $0 = pods }
            if pods.values.contains(where: { JobClassifier.unschedulable($0) != nil }) {
                unschedulableSince = unschedulableSince ?? Date()
            } else {
                unschedulableSince = nil
            }
            if !logStarted, let podName = startedPod(pods) {
                logStarted = true
                logTask = Task { await followLogs(pod: podName, pods: podBox, checkoutLog: checkoutLog, into: continuation) }
            }
            decision = classifier.decide(job: current, pods: Array(pods.values), now: Date(), unschedulableSince: unschedulableSince)
            // The Job and its pods come from two watches: a Job that failed may arrive before the
            // pod event with its container's exit status. Read the pods once more before deciding so.
            if case let .finished(.error, summary, nil) = decision, summary.hasPrefix(JobClassifier.noExitStatus),
               let fresh = await listPods(uid: uid) {
                pods = fresh
                podBox.withLockedValue { $0 = pods }
                decision = classifier.decide(job: current, pods: Array(pods.values), now: Date(), unschedulableSince: unschedulableSince)
            }
            if case let .waiting(status) = decision, status != lastStatus {
                lastStatus = status
                progress.status("job \(name): \(status)")
            }
            if case .finished = decision { break }
            if Date() >= deadline {
                decision = .finished(verdict: .error, summary: """
                    greenlight stopped waiting after \(DurationParser.format(waitLimit.rounded())), longer than the Job's own \
                    deadline, and the Job still had not ended (\(lastStatus)); is the Job controller running?
                    """, exitCode: nil)
                break
            }
        }

        // Let the log follow drain, so the file has everything the container printed.
        if logStarted, !logComplete, let logTask {
            let drained = await withTaskGroup(of: Bool.self) { group in
                group.addTask { await logTask.value; return true }
                group.addTask { try? await Task.sleep(for: .seconds(10)); return false }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            logComplete = drained && logComplete
            if !drained { logTask.cancel() }
        }
        var logProblem: String?
        if !logComplete, let podName = pods.keys.sorted().last {
            logProblem = await fetchWholeLogs(pod: podName, containers: Self.logContainers(pods[podName]),
                                              after: logStarted, checkoutLog: checkoutLog)
            if let logProblem { progress.warning(logProblem) }
        }
        return Result(decision: decision, job: current, detached: false, logProblem: logProblem, checkoutLog: checkoutLog.text)
    }

    /// A pod one of whose containers (init containers included) has started.
    private func startedPod(_ pods: [String: JSONValue]) -> String? {
        pods.first { _, pod in
            ((pod.at("status.initContainerStatuses")?.array ?? []) + (pod.at("status.containerStatuses")?.array ?? []))
                .contains { $0.at("state.running") != nil || $0.at("state.terminated") != nil }
        }?.key
    }

    /// greenlight's containers in the order they run: the checkout init container (when the
    /// pod has one; a Job from an older greenlight has not), then the step container.
    static func logContainers(_ pod: JSONValue?) -> [String] {
        if let pod, !JobClassifier.hasCheckoutContainer(pod) { return [JobManifest.containerName] }
        return [JobManifest.checkoutContainerName, JobManifest.containerName]
    }

    /// A container the log API says is waiting to start never will once the pod has ended
    /// (a failed init container ends it: the step container never starts) or is gone.
    private static func willNeverStart(_ pod: JSONValue?) -> Bool {
        guard let pod else { return true }
        let phase = pod.at("status.phase")?.string
        return phase == "Failed" || phase == "Succeeded"
    }

    // MARK: - Watches

    private func watchJob(from resourceVersion: String, into continuation: AsyncStream<Update>.Continuation) async {
        let watch = ListWatch(client: client, path: jobsPath, selectors: [URLQueryItem(name: "fieldSelector", value: "metadata.name=\(name)")],
                              listCall: APICall(verb: "list", group: "batch", resource: "jobs", namespace: namespace),
                              watchCall: APICall(verb: "watch", group: "batch", resource: "jobs", namespace: namespace, name: name),
                              timeoutSeconds: watchTimeoutSeconds)
        do {
            // Too old a resourceVersion: the list (by name) says where the Job is now, or that it is gone.
            try await watch.run(from: resourceVersion, list: { jobs in
                continuation.yield(jobs.first.map(Update.job) ?? .jobDeleted)
            }, event: { event in
                continuation.yield(event.kind == .deleted ? .jobDeleted : .job(event.object))
            }, interrupted: { error in
                progress.status("job \(name): watch interrupted (\(error)); resuming")
            })
        } catch {
            continuation.yield(.failure(error))
        }
    }

    private func watchPods(uid: String, into continuation: AsyncStream<Update>.Continuation) async {
        let watch = ListWatch(client: client, path: podsPath, selectors: [URLQueryItem(name: "labelSelector", value: "batch.kubernetes.io/controller-uid=\(uid)")],
                              listCall: APICall(verb: "list", group: "", resource: "pods", namespace: namespace),
                              watchCall: APICall(verb: "watch", group: "", resource: "pods", namespace: namespace),
                              timeoutSeconds: watchTimeoutSeconds)
        do {
            try await watch.run(list: { pods in
                continuation.yield(.pods(pods))
            }, event: { event in
                continuation.yield(event.kind == .deleted ? .podDeleted(event.object.at("metadata.name")?.string ?? "") : .pod(event.object))
            }, interrupted: { error in
                progress.status("job \(name): pod watch interrupted (\(error)); resuming")
            })
        } catch {
            continuation.yield(.failure(error))
        }
    }

    /// The Job's pods as the API server has them now; `nil` when they cannot be listed.
    private func listPods(uid: String) async -> [String: JSONValue]? {
        let selector = URLQueryItem(name: "labelSelector", value: "batch.kubernetes.io/controller-uid=\(uid)")
        let call = APICall(verb: "list", group: "", resource: "pods", namespace: namespace)
        guard let list = try? await client.send(call, method: .GET, path: podsPath, query: [selector]) else { return nil }
        return Dictionary((list["items"]?.array ?? []).map { ($0.at("metadata.name")?.string ?? "", $0) }, uniquingKeysWith: { $1 })
    }

    /// GET the Job; reports it (or its deletion) and returns its resourceVersion.
    @discardableResult
    private func getJob(into continuation: AsyncStream<Update>.Continuation) async -> String? {
        let call = APICall(verb: "get", group: "batch", resource: "jobs", namespace: namespace, name: name)
        do {
            let job = try await client.send(call, method: .GET, path: "\(jobsPath)/\(name)")
            continuation.yield(.job(job))
            return job.at("metadata.resourceVersion")?.string
        } catch let error as KubernetesError where error.code == .notFound {
            continuation.yield(.jobDeleted)
        } catch let error as KubernetesError where error.code == .forbidden || error.code == .unauthorized {
            continuation.yield(.failure(error))
        } catch {}
        return nil
    }

    private func tick(into continuation: AsyncStream<Update>.Continuation) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            continuation.yield(.tick)
        }
    }

    private func safetyNet(into continuation: AsyncStream<Update>.Continuation) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(safetyInterval))
            if Task.isCancelled { return }
            await getJob(into: continuation)
        }
    }

    // MARK: - Log

    private enum FollowOutcome { case complete, neverStarted, broken }

    /// Follows each of greenlight's containers' logs in turn into the log file, each under a
    /// header line; the checkout container's also into `checkoutLog`.
    private func followLogs(pod: String, pods: PodBox, checkoutLog: CheckoutLog,
                            into continuation: AsyncStream<Update>.Continuation) async {
        for container in Self.logContainers(pods.withLockedValue { $0[pod] }) {
            switch await follow(pod: pod, container: container, pods: pods, checkoutLog: checkoutLog) {
            case .complete, .neverStarted: continue
            case .broken:
                continuation.yield(.logEnded(complete: false))
                return
            }
        }
        continuation.yield(.logEnded(complete: true))
    }

    private func follow(pod: String, container: String, pods: PodBox, checkoutLog: CheckoutLog) async -> FollowOutcome {
        let call = APICall(verb: "get", group: "", resource: "pods", subresource: "log", namespace: namespace, name: pod)
        let isCheckout = container == JobManifest.checkoutContainerName
        let header = NIOLockedValueBox(false)
        while !Task.isCancelled {
            do {
                try await client.stream(call, path: "\(podsPath)/\(pod)/log", query: [
                    URLQueryItem(name: "container", value: container),
                    URLQueryItem(name: "follow", value: "true"),
                ], timeout: waitLimit) { chunk in
                    if header.withLockedValue({ written in defer { written = true }; return !written }) {
                        log.write("==> greenlight: log of container \(container)\n")
                    }
                    chunk.withUnsafeReadableBytes { bytes in
                        log.write(bytes)
                        capture.append(bytes)
                        if isCheckout { checkoutLog.append(bytes) }
                    }
                }
                return .complete
            } catch let error as KubernetesError where error.status == 400 {
                // Waiting to start: behind the init container, or the image is still coming.
                if Self.willNeverStart(pods.withLockedValue({ $0[pod] })) { return .neverStarted }
                try? await Task.sleep(for: .seconds(1))
            } catch {
                return .broken
            }
        }
        return .broken
    }

    /// When following broke off, the whole logs once more, so the file misses nothing.
    /// Returns why they could not be read, `nil` when they were. A container that never
    /// started (the step container after a failed checkout) has no log to miss.
    private func fetchWholeLogs(pod: String, containers: [String], after partial: Bool, checkoutLog: CheckoutLog) async -> String? {
        let call = APICall(verb: "get", group: "", resource: "pods", subresource: "log", namespace: namespace, name: pod)
        if partial { log.write("\n==> greenlight: the log stream broke off; the whole log follows\n") }
        for container in containers {
            let isCheckout = container == JobManifest.checkoutContainerName
            if isCheckout { checkoutLog.reset() }
            do {
                log.write("==> greenlight: log of container \(container)\n")
                try await client.stream(call, path: "\(podsPath)/\(pod)/log", query: [
                    URLQueryItem(name: "container", value: container),
                ], timeout: 120) { chunk in
                    chunk.withUnsafeReadableBytes { bytes in
                        log.write(bytes)
                        if !partial { capture.append(bytes) }
                        if isCheckout { checkoutLog.append(bytes) }
                    }
                }
            } catch let error as KubernetesError where error.status == 400 {
                log.write("(container \(container) never started)\n")
            } catch {
                log.write("\n==> greenlight: the log of container \(container) could not be read: \(error)\n")
                return "the log of container \(container) in pod \(namespace)/\(pod) could not be read in full: \(error)"
            }
        }
        return nil
    }
}
