import Foundation

/// Turns what the API server says about a Job and its pod into a decision: keep
/// watching, or a verdict. Pure: the same objects and time give the same answer.
///
/// Kubernetes ≥ 1.31 first adds `SuccessCriteriaMet` / `FailureTarget` and only then,
/// once the pods are gone, `Complete` / `Failed`; only the latter are final. Failures of
/// the infrastructure (image pull, unschedulable, eviction, deletion, deadline) are
/// `error`s — the code was never judged — and some are known at once, before the Job ends.
struct JobClassifier {
    enum Decision: Equatable {
        /// Not decided yet; a one-line description of where it is.
        case waiting(String)
        case finished(verdict: Verdict, summary: String, exitCode: Int32?)
    }

    static let pullFailures: Set<String> = ["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError", "CreateContainerError"]

    let scheduleTimeout: TimeInterval

    /// - Parameters:
    ///   - job: the Job, `nil` once it was deleted.
    ///   - pods: the Job's pods.
    ///   - unschedulableSince: when the pod was first seen unschedulable.
    func decide(job: JSONValue?, pods: [JSONValue], now: Date, unschedulableSince: Date?) -> Decision {
        guard let job else {
            return .finished(verdict: .error, summary: "the Job was deleted (by someone else) before it finished", exitCode: nil)
        }
        let pod = pods.max { ($0.at("metadata.creationTimestamp")?.string ?? "") < ($1.at("metadata.creationTimestamp")?.string ?? "") }
        let conditions = job.at("status.conditions")?.array ?? []
        func condition(_ type: String) -> JSONValue? {
            conditions.first { $0["type"]?.string == type && $0["status"]?.string == "True" }
        }
        if condition("Complete") != nil {
            return .finished(verdict: .pass, summary: "", exitCode: 0)
        }
        if let failed = condition("Failed") {
            return decideFailed(failed, pod: pod, job: job)
        }
        // Known before the Job ends: the code will never run.
        if let pod {
            if let waiting = Self.waitingReason(pod), Self.pullFailures.contains(waiting.reason) {
                return .finished(verdict: .error, summary: "the pod cannot start: \(waiting.reason): \(waiting.message)", exitCode: nil)
            }
            if let eviction = Self.eviction(pod) {
                return .finished(verdict: .error, summary: eviction, exitCode: nil)
            }
            if let unschedulable = Self.unschedulable(pod), let since = unschedulableSince,
               now.timeIntervalSince(since) >= scheduleTimeout {
                return .finished(verdict: .error, summary: """
                    the pod could not be scheduled for \(DurationParser.format(scheduleTimeout.rounded())) \
                    (clean_room.kubernetes.schedule_timeout): \(unschedulable)
                    """, exitCode: nil)
            }
        }
        if let target = condition("FailureTarget") {
            return .waiting("failing (\(target["reason"]?.string ?? "FailureTarget")), waiting for the Job to end")
        }
        if condition("SuccessCriteriaMet") != nil { return .waiting("succeeded, waiting for the Job to complete") }
        return .waiting(Self.describe(pod))
    }

    /// How a failed Job whose pods show no container exit status begins its summary.
    static let noExitStatus = "the Job failed without a container exit status"

    private func decideFailed(_ failed: JSONValue, pod: JSONValue?, job: JSONValue) -> Decision {
        let reason = failed["reason"]?.string ?? "Failed"
        let message = failed["message"]?.string ?? ""
        if reason == "DeadlineExceeded" {
            let deadline = job.at("spec.activeDeadlineSeconds")?.int.map { DurationParser.format(TimeInterval($0)) } ?? "its deadline"
            let phase = pod.map(Self.describe) ?? "no pod"
            return .finished(verdict: .error, summary: "the Job ran past \(deadline) (activeDeadlineSeconds; clean_room.timeout) while \(phase)", exitCode: nil)
        }
        if let pod, let eviction = Self.eviction(pod) {
            return .finished(verdict: .error, summary: eviction, exitCode: nil)
        }
        // The checkout container failed: the steps never ran, so the code was never judged.
        if let pod, let failure = Self.failedInitContainer(pod) {
            return .finished(verdict: .error, summary: Self.describeInitFailure(failure), exitCode: failure.exitCode)
        }
        if let pod, let terminated = Self.terminated(pod) {
            let exitCode = Int32(terminated["exitCode"]?.int ?? -1)
            if terminated["reason"]?.string == "OOMKilled" {
                return .finished(verdict: .fail, summary: "the container was OOMKilled (exit \(exitCode)): it used more memory than resources.limits.memory allows", exitCode: exitCode)
            }
            // A pod without the checkout container (a Job made by an older greenlight) checked
            // out in the step container, whose setup exit statuses meant the same.
            if !Self.hasCheckoutContainer(pod) {
                if exitCode == JobScript.checkoutMismatch {
                    return .finished(verdict: .error, summary: "the Job's checkout was not the commit asked for; it refused to run", exitCode: exitCode)
                }
                if exitCode == JobScript.transportFailure {
                    return .finished(verdict: .error, summary: "the Job could not fetch the commit (transport failure; see the log)", exitCode: exitCode)
                }
            }
            if exitCode != 0 {
                return .finished(verdict: .fail, summary: "the clean-room container exited \(exitCode)", exitCode: exitCode)
            }
        }
        if let pod, let waiting = Self.waitingReason(pod), Self.pullFailures.contains(waiting.reason) {
            return .finished(verdict: .error, summary: "the pod cannot start: \(waiting.reason): \(waiting.message)", exitCode: nil)
        }
        return .finished(verdict: .error, summary: "\(Self.noExitStatus) (\(reason)\(message.isEmpty ? "" : ": \(message)"))", exitCode: nil)
    }

    /// The first waiting container's reason: init containers first, as they run first; a
    /// regular container's `PodInitializing` (waiting for them) only when nothing else waits.
    static func waitingReason(_ pod: JSONValue) -> (reason: String, message: String)? {
        var initializing: (reason: String, message: String)?
        for status in (pod.at("status.initContainerStatuses")?.array ?? []) + (pod.at("status.containerStatuses")?.array ?? []) {
            if let waiting = status.at("state.waiting"), let reason = waiting["reason"]?.string {
                if reason == "PodInitializing" {
                    initializing = initializing ?? (reason, waiting["message"]?.string ?? "")
                    continue
                }
                return (reason, waiting["message"]?.string ?? "")
            }
        }
        return initializing
    }

    /// The step container's final state (or the only container's).
    static func terminated(_ pod: JSONValue) -> JSONValue? {
        for status in pod.at("status.containerStatuses")?.array ?? [] where status["name"]?.string == JobManifest.containerName {
            if let terminated = status.at("state.terminated") { return terminated }
        }
        return pod.at("status.containerStatuses")?.array?.first?.at("state.terminated")
    }

    /// An init container that terminated with a non-zero exit code: with `restartPolicy:
    /// Never` the pod has failed and no regular container will start
    /// (https://kubernetes.io/docs/concepts/workloads/pods/init-containers/).
    static func failedInitContainer(_ pod: JSONValue) -> (name: String, exitCode: Int32, reason: String, message: String)? {
        for status in pod.at("status.initContainerStatuses")?.array ?? [] {
            guard let terminated = status.at("state.terminated") else { continue }
            let exitCode = Int32(terminated["exitCode"]?.int ?? -1)
            if exitCode != 0 {
                return (status["name"]?.string ?? "", exitCode, terminated["reason"]?.string ?? "", terminated["message"]?.string ?? "")
            }
        }
        return nil
    }

    /// Whether the pod checks out in greenlight's init container (every Job this version renders does).
    static func hasCheckoutContainer(_ pod: JSONValue) -> Bool {
        let named = { (list: [JSONValue]?) in (list ?? []).contains { $0["name"]?.string == JobManifest.checkoutContainerName } }
        return named(pod.at("spec.initContainers")?.array) || named(pod.at("status.initContainerStatuses")?.array)
    }

    private static func describeInitFailure(_ failure: (name: String, exitCode: Int32, reason: String, message: String)) -> String {
        let container = failure.name == JobManifest.checkoutContainerName
            ? "the checkout container (\(failure.name))" : "the init container \(failure.name)"
        let detail = failure.message.isEmpty ? "" : ": \(failure.message)"
        if failure.name == JobManifest.checkoutContainerName {
            if failure.exitCode == JobScript.checkoutMismatch {
                return "\(container) checked out something other than the commit asked for and refused to run the steps (exit \(failure.exitCode))"
            }
            if failure.exitCode == JobScript.transportFailure {
                return "\(container) could not fetch the commit (exit \(failure.exitCode), transport failure); no step ran"
            }
        }
        if failure.reason == "OOMKilled" {
            return "\(container) was OOMKilled (exit \(failure.exitCode)) before any step ran: it needs more memory than resources.limits.memory allows"
        }
        let reason = failure.reason.isEmpty ? "" : " (\(failure.reason)\(detail))"
        return "\(container) exited \(failure.exitCode)\(reason) before any step ran"
    }

    static func eviction(_ pod: JSONValue) -> String? {
        if pod.at("status.reason")?.string == "Evicted" {
            return "the pod was evicted: \(pod.at("status.message")?.string ?? "no message")"
        }
        let disruption = pod.at("status.conditions")?.array?.first {
            $0["type"]?.string == "DisruptionTarget" && $0["status"]?.string == "True"
        }
        if let disruption {
            let reason = disruption["reason"]?.string ?? "DisruptionTarget"
            let what = switch reason {
            case "TerminationByKubelet", "EvictionByEvictionAPI": "evicted"
            case "PreemptionByScheduler": "preempted"
            default: "disrupted"
            }
            return "the pod was \(what) (\(reason)): \(disruption["message"]?.string ?? pod.at("status.message")?.string ?? "no message")"
        }
        return nil
    }

    /// The scheduler's message while the pod cannot be placed.
    static func unschedulable(_ pod: JSONValue) -> String? {
        let scheduled = pod.at("status.conditions")?.array?.first { $0["type"]?.string == "PodScheduled" }
        guard let scheduled, scheduled["status"]?.string == "False", scheduled["reason"]?.string == "Unschedulable" else { return nil }
        return scheduled["message"]?.string ?? "Unschedulable"
    }

    /// `pod Pending (Unschedulable: …)`, `pod Pending (init container greenlight-checkout running)`,
    /// `pod Running`, `no pod yet`.
    static func describe(_ pod: JSONValue?) -> String {
        guard let pod else { return "no pod yet" }
        let phase = pod.at("status.phase")?.string ?? "Pending"
        if let unschedulable = unschedulable(pod) { return "pod \(phase) (Unschedulable: \(unschedulable))" }
        if let waiting = waitingReason(pod), waiting.reason != "PodInitializing" { return "pod \(phase) (\(waiting.reason))" }
        if let running = (pod.at("status.initContainerStatuses")?.array ?? []).first(where: { $0.at("state.running") != nil }) {
            return "pod \(phase) (init container \(running["name"]?.string ?? "") running)"
        }
        if let waiting = waitingReason(pod) { return "pod \(phase) (\(waiting.reason))" }
        return "pod \(phase)"
    }
}
