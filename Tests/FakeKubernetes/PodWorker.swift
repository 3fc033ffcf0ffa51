import Foundation

/// What the kubelet tells the Job controller.
enum KubeletNotification: Sendable {
    case podReady(namespace: String, name: String)
    /// The pod reached `Succeeded` or `Failed`; carries the final pod object.
    case podFinished(JSONValue)
}

/// Why a container is stopped from outside its process.
enum StopReason: Sendable {
    /// The pod is being deleted (API call or garbage collection of its Job).
    case deleted
    /// The Job's `activeDeadlineSeconds` passed.
    case deadlineExceeded
    /// The API server is shutting down.
    case shutdown
}

/// The kubelet's work for one pod, on a task of its own: scheduling, image pull, sandbox, running the
/// container process, watching it (faults included) and reporting every state change on the pod object.
final class PodWorker: @unchecked Sendable {
    let namespace: String
    let name: String
    let sandbox: PodSandbox
    let containerName: String
    private let container: JSONValue
    private let containerID = "containerd://" + (UUID().uuidString + UUID().uuidString)
        .replacingOccurrences(of: "-", with: "").lowercased()
    private let store: ObjectStore
    private let faults: FaultPlan
    private let notify: @Sendable (KubeletNotification) -> Void

    private let lock = NSLock()
    private var stopReason: StopReason?
    private var process: ContainerProcess?
    private var finished = false
    private var task: Task<Void, Never>?

    static let nodeName = "fake-node"
    static let evictionMessage = "The node was low on resource: memory. Threshold quantity: 100Mi, available: 42Mi. "
    static let unschedulableMessage = "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: "
        + "3 No preemption victims found for incoming pod."

    init(pod: JSONValue, workRoot: URL, store: ObjectStore, faults: FaultPlan,
         notify: @escaping @Sendable (KubeletNotification) -> Void)
    {
        namespace = pod.namespace
        name = pod.name
        container = pod[path: ["spec", "containers"]]?.arrayValue?.first ?? .object([:])
        containerName = container["name"]?.stringValue ?? "main"
        sandbox = PodSandbox(workRoot: workRoot, namespace: namespace, podName: name)
        self.store = store
        self.faults = faults
        self.notify = notify
    }

    func start() {
        let task = Task(executorPreference: ServerExecutor.shared) { await self.run() }
        lock.withLock { self.task = task }
    }

    /// True once the container has terminated (or will never run) and its log is complete.
    var isFinished: Bool { lock.withLock { finished } }

    private var stopping: StopReason? { lock.withLock { stopReason } }

    /// Kills the container (if it runs) and waits until the pod shows its final state.
    func stop(_ reason: StopReason) async {
        let task: Task<Void, Never>? = lock.withLock {
            if stopReason == nil { stopReason = reason }
            process?.killGroup()
            return self.task
        }
        await task?.value
    }

    /// Kills the container without waiting (the server is going away without a shutdown).
    func killNow() {
        lock.withLock {
            if stopReason == nil { stopReason = .shutdown }
            process?.killGroup()
        }
    }

    // MARK: Lifecycle

    private func run() async {
        guard await schedule() else { return await finishWithoutRunning() }
        guard await pullImage() else { return await finishWithoutRunning() }
        guard let plan = await prepareSandbox() else { return await finishWithoutRunning() }

        let startedAt = KubeTime.now()
        let process: ContainerProcess
        do {
            process = try ContainerProcess.spawn(arguments: plan.arguments, environment: plan.environment,
                                                 directory: plan.directory, logFile: plan.logFile)
        } catch {
            return finish(state: ["terminated": [
                "exitCode": 128, "reason": "StartError", "message": .string("\(error)"),
                "startedAt": "1970-01-01T00:00:00Z", "finishedAt": KubeTime.now(),
                "containerID": .string(containerID),
            ]], succeeded: false)
        }
        let stopRequested = lock.withLock { () -> Bool in
            self.process = process
            return stopReason != nil
        }
        if stopRequested { process.killGroup() }

        updatePod { pod in
            pod[path: ["status", "phase"]] = "Running"
            Conditions.set(&pod, type: "Ready", status: true)
            Conditions.set(&pod, type: "ContainersReady", status: true)
            pod[path: ["status", "containerStatuses"]] = [self.containerStatus(
                state: ["running": ["startedAt": startedAt]], ready: true, started: true)]
        }
        notify(.podReady(namespace: namespace, name: name))

        // Watch the process, and the faults that end it from outside.
        enum Ending { case oom, evicted, stopped }
        var ending: Ending?
        let runningSince = Date()
        let doomedToOOM = faults.oomKill
        while process.exitStatus == nil {
            let elapsed = Date().timeIntervalSince(runningSince)
            if stopping != nil {
                ending = .stopped
            } else if (faults.oomKill && elapsed >= 0.05) || (doomedToOOM && elapsed >= 0.2) {
                ending = .oom
            } else if let evictAfter = faults.evictAfter, elapsed >= evictAfter {
                ending = .evicted
                updatePod { pod in
                    Conditions.set(&pod, type: "DisruptionTarget", status: true, reason: "TerminationByKubelet",
                                   message: Self.evictionMessage)
                }
            }
            if ending != nil {
                process.killGroup()
                break
            }
            try? await Task.sleep(nanoseconds: 25_000_000)
        }
        let exitCode = await process.waitForExit()
        if ending == nil && doomedToOOM { ending = .oom }
        let finishedAt = KubeTime.now()

        func terminated(_ code: Int32, _ reason: String) -> JSONValue {
            ["terminated": ["exitCode": .int(Int(code)), "reason": .string(reason), "startedAt": startedAt,
                            "finishedAt": finishedAt, "containerID": .string(containerID)]]
        }
        switch ending {
        case .oom:
            finish(state: terminated(137, "OOMKilled"), succeeded: false)
        case .evicted:
            finish(state: terminated(137, "Error"), succeeded: false) { pod in
                pod[path: ["status", "reason"]] = "Evicted"
                pod[path: ["status", "message"]] = .string(Self.evictionMessage
                    + "Container \(self.containerName) was using 1537404Ki, request is 0, has larger consumption of memory. ")
            }
        case .stopped:
            finish(state: terminated(137, "Error"), succeeded: false)
        case nil:
            finish(state: terminated(exitCode, exitCode == 0 ? "Completed" : "Error"), succeeded: exitCode == 0)
        }
    }


    /// Waits for the scheduler; false when the pod is stopped first.
    private func schedule() async -> Bool {
        let created = Date()
        var shownUnschedulable = false
        while true {
            if stopping != nil { return false }
            if faults.unschedulable {
                if !shownUnschedulable {
                    updatePod { pod in
                        Conditions.set(&pod, type: "PodScheduled", status: false, reason: "Unschedulable",
                                       message: Self.unschedulableMessage)
                    }
                    shownUnschedulable = true
                }
            } else if Date().timeIntervalSince(created) >= faults.schedulingDelay {
                break
            }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        updatePod { pod in
            pod[path: ["spec", "nodeName"]] = .string(Self.nodeName)
            Conditions.set(&pod, type: "PodScheduled", status: true)
        }
        updatePod { pod in
            pod[path: ["status", "startTime"]] = KubeTime.now()
            pod[path: ["status", "hostIP"]] = "127.0.0.1"
            pod[path: ["status", "hostIPs"]] = [["ip": "127.0.0.1"]]
            Conditions.set(&pod, type: "PodReadyToStartContainers", status: true)
            Conditions.set(&pod, type: "Initialized", status: true)
            Conditions.set(&pod, type: "Ready", status: false, reason: "ContainersNotReady",
                           message: "containers with unready status: [\(self.containerName)]")
            Conditions.set(&pod, type: "ContainersReady", status: false, reason: "ContainersNotReady",
                           message: "containers with unready status: [\(self.containerName)]")
            pod[path: ["status", "containerStatuses"]] = [self.containerStatus(
                state: ["waiting": ["reason": "ContainerCreating"]], ready: false, started: false)]
        }
        return true
    }

    /// Fails the pull for images named `does-not-exist` (or with the fault); never returns for invalid names.
    private func pullImage() async -> Bool {
        let image = container["image"]?.stringValue ?? ""
        let reference = Self.normalizedImageReference(image)
        if image.contains(where: \.isUppercase) {
            setWaiting(reason: "InvalidImageName",
                       message: "Failed to apply default image tag \"\(image)\": couldn't parse image name \"\(image)\": "
                           + "invalid reference format: repository name (library/\(image)) must be lowercase")
            while stopping == nil { try? await Task.sleep(nanoseconds: 50_000_000) }
            return false
        }
        var shown = false
        while image.contains("does-not-exist") || faults.imagePullFailure {
            if stopping != nil { return false }
            if !shown {
                setWaiting(reason: "ErrImagePull",
                           message: "rpc error: code = NotFound desc = failed to pull and unpack image \"\(reference)\": "
                               + "failed to resolve reference \"\(reference)\": \(reference): not found")
                for _ in 0..<10 where stopping == nil { try? await Task.sleep(nanoseconds: 50_000_000) }
                if stopping != nil { return false }
                setWaiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\"")
                shown = true
            }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        return stopping == nil
    }

    static func normalizedImageReference(_ image: String) -> String {
        var reference = image
        let lastComponent = reference.split(separator: "/").last.map(String.init) ?? reference
        if !lastComponent.contains(":") && !lastComponent.contains("@") { reference += ":latest" }
        let firstComponent = reference.split(separator: "/").first.map(String.init) ?? ""
        if !reference.contains("/") {
            reference = "docker.io/library/" + reference
        } else if !firstComponent.contains(".") && !firstComponent.contains(":") && firstComponent != "localhost" {
            reference = "docker.io/" + reference
        }
        return reference
    }

    /// Volumes and environment; retried while a ConfigMap or Secret is missing, as the kubelet does.
    private func prepareSandbox() async -> PodSandbox.LaunchPlan? {
        var lastProblem: String?
        while stopping == nil {
            guard let pod = store.get(.pods, namespace: namespace, name: name) else { return nil }
            do throws(PodSandbox.NotReady) {
                return try sandbox.prepare(pod: pod, container: container, store: store)
            } catch {
                if lastProblem != error.message {
                    lastProblem = error.message
                    setWaiting(reason: error.reason, message: error.message)
                }
            }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return nil
    }

    // MARK: Status

    private func containerStatus(state: JSONValue, ready: Bool, started: Bool) -> JSONValue {
        let image = container["image"]?.stringValue ?? ""
        var status: JSONValue = [
            "name": .string(containerName), "image": .string(image), "imageID": "", "ready": .bool(ready),
            "started": .bool(started), "restartCount": 0, "state": state, "lastState": .object([:]),
        ]
        if state["waiting"] == nil {
            status["containerID"] = .string(containerID)
            status["imageID"] = .string(Self.normalizedImageReference(image) + "@sha256:" + String(repeating: "0", count: 64))
        }
        return status
    }

    private func setWaiting(reason: String, message: String?) {
        var waiting: JSONValue = ["reason": .string(reason)]
        if let message { waiting["message"] = .string(message) }
        updatePod { pod in
            pod[path: ["status", "containerStatuses"]] = [self.containerStatus(
                state: ["waiting": waiting], ready: false, started: false)]
        }
    }

    @discardableResult
    private func updatePod(_ change: (inout JSONValue) -> Void) -> JSONValue? {
        store.update(.pods, namespace: namespace, name: name, change)
    }

    /// The container terminated: final container state, pod phase, conditions; then tell the controller.
    private func finish(state: JSONValue, succeeded: Bool, extra: ((inout JSONValue) -> Void)? = nil) {
        let pod = updatePod { pod in
            pod[path: ["status", "phase"]] = succeeded ? "Succeeded" : "Failed"
            let reason = succeeded ? "PodCompleted" : "PodFailed"
            Conditions.set(&pod, type: "PodReadyToStartContainers", status: false)
            Conditions.set(&pod, type: "Ready", status: false, reason: reason)
            Conditions.set(&pod, type: "ContainersReady", status: false, reason: reason)
            pod[path: ["status", "containerStatuses"]] = [self.containerStatus(state: state, ready: false, started: false)]
            extra?(&pod)
        }
        lock.withLock { finished = true }
        if let pod { notify(.podFinished(pod)) }
    }

    /// Stopped before the container ran: the pod fails with the container status unknown.
    private func finishWithoutRunning() async {
        guard stopping != nil else {
            lock.withLock { finished = true }
            return
        }
        finish(state: ["terminated": [
            "exitCode": 137, "reason": "ContainerStatusUnknown",
            "message": "The container could not be located when the pod was terminated",
            "startedAt": .null, "finishedAt": KubeTime.now(),
        ]], succeeded: false)
    }
}
