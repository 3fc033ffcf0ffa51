import Foundation

/// The API server's request pipeline: record, authenticate, injected failures, route, authorize
/// (the forbid rules), then the resource's handler. Any error becomes a `Status` response.
struct APIRouter: Sendable {
    let store: ObjectStore
    let faults: FaultPlan
    let kubelet: Kubelet
    let controller: JobController
    let authenticator: Authenticator
    let log: RequestLog
    let bookmarkInterval: TimeInterval

    static let version: JSONValue = [
        "major": "1", "minor": "33", "gitVersion": "v1.33.1", "gitCommit": "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828",
        "gitTreeState": "clean", "buildDate": "2025-05-15T08:19:08Z", "goVersion": "go1.24.2", "compiler": "gc",
        "platform": "linux/amd64",
    ]

    func handle(_ request: APIRequest, writer: ResponseWriter) async {
        log.record(request)
        guard let user = authenticator.user(for: request) else {
            await writer.respond(error: .unauthorized)
            return
        }
        if let status = faults.takeFailure(path: request.path) {
            await writer.respond(error: .injected(status: status))
            return
        }
        if ["POST", "PUT", "PATCH"].contains(request.method), let contentType = request.header("Content-Type"),
            !Self.isJSON(contentType)
        {
            await writer.respond(error: APIError(
                code: 415, reason: "UnsupportedMediaType",
                message: "the body of the request was in an unknown format - accepted media types include: "
                    + "application/json, application/yaml, application/vnd.kubernetes.protobuf, application/cbor"))
            return
        }
        if request.bodyTooLarge {
            await writer.respond(error: APIError(code: 413, reason: "RequestEntityTooLarge",
                                                 message: "Request entity too large: limit is \(HTTPConnectionHandler.maximumBodySize)"))
            return
        }
        do throws(APIError) {
            try await route(request, user: user, writer: writer)
        } catch {
            await writer.respond(error: error)
        }
    }

    /// This server reads JSON only (kube-apiserver also takes YAML, protobuf and CBOR).
    private static func isJSON(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return media.isEmpty || media == "application/json" || media.hasSuffix("+json")
    }

    private func route(_ request: APIRequest, user: String, writer: ResponseWriter) async throws(APIError) {
        let segments = request.segments
        switch segments.first {
        case "version" where segments.count == 1:
            guard request.method == "GET" else { throw APIError.methodNotAllowed }
            await writer.respond(status: 200, json: Self.version)
        case "healthz", "readyz", "livez":
            await writer.respond(status: 200, contentType: "text/plain; charset=utf-8", body: Array("ok".utf8))
        case "api":
            if segments == ["api"] {
                await writer.respond(status: 200, json: [
                    "kind": "APIVersions", "versions": ["v1"],
                    "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1:6443"]],
                ])
                return
            }
            guard segments.count >= 2, segments[1] == "v1" else { throw APIError.pathNotFound }
            if segments.count == 2 {
                await writer.respond(status: 200, json: Self.resourceList(group: ""))
                return
            }
            try await resource(request, group: "", rest: Array(segments.dropFirst(2)), user: user, writer: writer)
        case "apis":
            if segments == ["apis"] {
                await writer.respond(status: 200, json: [
                    "kind": "APIGroupList", "apiVersion": "v1",
                    "groups": [
                        ["name": "batch", "versions": [["groupVersion": "batch/v1", "version": "v1"]],
                         "preferredVersion": ["groupVersion": "batch/v1", "version": "v1"]],
                        ["name": "authorization.k8s.io",
                         "versions": [["groupVersion": "authorization.k8s.io/v1", "version": "v1"]],
                         "preferredVersion": ["groupVersion": "authorization.k8s.io/v1", "version": "v1"]],
                    ],
                ])
                return
            }
            if segments == ["apis", "authorization.k8s.io", "v1", "selfsubjectaccessreviews"] {
                guard request.method == "POST" else { throw APIError.methodNotAllowed }
                let review = try AccessReviewEndpoint(faults: faults).review(body: request.body, user: user)
                await writer.respond(status: 201, json: review)
                return
            }
            guard segments.count >= 3, segments[1] == "batch", segments[2] == "v1" else { throw APIError.pathNotFound }
            if segments.count == 3 {
                await writer.respond(status: 200, json: Self.resourceList(group: "batch"))
                return
            }
            try await resource(request, group: "batch", rest: Array(segments.dropFirst(3)), user: user, writer: writer)
        default:
            throw APIError.pathNotFound
        }
    }

    private static func resourceList(group: String) -> JSONValue {
        let resources: [JSONValue] = ResourceKind.allCases.filter { $0.group == group }.map { resource in
            ["name": .string(resource.rawValue), "singularName": .string(resource.kind.lowercased()), "namespaced": true,
             "kind": .string(resource.kind), "verbs": ["create", "delete", "get", "list", "watch"]]
        }
        return ["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(group.isEmpty ? "v1" : "\(group)/v1"),
                "resources": .array(resources)]
    }

    /// `[watch/][namespaces/{ns}/]{resource}[/{name}[/{subresource}]]`
    private func resource(_ request: APIRequest, group: String, rest: [String], user: String,
                          writer: ResponseWriter) async throws(APIError)
    {
        var rest = rest
        var watchPath = false
        if rest.first == "watch" {
            watchPath = true
            rest.removeFirst()
        }
        var namespace: String?
        if rest.first == "namespaces" {
            guard rest.count >= 2 else { throw APIError.pathNotFound }
            namespace = rest[1]
            if rest.count == 2 && group.isEmpty && request.method == "GET" {
                await writer.respond(status: 200, json: [
                    "kind": "Namespace", "apiVersion": "v1",
                    "metadata": ["name": .string(rest[1]), "uid": "00000000-0000-0000-0000-000000000001",
                                 "resourceVersion": "1", "creationTimestamp": "2025-01-01T00:00:00Z",
                                 "labels": ["kubernetes.io/metadata.name": .string(rest[1])]],
                    "spec": ["finalizers": ["kubernetes"]], "status": ["phase": "Active"],
                ])
                return
            }
            rest.removeFirst(2)
        }
        guard let first = rest.first, let resource = ResourceKind(rawValue: first), resource.group == group,
            rest.count <= 3
        else { throw APIError.pathNotFound }
        let name = rest.count > 1 ? rest[1] : nil
        let subresource = rest.count > 2 ? rest[2] : nil
        var query = request.query
        let watch = watchPath || ["true", "1"].contains(query["watch"]?.lowercased() ?? "")
        if watch, let name, subresource == nil {
            // Watching one object is watching the collection with a name field selector.
            let existing = query["fieldSelector"].flatMap { $0.isEmpty ? nil : $0 + "," } ?? ""
            query["fieldSelector"] = existing + "metadata.name=\(name)"
        }

        let verb: String
        switch (request.method, name) {
        case ("GET", nil): verb = watch ? "watch" : "list"
        case ("GET", _): verb = watch ? "watch" : "get"
        case ("POST", nil): verb = "create"
        case ("DELETE", nil): verb = "deletecollection"
        case ("DELETE", _): verb = "delete"
        case ("PUT", _): verb = "update"
        case ("PATCH", _): verb = "patch"
        default: throw APIError.methodNotAllowed
        }
        let resourcePath = subresource.map { "\(resource.rawValue)/\($0)" } ?? resource.rawValue
        if faults.isForbidden(verb: verb, resource: resourcePath, namespace: namespace) {
            throw APIError.forbidden(user: user, verb: verb, resource: resource, subresource: subresource, name: name,
                                     namespace: namespace)
        }
        if name != nil || verb == "create" {
            guard namespace != nil else { throw APIError.pathNotFound }
        }

        switch (verb, resource, subresource) {
        case ("watch", _, nil):
            let parameters = try WatchStreamer.parameters(resource: resource, namespace: namespace, query: query)
            await WatchStreamer(store: store, faults: faults, bookmarkInterval: bookmarkInterval)
                .serve(parameters, writer: writer)
        case ("list", _, nil):
            await writer.respond(status: 200, json: try list(resource, namespace: namespace, query: query))
        case ("get", _, nil), ("get", .jobs, "status"), ("get", .pods, "status"):
            guard let object = store.get(resource, namespace: namespace!, name: name!) else {
                throw APIError.notFound(resource, name: name!)
            }
            await writer.respond(status: 200, json: object)
        case ("get", .pods, "log"):
            try await LogStreamer(store: store, kubelet: kubelet)
                .serve(namespace: namespace!, podName: name!, query: query, writer: writer)
        case ("create", .jobs, nil):
            let job = try await JobsEndpoint(store: store, controller: controller).create(namespace: namespace!, body: request.body)
            log.noteJobCreated()
            await writer.respond(status: 201, json: job)
        case ("patch", .jobs, nil):
            let job = try JobsEndpoint(store: store, controller: controller)
                .patch(namespace: namespace!, name: name!, contentType: request.header("Content-Type"), body: request.body)
            await writer.respond(status: 200, json: job)
        case ("create", .configmaps, nil), ("create", .secrets, nil):
            let object = try ConfigMapsEndpoint(store: store).create(resource, namespace: namespace!, body: request.body)
            await writer.respond(status: 201, json: object)
        case ("delete", .jobs, nil):
            let result = try await JobsEndpoint(store: store, controller: controller)
                .delete(namespace: namespace!, name: name!, query: query, body: request.body)
            await writer.respond(status: 200, json: result)
        case ("delete", .configmaps, nil), ("delete", .secrets, nil):
            let result = try ConfigMapsEndpoint(store: store)
                .delete(resource, namespace: namespace!, name: name!, query: query, body: request.body)
            await writer.respond(status: 200, json: result)
        case ("delete", .pods, nil):
            guard let pod = store.get(.pods, namespace: namespace!, name: name!) else {
                throw APIError.notFound(.pods, name: name!)
            }
            let options = try DeleteOptions(query: query, body: request.body)
            try options.checkPreconditions(pod, resource: .pods)
            let marked = store.update(.pods, namespace: namespace!, name: name!) { pod in
                if pod[path: ["metadata", "deletionTimestamp"]] == nil {
                    pod[path: ["metadata", "deletionTimestamp"]] = KubeTime.now()
                    pod[path: ["metadata", "deletionGracePeriodSeconds"]] = 30
                }
            } ?? pod
            let controller = self.controller
            let (podNamespace, podName) = (namespace!, name!)
            Task(executorPreference: ServerExecutor.shared) { await controller.deletePod(namespace: podNamespace, name: podName) }
            await writer.respond(status: 200, json: marked)
        case ("deletecollection", _, nil):
            guard let namespace else { throw APIError.methodNotAllowed }
            await writer.respond(status: 200, json: try await deleteCollection(resource, namespace: namespace, request: request))
        case (_, _, let sub?) where !["log", "status"].contains(sub):
            throw APIError.pathNotFound
        default:
            throw APIError.methodNotAllowed
        }
    }

    /// `DELETE` on a collection (with selectors): deletes each matching object as a single DELETE would
    /// and answers with the list of what was deleted.
    private func deleteCollection(_ resource: ResourceKind, namespace: String, request: APIRequest) async throws(APIError) -> JSONValue {
        let query = request.query
        let labelSelector = try LabelSelector(parsing: query["labelSelector"] ?? "")
        let fieldSelector = try FieldSelector(parsing: query["fieldSelector"] ?? "", resource: resource)
        let options = try DeleteOptions(query: query, body: request.body)
        let matching = store.list(resource, namespace: namespace).items
            .filter { labelSelector.matches($0.labels) && fieldSelector.matches($0) }
        var deleted: [JSONValue] = []
        for object in matching {
            switch resource {
            case .jobs:
                var jobQuery = query
                jobQuery["propagationPolicy"] = (options.propagationPolicy ?? .orphan).rawValue
                _ = try? await JobsEndpoint(store: store, controller: controller)
                    .delete(namespace: namespace, name: object.name, query: jobQuery, body: [])
            case .pods:
                let controller = self.controller
                store.update(.pods, namespace: namespace, name: object.name) { pod in
                    if pod[path: ["metadata", "deletionTimestamp"]] == nil {
                        pod[path: ["metadata", "deletionTimestamp"]] = KubeTime.now()
                        pod[path: ["metadata", "deletionGracePeriodSeconds"]] = 30
                    }
                }
                Task(executorPreference: ServerExecutor.shared) { await controller.deletePod(namespace: namespace, name: object.name) }
            case .configmaps, .secrets:
                store.delete(resource, namespace: namespace, name: object.name)
            }
            var item = object
            item["kind"] = nil
            item["apiVersion"] = nil
            deleted.append(item)
        }
        return ["kind": .string(resource.listKind), "apiVersion": .string(resource.apiVersion),
                "metadata": ["resourceVersion": .string(String(store.currentRevision))], "items": .array(deleted)]
    }

    /// `{"kind":"JobList","apiVersion":"batch/v1","metadata":{"resourceVersion":"N"},"items":[...]}`, with
    /// selectors and `limit`/`continue` paging.
    private func list(_ resource: ResourceKind, namespace: String?, query: [String: String]) throws(APIError) -> JSONValue {
        let labelSelector = try LabelSelector(parsing: query["labelSelector"] ?? "")
        let fieldSelector = try FieldSelector(parsing: query["fieldSelector"] ?? "", resource: resource)
        let (objects, revision) = store.list(resource, namespace: namespace)
        var items = objects.filter { labelSelector.matches($0.labels) && fieldSelector.matches($0) }
        if let token = query["continue"], !token.isEmpty {
            guard let data = Data(base64Encoded: token), let after = String(data: data, encoding: .utf8) else {
                throw APIError.badRequest("continue key is not valid: illegal base64 data")
            }
            items = items.filter { "\($0.namespace)/\($0.name)" > after }
        }
        var metadata: JSONValue = ["resourceVersion": .string(String(revision))]
        if let limit = query["limit"].flatMap(Int.init), limit > 0, items.count > limit {
            let remaining = items.count - limit
            items = Array(items.prefix(limit))
            let last = items[items.count - 1]
            metadata["continue"] = .string(Data("\(last.namespace)/\(last.name)".utf8).base64EncodedString())
            metadata["remainingItemCount"] = .int(remaining)
        }
        let stripped = items.map { item -> JSONValue in
            var item = item
            item["kind"] = nil
            item["apiVersion"] = nil
            return item
        }
        return ["kind": .string(resource.listKind), "apiVersion": .string(resource.apiVersion), "metadata": metadata,
                "items": .array(stripped)]
    }
}
