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

/// The kubelet's work for one pod, on a task of its own: scheduling, volumes, then each init container
/// to completion, one at a time and in order, then the first regular container (image pull, its own
/// filesystem, the process, watched with its faults), reporting every state change on the pod object.
///
/// As in Kubernetes (https://kubernetes.io/docs/concepts/workloads/pods/init-containers/): while init
/// containers run the pod is `Pending` with condition `Initialized` False (`ContainersNotInitialized`)
/// and the regular containers wait with reason `PodInitializing`; an init container that fails fails
/// the pod (`restartPolicy: Never`; here `OnFailure` too, see ``FakeKubeAPIServer``) and the regular
/// containers never start. The faults (OOM, eviction) hit the regular container only.
final class PodWorker: @unchecked Sendable {
    let namespace: String
    let name: String
    let sandbox: PodSandbox
    /// The regular container that runs (the first one).
    let containerName: String
    private let container: JSONValue
    /// `spec.initContainers`, in the order they run.
    private let initContainers: [JSONValue]
    private let store: ObjectStore
    private let faults: FaultPlan
    private let notify: @Sendable (KubeletNotification) -> Void

    private let lock = NSLock()
    private var stopReason: StopReason?
    private var process: ContainerProcess?
    private var finished = false
    /// Containers that have terminated (their logs are complete).
    private var ended: Set<String> = []
    /// Each container's entry in `initContainerStatuses` or `containerStatuses`, by name.
    private var statuses: [String: JSONValue] = [:]
    private var containerIDs: [String: String] = [:]
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
        initContainers = pod[path: ["spec", "initContainers"]]?.arrayValue ?? []
        sandbox = PodSandbox(workRoot: workRoot, namespace: namespace, podName: name)
        self.store = store
        self.faults = faults
        self.notify = notify
    }

    func start() {
        let task = Task(executorPreference: ServerExecutor.shared) { await self.run() }
        lock.withLock { self.task = task }
    }

    /// True once the pod has ended (its containers have terminated or will never run) and its logs are complete.
    var isFinished: Bool { lock.withLock { finished } }

    /// True once `container` has terminated, or the pod has ended without it: its log is complete.
    func isFinished(container: String) -> Bool { lock.withLock { finished || ended.contains(container) } }

    /// The names of the pod's containers, init containers first, in the order they run.
    var containerNames: [String] { initContainers.map(Self.name(of:)) + [containerName] }

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

    private static func name(of container: JSONValue) -> String { container["name"]?.stringValue ?? "main" }

    // MARK: Lifecycle

    private func run() async {
        guard await schedule() else { return await finishWithoutRunning() }
        guard await prepareVolumes() else { return await finishWithoutRunning() }
        for (index, initContainer) in initContainers.enumerated() {
            let initName = Self.name(of: initContainer)
            switch await runContainer(initContainer, isInit: true) {
            case .notStarted:
                return await finishWithoutRunning()
            case let .terminated(state, succeeded, _) where succeeded:
                setStatus(initName, state: state, ready: true, started: false)
                lock.withLock { _ = ended.insert(initName) }
                let remaining = initContainers[(index + 1)...].map(Self.name(of:))
                updatePod { pod in
                    if remaining.isEmpty {
                        Conditions.set(&pod, type: "Initialized", status: true)
                    } else {
                        Conditions.set(&pod, type: "Initialized", status: false, reason: "ContainersNotInitialized",
                                       message: "containers with incomplete status: [\(remaining.joined(separator: " "))]")
                    }
                }
            case let .terminated(state, _, extra):
                // The pod fails; the regular containers never start.
                return finish(container: initName, state: state, succeeded: false, extra: extra)
            }
        }
        switch await runContainer(container, isInit: false) {
        case .notStarted:
            await finishWithoutRunning()
        case let .terminated(state, succeeded, extra):
            finish(container: containerName, state: state, succeeded: succeeded, extra: extra)
        }
    }

    private enum ContainerOutcome {
        case notStarted
        case terminated(state: JSONValue, succeeded: Bool, extra: ((inout JSONValue) -> Void)?)
    }

    /// Pulls, prepares, starts and watches one container until its process has exited.
    private func runContainer(_ spec: JSONValue, isInit: Bool) async -> ContainerOutcome {
        let name = Self.name(of: spec)
        let containerID = self.containerID(name)
        guard await pullImage(spec) else { return .notStarted }
        guard let plan = await prepareContainer(spec) else { return .notStarted }

        let startedAt = KubeTime.now()
        let process: ContainerProcess
        do {
            process = try ContainerProcess.spawn(arguments: plan.arguments, environment: plan.environment,
                                                 directory: plan.directory, logFile: plan.logFile)
        } catch {
            return .terminated(state: ["terminated": [
                "exitCode": 128, "reason": "StartError", "message": .string("\(error)"),
                "startedAt": "1970-01-01T00:00:00Z", "finishedAt": KubeTime.now(),
                "containerID": .string(containerID),
            ]], succeeded: false, extra: nil)
        }
        let stopRequested = lock.withLock { () -> Bool in
            self.process = process
            return stopReason != nil
        }
        if stopRequested { process.killGroup() }

        if isInit {
            setStatus(name, state: ["running": ["startedAt": startedAt]], ready: false, started: true)
        } else {
            lock.withLock {
                statuses[name] = containerStatus(name: name, state: ["running": ["startedAt": startedAt]], ready: true, started: true)
            }
            updatePod { pod in
                pod[path: ["status", "phase"]] = "Running"
                Conditions.set(&pod, type: "Ready", status: true)
                Conditions.set(&pod, type: "ContainersReady", status: true)
                self.writeStatuses(into: &pod)
            }
            notify(.podReady(namespace: namespace, name: self.name))
        }

        // Watch the process, and the faults that end it from outside (those hit regular containers only).
        enum Ending { case oom, evicted, stopped }
        var ending: Ending?
        let runningSince = Date()
        let doomedToOOM = !isInit && faults.oomKill
        while process.exitStatus == nil {
            let elapsed = Date().timeIntervalSince(runningSince)
            if stopping != nil {
                ending = .stopped
            } else if !isInit && ((faults.oomKill && elapsed >= 0.05) || (doomedToOOM && elapsed >= 0.2)) {
                ending = .oom
            } else if !isInit, let evictAfter = faults.evictAfter, elapsed >= evictAfter {
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
        lock.withLock { self.process = nil }
        if ending == nil && doomedToOOM { ending = .oom }
        let finishedAt = KubeTime.now()

        func terminated(_ code: Int32, _ reason: String) -> JSONValue {
            ["terminated": ["exitCode": .int(Int(code)), "reason": .string(reason), "startedAt": startedAt,
                            "finishedAt": finishedAt, "containerID": .string(containerID)]]
        }
        switch ending {
        case .oom:
            return .terminated(state: terminated(137, "OOMKilled"), succeeded: false, extra: nil)
        case .evicted:
            return .terminated(state: terminated(137, "Error"), succeeded: false) { pod in
                pod[path: ["status", "reason"]] = "Evicted"
                pod[path: ["status", "message"]] = .string(Self.evictionMessage
                    + "Container \(name) was using 1537404Ki, request is 0, has larger consumption of memory. ")
            }
        case .stopped:
            return .terminated(state: terminated(137, "Error"), succeeded: false, extra: nil)
        case nil:
            return .terminated(state: terminated(exitCode, exitCode == 0 ? "Completed" : "Error"), succeeded: exitCode == 0, extra: nil)
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
        // The kubelet's default for containers not started yet: `PodInitializing` when the pod has init containers.
        let initNames = initContainers.map(Self.name(of:))
        let defaultWaiting: JSONValue = ["waiting": ["reason": .string(initNames.isEmpty ? "ContainerCreating" : "PodInitializing")]]
        lock.withLock {
            for name in containerNames { statuses[name] = containerStatus(name: name, state: defaultWaiting, ready: false, started: false) }
        }
        updatePod { pod in
            pod[path: ["status", "startTime"]] = KubeTime.now()
            pod[path: ["status", "hostIP"]] = "127.0.0.1"
            pod[path: ["status", "hostIPs"]] = [["ip": "127.0.0.1"]]
            Conditions.set(&pod, type: "PodReadyToStartContainers", status: true)
            if initNames.isEmpty {
                Conditions.set(&pod, type: "Initialized", status: true)
            } else {
                Conditions.set(&pod, type: "Initialized", status: false, reason: "ContainersNotInitialized",
                               message: "containers with incomplete status: [\(initNames.joined(separator: " "))]")
            }
            Conditions.set(&pod, type: "Ready", status: false, reason: "ContainersNotReady",
                           message: "containers with unready status: [\(self.containerName)]")
            Conditions.set(&pod, type: "ContainersReady", status: false, reason: "ContainersNotReady",
                           message: "containers with unready status: [\(self.containerName)]")
            self.writeStatuses(into: &pod)
        }
        return true
    }

    /// Fails the pull for images named `does-not-exist` (or with the fault); never returns for invalid names.
    private func pullImage(_ spec: JSONValue) async -> Bool {
        let name = Self.name(of: spec)
        let image = spec["image"]?.stringValue ?? ""
        let reference = Self.normalizedImageReference(image)
        if image.contains(where: \.isUppercase) {
            setWaiting(name, reason: "InvalidImageName",
                       message: "Failed to apply default image tag \"\(image)\": couldn't parse image name \"\(image)\": "
                           + "invalid reference format: repository name (library/\(image)) must be lowercase")
            while stopping == nil { try? await Task.sleep(nanoseconds: 50_000_000) }
            return false
        }
        var shown = false
        while image.contains("does-not-exist") || faults.imagePullFailure {
            if stopping != nil { return false }
            if !shown {
                setWaiting(name, reason: "ErrImagePull",
                           message: "rpc error: code = NotFound desc = failed to pull and unpack image \"\(reference)\": "
                               + "failed to resolve reference \"\(reference)\": \(reference): not found")
                for _ in 0..<10 where stopping == nil { try? await Task.sleep(nanoseconds: 50_000_000) }
                if stopping != nil { return false }
                setWaiting(name, reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\"")
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

    /// The pod's volumes, once for all its containers; retried while a ConfigMap or Secret is missing, as
    /// the kubelet does (shown on the container that would run first).
    private func prepareVolumes() async -> Bool {
        let first = containerNames[0]
        var lastProblem: String?
        while stopping == nil {
            guard let pod = store.get(.pods, namespace: namespace, name: name) else { return false }
            do throws(PodSandbox.NotReady) {
                try sandbox.prepareVolumes(pod: pod, store: store)
                return true
            } catch {
                if lastProblem != error.message {
                    lastProblem = error.message
                    setWaiting(first, reason: error.reason, message: error.message)
                }
            }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    /// The container's own filesystem, mounts and environment; retried while something it refers to is missing.
    private func prepareContainer(_ spec: JSONValue) async -> PodSandbox.LaunchPlan? {
        var lastProblem: String?
        while stopping == nil {
            guard let pod = store.get(.pods, namespace: namespace, name: name) else { return nil }
            do throws(PodSandbox.NotReady) {
                return try sandbox.prepare(pod: pod, container: spec, store: store)
            } catch {
                if lastProblem != error.message {
                    lastProblem = error.message
                    setWaiting(Self.name(of: spec), reason: error.reason, message: error.message)
                }
            }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return nil
    }

    // MARK: Status

    private func containerID(_ container: String) -> String {
        lock.withLock {
            if let id = containerIDs[container] { return id }
            let id = "containerd://" + (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "").lowercased()
            containerIDs[container] = id
            return id
        }
    }

    private func spec(named container: String) -> JSONValue {
        (initContainers + [self.container]).first { Self.name(of: $0) == container } ?? .object([:])
    }

    private func containerStatus(name: String, state: JSONValue, ready: Bool, started: Bool) -> JSONValue {
        let image = spec(named: name)["image"]?.stringValue ?? ""
        var status: JSONValue = [
            "name": .string(name), "image": .string(image), "imageID": "", "ready": .bool(ready),
            "started": .bool(started), "restartCount": 0, "state": state, "lastState": .object([:]),
        ]
        if state["waiting"] == nil {
            status["containerID"] = .string(containerIDs[name] ?? "")
            status["imageID"] = .string(Self.normalizedImageReference(image) + "@sha256:" + String(repeating: "0", count: 64))
        }
        return status
    }

    /// `initContainerStatuses` (when the pod has init containers) and `containerStatuses`, from `statuses`.
    private func writeStatuses(into pod: inout JSONValue) {
        let (initStatuses, regular) = lock.withLock { () -> ([JSONValue], JSONValue?) in
            (initContainers.compactMap { statuses[Self.name(of: $0)] }, statuses[containerName])
        }
        if !initContainers.isEmpty { pod[path: ["status", "initContainerStatuses"]] = .array(initStatuses) }
        pod[path: ["status", "containerStatuses"]] = .array(regular.map { [$0] } ?? [])
    }

    private func setStatus(_ container: String, state: JSONValue, ready: Bool, started: Bool) {
        lock.withLock { statuses[container] = containerStatus(name: container, state: state, ready: ready, started: started) }
        updatePod { pod in self.writeStatuses(into: &pod) }
    }

    private func setWaiting(_ container: String, reason: String, message: String?) {
        var waiting: JSONValue = ["reason": .string(reason)]
        if let message { waiting["message"] = .string(message) }
        setStatus(container, state: ["waiting": waiting], ready: false, started: false)
    }

    @discardableResult
    private func updatePod(_ change: (inout JSONValue) -> Void) -> JSONValue? {
        store.update(.pods, namespace: namespace, name: name, change)
    }

    /// A container terminated and the pod ends with it (the regular container, or an init container that
    /// failed): its final state, the pod's phase and conditions; then tell the controller. When the pod is
    /// being stopped, containers that never ran are reported as the kubelet does for a terminated pod.
    private func finish(container: String, state: JSONValue, succeeded: Bool, extra: ((inout JSONValue) -> Void)? = nil) {
        lock.withLock {
            statuses[container] = containerStatus(name: container, state: state, ready: false, started: false)
            ended.insert(container)
        }
        if stopping != nil { markNeverRunAsUnknown() }
        let pod = updatePod { pod in
            pod[path: ["status", "phase"]] = succeeded ? "Succeeded" : "Failed"
            let reason = succeeded ? "PodCompleted" : "PodFailed"
            Conditions.set(&pod, type: "PodReadyToStartContainers", status: false)
            Conditions.set(&pod, type: "Ready", status: false, reason: reason)
            Conditions.set(&pod, type: "ContainersReady", status: false, reason: reason)
            self.writeStatuses(into: &pod)
            extra?(&pod)
        }
        lock.withLock { finished = true }
        if let pod { notify(.podFinished(pod)) }
    }

    /// Stopped before a container ran: the pod fails with the containers that never ran in status unknown.
    private func finishWithoutRunning() async {
        guard stopping != nil else {
            lock.withLock { finished = true }
            return
        }
        markNeverRunAsUnknown()
        let pod = updatePod { pod in
            pod[path: ["status", "phase"]] = "Failed"
            Conditions.set(&pod, type: "PodReadyToStartContainers", status: false)
            Conditions.set(&pod, type: "Ready", status: false, reason: "PodFailed")
            Conditions.set(&pod, type: "ContainersReady", status: false, reason: "PodFailed")
            self.writeStatuses(into: &pod)
        }
        lock.withLock { finished = true }
        if let pod { notify(.podFinished(pod)) }
    }

    private func markNeverRunAsUnknown() {
        lock.withLock {
            for name in containerNames where statuses[name]?[path: ["state", "terminated"]] == nil {
                statuses[name] = containerStatus(name: name, state: ["terminated": [
                    "exitCode": 137, "reason": "ContainerStatusUnknown",
                    "message": "The container could not be located when the pod was terminated",
                    "startedAt": .null, "finishedAt": KubeTime.now(),
                ]], ready: false, started: false)
            }
        }
    }
}
