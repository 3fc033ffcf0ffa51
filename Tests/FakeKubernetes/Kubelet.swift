import Foundation

/// The node agent: runs every pod the Job controller creates as a ``PodWorker`` with real processes,
/// and reports readiness and termination to the controller in order.
final class Kubelet: @unchecked Sendable {
    private let workRoot: URL
    private let store: ObjectStore
    private let faults: FaultPlan
    private let lock = NSLock()
    private var workers: [ObjectKey: PodWorker] = [:]
    private var shuttingDown = false
    let notifications: AsyncStream<KubeletNotification>
    private let continuation: AsyncStream<KubeletNotification>.Continuation

    init(workRoot: URL, store: ObjectStore, faults: FaultPlan) {
        self.workRoot = workRoot
        self.store = store
        self.faults = faults
        (notifications, continuation) = AsyncStream<KubeletNotification>.makeStream()
    }

    /// Starts running a newly created pod.
    func run(pod: JSONValue) {
        let continuation = self.continuation
        let worker = PodWorker(pod: pod, workRoot: workRoot, store: store, faults: faults) { continuation.yield($0) }
        let accepted = lock.withLock { () -> Bool in
            guard !shuttingDown else { return false }
            workers[ObjectKey(resource: .pods, namespace: pod.namespace, name: pod.name)] = worker
            return true
        }
        if accepted { worker.start() }
    }

    func worker(namespace: String, name: String) -> PodWorker? {
        lock.withLock { workers[ObjectKey(resource: .pods, namespace: namespace, name: name)] }
    }

    /// Stops a pod's container and waits until the pod shows its final state.
    func stop(namespace: String, name: String, reason: StopReason) async {
        await worker(namespace: namespace, name: name)?.stop(reason)
    }

    /// Kills every container at once, without waiting (for a server dropped without ``shutdown()``).
    func killAllNow() {
        let all = lock.withLock { () -> [PodWorker] in
            shuttingDown = true
            return Array(workers.values)
        }
        for worker in all { worker.killNow() }
    }

    /// Kills every container and waits for the workers to end.
    func shutdown() async {
        let all = lock.withLock { () -> [PodWorker] in
            shuttingDown = true
            return Array(workers.values)
        }
        await withTaskGroup(of: Void.self) { group in
            for worker in all { group.addTask { await worker.stop(.shutdown) } }
        }
        continuation.finish()
    }
}
