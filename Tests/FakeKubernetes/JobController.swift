import Foundation

/// How deleting an owner treats its dependents (`propagationPolicy`).
enum PropagationPolicy: String, Sendable {
    case background = "Background"
    case foreground = "Foreground"
    case orphan = "Orphan"
}

/// The Job controller (and, for Jobs, the garbage collector): creates one pod at a time for a Job, follows
/// it through the kubelet's reports, retries up to `backoffLimit`, applies `podFailurePolicy` and
/// `activeDeadlineSeconds`, and writes the Job status and conditions in Kubernetes 1.31+ order
/// (`SuccessCriteriaMet` before `Complete`, `FailureTarget` before `Failed`).
actor JobController {
    private struct Record {
        let namespace: String
        let name: String
        let uid: String
        let completions: Int
        let backoffLimit: Int
        let activeDeadlineSeconds: Int?
        let podFailurePolicy: [JSONValue]
        let ttlSecondsAfterFinished: Int?
        var active: Set<String> = []
        var succeeded = 0
        var failed = 0
        var finished = false
        var startTime: Date?
        var deadlineTask: Task<Void, Never>?
    }

    private let store: ObjectStore
    private let kubelet: Kubelet
    private var records: [String: Record] = [:]
    private var listener: Task<Void, Never>?
    private var background: [Task<Void, Never>] = []
    /// Pause between the interim condition (`SuccessCriteriaMet`, `FailureTarget`) and the final one.
    private let conditionGap: UInt64 = 50_000_000

    init(store: ObjectStore, kubelet: Kubelet) {
        self.store = store
        self.kubelet = kubelet
    }

    /// Starts consuming the kubelet's reports, one at a time, in order.
    func start() {
        let notifications = kubelet.notifications
        listener = Task(executorPreference: ServerExecutor.shared) { [weak self] in
            for await notification in notifications {
                await self?.handle(notification)
            }
        }
    }

    func shutdown() async {
        listener?.cancel()
        for record in records.values { record.deadlineTask?.cancel() }
        records.removeAll()
        for task in background { task.cancel() }
        background.removeAll()
    }

    // MARK: Jobs

    /// A Job was stored: start tracking it and create its first pod.
    func jobCreated(_ job: JSONValue) {
        let spec = job["spec"] ?? .object([:])
        let record = Record(
            namespace: job.namespace, name: job.name, uid: job.uid,
            completions: max(1, spec["completions"]?.intValue ?? 1),
            backoffLimit: max(0, spec["backoffLimit"]?.intValue ?? 6),
            activeDeadlineSeconds: spec["activeDeadlineSeconds"]?.intValue,
            podFailurePolicy: spec[path: ["podFailurePolicy", "rules"]]?.arrayValue ?? [],
            ttlSecondsAfterFinished: spec["ttlSecondsAfterFinished"]?.intValue)
        records[job.uid] = record
        createPod(uid: job.uid)
    }

    private static let suffixAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    private func createPod(uid: String) {
        guard var record = records[uid], !record.finished,
            let job = store.get(.jobs, namespace: record.namespace, name: record.name), job.uid == uid,
            job[path: ["metadata", "deletionTimestamp"]] == nil
        else { return }
        let template = job[path: ["spec", "template"]] ?? .object([:])
        let generateName = String(record.name.prefix(57)) + "-"
        var pod: JSONValue = [
            "metadata": [
                "generateName": .string(generateName),
                "labels": template[path: ["metadata", "labels"]] ?? .object([:]),
                "ownerReferences": [[
                    "apiVersion": "batch/v1", "kind": "Job", "name": .string(record.name), "uid": .string(uid),
                    "controller": true, "blockOwnerDeletion": true,
                ]],
            ],
            "spec": Self.podSpec(from: template["spec"] ?? .object([:])),
            "status": ["phase": "Pending", "qosClass": .string(Self.qosClass(template["spec"] ?? .object([:])))],
        ]
        if let annotations = template[path: ["metadata", "annotations"]] {
            pod[path: ["metadata", "annotations"]] = annotations
        }
        var created: JSONValue?
        for _ in 0..<10 where created == nil {
            let suffix = String((0..<5).map { _ in Self.suffixAlphabet.randomElement()! })
            pod[path: ["metadata", "name"]] = .string(generateName + suffix)
            created = try? store.create(.pods, namespace: record.namespace, object: pod)
        }
        guard let created else { return }
        record.active.insert(created.name)
        let firstStart = record.startTime == nil
        if firstStart { record.startTime = Date() }
        let startTime = record.startTime!
        let active = record.active.count
        records[uid] = record
        updateJob(record) { job in
            if job[path: ["status", "startTime"]] == nil {
                job[path: ["status", "startTime"]] = .string(KubeTime.string(startTime))
            }
            job[path: ["status", "active"]] = .int(active)
            job[path: ["status", "ready"]] = 0
            job[path: ["status", "terminating"]] = 0
            job[path: ["status", "uncountedTerminatedPods"]] = .object([:])
        }
        if firstStart, let deadline = record.activeDeadlineSeconds {
            let wake = startTime.addingTimeInterval(TimeInterval(deadline))
            records[uid]?.deadlineTask = Task(executorPreference: ServerExecutor.shared) { [weak self] in
                await Pause.seconds(wake.timeIntervalSinceNow)
                if Task.isCancelled { return }
                await self?.deadlineReached(uid: uid)
            }
        }
        kubelet.run(pod: created)
    }

    /// The pod spec a Job's template produces, with the defaults the API server fills in.
    private static func podSpec(from template: JSONValue) -> JSONValue {
        var spec = template
        let defaults: [String: JSONValue] = [
            "restartPolicy": "Never", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
            "schedulerName": "default-scheduler", "serviceAccountName": "default", "serviceAccount": "default",
            "securityContext": .object([:]), "enableServiceLinks": true, "priority": 0,
            "preemptionPolicy": "PreemptLowerPriority",
        ]
        for (key, value) in defaults where spec[key] == nil { spec[key] = value }
        if let containers = spec["containers"]?.arrayValue {
            spec["containers"] = .array(containers.map { container in
                var container = container
                let image = container["image"]?.stringValue ?? ""
                let lastComponent = image.split(separator: "/").last.map(String.init) ?? image
                let untaggedOrLatest = !lastComponent.contains(":") || lastComponent.hasSuffix(":latest")
                let containerDefaults: [String: JSONValue] = [
                    "imagePullPolicy": .string(untaggedOrLatest ? "Always" : "IfNotPresent"),
                    "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
                    "resources": .object([:]),
                ]
                for (key, value) in containerDefaults where container[key] == nil { container[key] = value }
                return container
            })
        }
        return spec
    }

    private static func qosClass(_ spec: JSONValue) -> String {
        let resources = (spec["containers"]?.arrayValue ?? []).map { $0["resources"] ?? .object([:]) }
        let requests = resources.compactMap { $0["requests"]?.objectValue }.filter { !$0.isEmpty }
        let limits = resources.compactMap { $0["limits"]?.objectValue }.filter { !$0.isEmpty }
        if requests.isEmpty && limits.isEmpty { return "BestEffort" }
        let guaranteed = resources.allSatisfy { resource in
            guard let limit = resource["limits"]?.objectValue, limit["cpu"] != nil, limit["memory"] != nil else { return false }
            let request = resource["requests"]?.objectValue ?? limit
            return request["cpu"] == limit["cpu"] && request["memory"] == limit["memory"]
        }
        return guaranteed ? "Guaranteed" : "Burstable"
    }

    private func updateJob(_ record: Record, _ change: (inout JSONValue) -> Void) {
        store.update(.jobs, namespace: record.namespace, name: record.name) { job in
            guard job.uid == record.uid else { return }
            change(&job)
        }
    }

    // MARK: Kubelet reports

    private func handle(_ notification: KubeletNotification) async {
        switch notification {
        case .podReady(let namespace, let name):
            guard let pod = store.get(.pods, namespace: namespace, name: name), let uid = Self.ownerUID(pod),
                let record = records[uid], !record.finished, record.active.contains(name)
            else { return }
            updateJob(record) { job in job[path: ["status", "ready"]] = 1 }
        case .podFinished(let pod):
            await podFinished(pod)
        }
    }

    private static func ownerUID(_ pod: JSONValue) -> String? {
        let owners = pod[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
        return owners.first { $0["kind"]?.stringValue == "Job" && $0["controller"]?.boolValue == true }?["uid"]?.stringValue
    }

    private enum FailureAction {
        case failJob(message: String)
        case ignore
        case count
    }

    private func podFinished(_ pod: JSONValue) async {
        guard let uid = Self.ownerUID(pod), var record = records[uid], !record.finished,
            record.active.contains(pod.name)
        else { return }
        record.active.remove(pod.name)
        let succeeded = pod[path: ["status", "phase"]]?.stringValue == "Succeeded"
        if succeeded {
            record.succeeded += 1
            if record.succeeded >= record.completions {
                record.finished = true
                record.deadlineTask?.cancel()
                records[uid] = record
                await complete(record)
            } else {
                records[uid] = record
                let succeededCount = record.succeeded
                updateJob(record) { job in
                    job[path: ["status", "succeeded"]] = .int(succeededCount)
                    job[path: ["status", "active"]] = 0
                    job[path: ["status", "ready"]] = 0
                }
                createPod(uid: uid)
            }
            return
        }

        switch evaluateFailurePolicy(record: record, pod: pod) {
        case .failJob(let message):
            record.failed += 1
            record.finished = true
            record.deadlineTask?.cancel()
            records[uid] = record
            await fail(record, reason: "PodFailurePolicy", message: message)
        case .ignore:
            records[uid] = record
            updateJob(record) { job in
                job[path: ["status", "active"]] = 0
                job[path: ["status", "ready"]] = 0
            }
            try? await Task.sleep(nanoseconds: 100_000_000)
            createPod(uid: uid)
        case .count:
            record.failed += 1
            if record.failed > record.backoffLimit {
                record.finished = true
                record.deadlineTask?.cancel()
                records[uid] = record
                await fail(record, reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit")
            } else {
                records[uid] = record
                let failedCount = record.failed
                updateJob(record) { job in
                    job[path: ["status", "failed"]] = .int(failedCount)
                    job[path: ["status", "active"]] = 0
                    job[path: ["status", "ready"]] = 0
                }
                try? await Task.sleep(nanoseconds: 100_000_000)
                createPod(uid: uid)
            }
        }
    }

    /// The first `podFailurePolicy` rule that matches the failed pod decides.
    private func evaluateFailurePolicy(record: Record, pod: JSONValue) -> FailureAction {
        let podName = "\(pod.namespace)/\(pod.name)"
        let statuses = (pod[path: ["status", "initContainerStatuses"]]?.arrayValue ?? [])
            + (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? [])
        for (index, rule) in record.podFailurePolicy.enumerated() {
            let action = rule["action"]?.stringValue ?? "Count"
            var matched: String?
            if let onExitCodes = rule["onExitCodes"] {
                let wanted = Set((onExitCodes["values"]?.arrayValue ?? []).compactMap(\.intValue))
                let isIn = (onExitCodes["operator"]?.stringValue ?? "In") == "In"
                let containerName = onExitCodes["containerName"]?.stringValue
                for status in statuses {
                    guard containerName == nil || status["name"]?.stringValue == containerName,
                        let code = status[path: ["state", "terminated", "exitCode"]]?.intValue, code != 0
                    else { continue }
                    if wanted.contains(code) == isIn {
                        matched = "Container \(status["name"]?.stringValue ?? "") for pod \(podName) failed with exit code \(code) matching \(action) rule at index \(index)"
                        break
                    }
                }
            }
            for requirement in rule["onPodConditions"]?.arrayValue ?? [] where matched == nil {
                guard let type = requirement["type"]?.stringValue else { continue }
                let wantedStatus = requirement["status"]?.stringValue ?? "True"
                let conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
                if conditions.contains(where: { $0["type"]?.stringValue == type && $0["status"]?.stringValue == wantedStatus }) {
                    matched = "Pod \(podName) has condition \(type) matching \(action) rule at index \(index)"
                }
            }
            guard let message = matched else { continue }
            switch action {
            case "FailJob": return .failJob(message: message)
            case "Ignore": return .ignore
            default: return .count
            }
        }
        return .count
    }

    private func complete(_ record: Record) async {
        let message = "Reached expected number of succeeded pods"
        updateJob(record) { job in
            job[path: ["status", "ready"]] = 0
            Conditions.set(&job, type: "SuccessCriteriaMet", status: true, reason: "CompletionsReached", message: message)
        }
        try? await Task.sleep(nanoseconds: conditionGap)
        let succeeded = record.succeeded
        updateJob(record) { job in
            Conditions.set(&job, type: "Complete", status: true, reason: "CompletionsReached", message: message)
            job[path: ["status", "succeeded"]] = .int(succeeded)
            job[path: ["status", "active"]] = 0
            job[path: ["status", "ready"]] = 0
            job[path: ["status", "terminating"]] = 0
            job[path: ["status", "completionTime"]] = KubeTime.now()
        }
        scheduleCleanup(record)
    }

    /// The TTL-after-finished controller: deletes a finished Job (Background) `ttlSecondsAfterFinished` later.
    private func scheduleCleanup(_ record: Record) {
        guard let ttl = record.ttlSecondsAfterFinished else { return }
        let (namespace, name, uid) = (record.namespace, record.name, record.uid)
        background.append(Task(executorPreference: ServerExecutor.shared) { [weak self] in
            await Pause.seconds(TimeInterval(ttl))
            guard !Task.isCancelled, let self else { return }
            await self.expire(namespace: namespace, name: name, uid: uid)
        })
    }

    private func expire(namespace: String, name: String, uid: String) async {
        guard let job = store.get(.jobs, namespace: namespace, name: name), job.uid == uid,
            job[path: ["metadata", "deletionTimestamp"]] == nil
        else { return }
        store.delete(.jobs, namespace: namespace, name: name)
        await jobDeleted(namespace: namespace, name: name, uid: uid, policy: .background)
    }

    private func fail(_ record: Record, reason: String, message: String) async {
        updateJob(record) { job in
            job[path: ["status", "ready"]] = 0
            Conditions.set(&job, type: "FailureTarget", status: true, reason: reason, message: message)
        }
        try? await Task.sleep(nanoseconds: conditionGap)
        let failed = record.failed
        updateJob(record) { job in
            Conditions.set(&job, type: "Failed", status: true, reason: reason, message: message)
            job[path: ["status", "failed"]] = .int(failed)
            job[path: ["status", "active"]] = 0
            job[path: ["status", "ready"]] = 0
            job[path: ["status", "terminating"]] = 0
        }
        scheduleCleanup(record)
    }

    /// `activeDeadlineSeconds` passed: FailureTarget, kill and delete the active pods, then Failed.
    private func deadlineReached(uid: String) async {
        guard var record = records[uid], !record.finished else { return }
        record.finished = true
        let message = "Job was active longer than specified deadline"
        let pods = record.active
        record.failed += pods.count
        record.active = []
        records[uid] = record
        updateJob(record) { job in
            job[path: ["status", "ready"]] = 0
            Conditions.set(&job, type: "FailureTarget", status: true, reason: "DeadlineExceeded", message: message)
        }
        for pod in pods.sorted() {
            await deletePod(namespace: record.namespace, name: pod, reason: .deadlineExceeded)
        }
        try? await Task.sleep(nanoseconds: conditionGap)
        let failed = record.failed
        updateJob(record) { job in
            Conditions.set(&job, type: "Failed", status: true, reason: "DeadlineExceeded", message: message)
            job[path: ["status", "failed"]] = .int(failed)
            job[path: ["status", "active"]] = 0
            job[path: ["status", "ready"]] = 0
            job[path: ["status", "terminating"]] = 0
        }
        scheduleCleanup(record)
    }

    // MARK: Deletion and garbage collection

    /// Graceful pod deletion: `deletionTimestamp`, the container killed, then the object removed.
    func deletePod(namespace: String, name: String, reason: StopReason = .deleted) async {
        store.update(.pods, namespace: namespace, name: name) { pod in
            if pod[path: ["metadata", "deletionTimestamp"]] == nil {
                pod[path: ["metadata", "deletionTimestamp"]] = KubeTime.now()
                pod[path: ["metadata", "deletionGracePeriodSeconds"]] = 30
            }
        }
        await kubelet.stop(namespace: namespace, name: name, reason: reason)
        store.delete(.pods, namespace: namespace, name: name)
    }

    /// A Job was deleted (or is being deleted) with `policy`: stop tracking it and treat its pods as the
    /// garbage collector does. With Background and Orphan the Job object is already gone; with Foreground
    /// this removes it after its pods.
    func jobDeleted(namespace: String, name: String, uid: String, policy: PropagationPolicy) async {
        if let record = records.removeValue(forKey: uid) {
            record.deadlineTask?.cancel()
        }
        let owned = store.list(.pods, namespace: namespace).items.filter { Self.ownerUID($0) == uid || $0.labels["batch.kubernetes.io/controller-uid"] == uid }
        switch policy {
        case .orphan:
            for pod in owned {
                store.update(.pods, namespace: namespace, name: pod.name) { pod in
                    let owners = (pod[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter { $0["uid"]?.stringValue != uid }
                    pod[path: ["metadata", "ownerReferences"]] = owners.isEmpty ? nil : .array(owners)
                }
            }
            removeJob(namespace: namespace, name: name, uid: uid)
        case .background:
            await withTaskGroup(of: Void.self) { group in
                for pod in owned { group.addTask { await self.deletePod(namespace: namespace, name: pod.name) } }
            }
        case .foreground:
            await withTaskGroup(of: Void.self) { group in
                for pod in owned { group.addTask { await self.deletePod(namespace: namespace, name: pod.name) } }
            }
            removeJob(namespace: namespace, name: name, uid: uid)
        }
    }

    private func removeJob(namespace: String, name: String, uid: String) {
        guard let job = store.get(.jobs, namespace: namespace, name: name), job.uid == uid else { return }
        store.delete(.jobs, namespace: namespace, name: name)
    }

    /// Runs garbage collection for a deleted Job without making the caller wait.
    nonisolated func collect(namespace: String, name: String, uid: String, policy: PropagationPolicy) {
        Task(executorPreference: ServerExecutor.shared) { await self.jobDeleted(namespace: namespace, name: name, uid: uid, policy: policy) }
    }

}
