import Foundation

/// `POST` and `DELETE` on `/apis/batch/v1/namespaces/{ns}/jobs[/{name}]`: validation and defaulting as
/// the API server does them, then the Job controller and garbage collector take over.
struct JobsEndpoint: Sendable {
    let store: ObjectStore
    let controller: JobController

    func create(namespace: String, body: [UInt8]) async throws(APIError) -> JSONValue {
        var job: JSONValue
        do {
            job = try JSONCodec.parse(body)
        } catch {
            throw APIError.badRequest("Job in version \"v1\" cannot be handled as a Job: \(error)")
        }
        try NameValidation.prepareMetadata(&job, namespace: namespace, resource: .jobs)
        let name = job.name
        let causes = NameValidation.nameCauses(name, maximumLength: 63) + Self.specCauses(job)
        guard causes.isEmpty else { throw APIError.invalid(.jobs, name: name, causes: causes) }

        let uid = UUID().uuidString.lowercased()
        let jobLabels: [String: String] = [
            "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": name,
            "controller-uid": uid, "job-name": name,
        ]
        func merged(_ existing: JSONValue?) -> JSONValue {
            var labels = existing?.objectValue ?? [:]
            for (key, value) in jobLabels { labels[key] = .string(value) }
            return .object(labels)
        }
        job[path: ["metadata", "uid"]] = .string(uid)
        job[path: ["metadata", "generation"]] = 1
        job[path: ["metadata", "labels"]] = merged(job[path: ["metadata", "labels"]])
        var annotations = job[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        annotations["batch.kubernetes.io/job-tracking"] = ""
        job[path: ["metadata", "annotations"]] = .object(annotations)
        job[path: ["spec", "template", "metadata", "labels"]] = merged(job[path: ["spec", "template", "metadata", "labels"]])
        job[path: ["spec", "selector"]] = ["matchLabels": ["batch.kubernetes.io/controller-uid": .string(uid)]]
        let defaults: [String: JSONValue] = [
            "parallelism": 1, "completions": 1, "backoffLimit": 6, "completionMode": "NonIndexed", "suspend": false,
            "podReplacementPolicy": "TerminatingOrFailed",
        ]
        for (key, value) in defaults where job[path: ["spec", key]] == nil { job[path: ["spec", key]] = value }
        job["status"] = .object([:])

        let created = try store.create(.jobs, namespace: namespace, object: job)
        await controller.jobCreated(created)
        return created
    }

    private static func specCauses(_ job: JSONValue) -> [APIError.Cause] {
        var causes: [APIError.Cause] = []
        let podSpec = job[path: ["spec", "template", "spec"]]
        let containers = podSpec?["containers"]?.arrayValue ?? []
        if containers.isEmpty {
            causes.append(.init(reason: "FieldValueRequired", field: "spec.template.spec.containers", message: "Required value"))
        }
        for (index, container) in containers.enumerated() {
            if (container["name"]?.stringValue ?? "").isEmpty {
                causes.append(.init(reason: "FieldValueRequired", field: "spec.template.spec.containers[\(index)].name",
                                    message: "Required value"))
            }
            if (container["image"]?.stringValue ?? "").isEmpty {
                causes.append(.init(reason: "FieldValueRequired", field: "spec.template.spec.containers[\(index)].image",
                                    message: "Required value"))
            }
        }
        for (index, volume) in (podSpec?["volumes"]?.arrayValue ?? []).enumerated() {
            let name = volume["name"]?.stringValue ?? ""
            if name.isEmpty || name.utf8.count > 63 || name.contains(".") || !NameValidation.isSubdomain(name) {
                causes.append(.init(reason: "FieldValueInvalid", field: "spec.template.spec.volumes[\(index)].name",
                                    message: "Invalid value: \"\(name)\": a lowercase RFC 1123 label must consist of lower case "
                                        + "alphanumeric characters or '-', and must start and end with an alphanumeric character"))
            }
        }
        let restartPolicy = podSpec?["restartPolicy"]?.stringValue
        switch restartPolicy {
        case nil, "":
            causes.append(.init(reason: "FieldValueRequired", field: "spec.template.spec.restartPolicy",
                                message: "Required value: valid values: \"OnFailure\", \"Never\""))
        case "OnFailure", "Never":
            break
        case let other?:
            causes.append(.init(reason: "FieldValueNotSupported", field: "spec.template.spec.restartPolicy",
                                message: "Unsupported value: \"\(other)\": supported values: \"OnFailure\", \"Never\""))
        }
        if job[path: ["spec", "podFailurePolicy"]] != nil, let restartPolicy, restartPolicy != "Never" {
            causes.append(.init(reason: "FieldValueInvalid", field: "spec.template.spec.restartPolicy",
                                message: "Invalid value: \"\(restartPolicy)\": only \"Never\" is supported when podFailurePolicy is specified"))
        }
        if let deadline = job[path: ["spec", "activeDeadlineSeconds"]] {
            if let seconds = deadline.intValue, seconds < 1 {
                causes.append(.init(reason: "FieldValueInvalid", field: "spec.activeDeadlineSeconds",
                                    message: "Invalid value: \(seconds): must be greater than zero"))
            }
        }
        if let backoff = job[path: ["spec", "backoffLimit"]]?.intValue, backoff < 0 {
            causes.append(.init(reason: "FieldValueInvalid", field: "spec.backoffLimit",
                                message: "Invalid value: \(backoff): must be greater than or equal to 0"))
        }
        return causes
    }

    /// Deletes a Job. The default propagation for batch/v1 Jobs is Orphan (their pods stay).
    func delete(namespace: String, name: String, query: [String: String], body: [UInt8]) async throws(APIError) -> JSONValue {
        guard let job = store.get(.jobs, namespace: namespace, name: name) else {
            throw APIError.notFound(.jobs, name: name)
        }
        let options = try DeleteOptions(query: query, body: body)
        try options.checkPreconditions(job, resource: .jobs)
        if job[path: ["metadata", "deletionTimestamp"]] != nil { return job }
        let policy = options.propagationPolicy ?? .orphan
        switch policy {
        case .background:
            store.delete(.jobs, namespace: namespace, name: name)
            controller.collect(namespace: namespace, name: name, uid: job.uid, policy: .background)
            return DeleteOptions.success(name: name, resource: .jobs, uid: job.uid)
        case .foreground, .orphan:
            let finalizer = policy == .foreground ? "foregroundDeletion" : "orphan"
            let marked = store.update(.jobs, namespace: namespace, name: name) { job in
                job[path: ["metadata", "deletionTimestamp"]] = KubeTime.now()
                job[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
                var finalizers = job[path: ["metadata", "finalizers"]]?.arrayValue ?? []
                finalizers.append(.string(finalizer))
                job[path: ["metadata", "finalizers"]] = .array(finalizers)
            } ?? job
            controller.collect(namespace: namespace, name: name, uid: job.uid, policy: policy)
            return marked
        }
    }
}

extension JobsEndpoint {
    /// `PATCH` of a Job with a JSON merge patch (RFC 7386, `application/merge-patch+json`), as the API
    /// server applies one: a `metadata.resourceVersion` in the patch is a precondition (409 when the Job
    /// moved on). Only labels and annotations may change here; the rest of a Job this server runs is
    /// left alone (422), as the API server refuses changes to an immutable pod template.
    func patch(namespace: String, name: String, contentType: String?, body: [UInt8]) throws(APIError) -> JSONValue {
        let media = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard media == "application/merge-patch+json" else {
            throw APIError(code: 415, reason: "UnsupportedMediaType",
                           message: "the body of the request was in an unknown format - accepted media types include: application/merge-patch+json (this server)")
        }
        let patch: JSONValue
        do { patch = try JSONCodec.parse(body) } catch {
            throw APIError.badRequest("error decoding patch: \(error)")
        }
        guard let fields = patch.objectValue else { throw APIError.badRequest("a merge patch must be a JSON object") }
        guard let job = store.get(.jobs, namespace: namespace, name: name) else { throw APIError.notFound(.jobs, name: name) }
        let metadata = fields["metadata"]?.objectValue ?? [:]
        if let changed = fields.keys.first(where: { $0 != "metadata" }) ?? metadata.keys.first(where: { !["labels", "annotations", "resourceVersion"].contains($0) }) {
            throw APIError.invalid(.jobs, name: name, causes: [.init(reason: "FieldValueForbidden", field: changed, message: "this server patches only labels and annotations")])
        }
        if let wanted = metadata["resourceVersion"], wanted != job[path: ["metadata", "resourceVersion"]] {
            throw APIError.conflict(.jobs, name: name, message: "the object has been modified; please apply your changes to the latest version and try again")
        }
        var conflict = false
        let updated = store.update(.jobs, namespace: namespace, name: name) { stored in
            if let wanted = metadata["resourceVersion"], wanted != stored[path: ["metadata", "resourceVersion"]] { conflict = true; return }
            for key in ["labels", "annotations"] {
                guard let change = metadata[key] else { continue }
                stored[path: ["metadata", key]] = Self.mergePatch(stored[path: ["metadata", key]] ?? .object([:]), change)
            }
        }
        if conflict { throw APIError.conflict(.jobs, name: name, message: "the object has been modified; please apply your changes to the latest version and try again") }
        guard let updated else { throw APIError.notFound(.jobs, name: name) }
        return updated
    }

    /// RFC 7386 §2: objects merge key by key, `null` removes a key, anything else replaces.
    static func mergePatch(_ target: JSONValue, _ patch: JSONValue) -> JSONValue {
        guard let changes = patch.objectValue else { return patch }
        var result = target.objectValue ?? [:]
        for (key, value) in changes {
            if value == .null { result[key] = nil } else { result[key] = mergePatch(result[key] ?? .null, value) }
        }
        return .object(result)
    }
}
