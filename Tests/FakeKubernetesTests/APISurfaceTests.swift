import FakeKubernetes
import Foundation
import Testing

@Suite("REST API surface and Status errors")
struct APISurfaceTests {
    @Test func versionAndStatusBodiesFor404And409And422() async throws {
        try await withCluster { cluster in
            let version = try await cluster.get("/version")
            #expect(version.status == 200)
            #expect(string(version.json, "gitVersion") == "v1.33.1")
            #expect(string(version.json, "major") == "1")
            #expect(string(version.json, "minor") == "33")
            #expect(string(version.json, "platform") == "linux/amd64")

            let missing = try await cluster.get("/apis/batch/v1/namespaces/ci/jobs/nope")
            #expect(missing.status == 404)
            #expect(string(missing.json, "kind") == "Status")
            #expect(string(missing.json, "apiVersion") == "v1")
            #expect(string(missing.json, "status") == "Failure")
            #expect(string(missing.json, "reason") == "NotFound")
            #expect(string(missing.json, "message") == "jobs.batch \"nope\" not found")
            #expect(int(missing.json, "code") == 404)
            #expect(string(missing.json, "details", "name") == "nope")
            #expect(string(missing.json, "details", "group") == "batch")
            #expect(string(missing.json, "details", "kind") == "jobs")
            #expect((value(missing.json, "metadata") as? [String: Any])?.isEmpty == true)

            let missingPod = try await cluster.get("/api/v1/namespaces/ci/pods/ghost")
            #expect(string(missingPod.json, "message") == "pods \"ghost\" not found")
            let missingConfigMap = try await cluster.get("/api/v1/namespaces/ci/configmaps/ghost")
            #expect(string(missingConfigMap.json, "message") == "configmaps \"ghost\" not found")

            try await cluster.createJob("twice", script: "true")
            let duplicate = try await cluster.post("/apis/batch/v1/namespaces/ci/jobs", [
                "metadata": ["name": "twice"],
                "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "main", "image": "busybox", "command": ["true"]]]]]],
            ])
            #expect(duplicate.status == 409)
            #expect(string(duplicate.json, "reason") == "AlreadyExists")
            #expect(string(duplicate.json, "message") == "jobs.batch \"twice\" already exists")

            let invalid = try await cluster.post("/apis/batch/v1/namespaces/ci/jobs", [
                "metadata": ["name": "Bad_Name"],
                "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "main", "image": "busybox"]]]]],
            ])
            #expect(invalid.status == 422)
            #expect(string(invalid.json, "reason") == "Invalid")
            #expect((string(invalid.json, "message") ?? "").hasPrefix("Job.batch \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\""))
            #expect(string(invalid.json, "details", "causes", "0", "reason") == "FieldValueInvalid")
            #expect(string(invalid.json, "details", "causes", "0", "field") == "metadata.name")
            #expect(string(invalid.json, "details", "kind") == "Job")

            let tooLong = String(repeating: "a", count: 64)
            let long = try await cluster.post("/apis/batch/v1/namespaces/ci/jobs", [
                "metadata": ["name": tooLong],
                "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "main", "image": "busybox"]]]]],
            ])
            #expect(long.status == 422)
            #expect((string(long.json, "details", "causes", "0", "message") ?? "").contains("must be no more than 63 characters"))

            let noRestartPolicy = try await cluster.post("/apis/batch/v1/namespaces/ci/jobs", [
                "metadata": ["name": "policy"],
                "spec": ["template": ["spec": ["containers": [["name": "main", "image": "busybox"]]]]],
            ])
            #expect(noRestartPolicy.status == 422)
            #expect(string(noRestartPolicy.json, "details", "causes", "0", "field") == "spec.template.spec.restartPolicy")

            let garbage = try await cluster.request(.POST, "/apis/batch/v1/namespaces/ci/jobs", json: ["not", "an", "object"])
            #expect(garbage.status == 400)
            #expect(string(garbage.json, "reason") == "BadRequest")
            let unknown = try await cluster.get("/apis/batch/v1/namespaces/ci/cronjobs")
            #expect(unknown.status == 404)
            #expect(string(unknown.json, "message") == "the server could not find the requested resource")
            let badSelector = try await cluster.get("/api/v1/namespaces/ci/pods?labelSelector=a%20in%20b")
            #expect(badSelector.status == 400)
            let badField = try await cluster.get("/api/v1/namespaces/ci/configmaps?fieldSelector=spec.color%3Dred")
            #expect(badField.status == 400)
            #expect(string(badField.json, "message") == "field label not supported: spec.color")
            #expect(cluster.server.jobsCreated == 1)
        }
    }

    @Test func deleteCollectionWithASelectorAndNonJSONBodiesRejected() async throws {
        try await withCluster { cluster in
            for (name, run) in [("a", "1"), ("b", "1"), ("c", "2")] {
                _ = try await cluster.post("/api/v1/namespaces/ci/configmaps", ["metadata": ["name": name, "labels": ["run": run]]])
            }
            let deleted = try await cluster.delete("/api/v1/namespaces/ci/configmaps?labelSelector=run%3D1")
            #expect(deleted.status == 200)
            #expect(string(deleted.json, "kind") == "ConfigMapList")
            #expect((value(deleted.json, "items") as? [[String: Any]])?.compactMap { string($0, "metadata", "name") } == ["a", "b"])
            #expect(cluster.server.configMaps(namespace: "ci").compactMap { string($0, "metadata", "name") } == ["c"])

            let yaml = try await cluster.request(.POST, "/api/v1/namespaces/ci/configmaps",
                                                 json: ["metadata": ["name": "y"]], headers: [("Content-Type", "text/plain")])
            #expect(yaml.status == 415)
            #expect(string(yaml.json, "reason") == "UnsupportedMediaType")
        }
    }

    @Test func forbiddenRulesGive403AndAccessReviewsAgree() async throws {
        try await withCluster { cluster in
            cluster.faults.forbid(verb: "create", resource: "jobs")
            cluster.faults.forbid(verb: "list", resource: "pods")
            cluster.faults.forbid(verb: "get", resource: "pods/log")

            let create = try await cluster.post("/apis/batch/v1/namespaces/ns/jobs", ["metadata": ["name": "x"]])
            #expect(create.status == 403)
            #expect(string(create.json, "reason") == "Forbidden")
            #expect(string(create.json, "message")
                == "jobs.batch is forbidden: User \"greenlight-test\" cannot create resource \"jobs\" in API group \"batch\" in the namespace \"ns\"")
            #expect(string(create.json, "details", "group") == "batch")
            #expect(string(create.json, "details", "kind") == "jobs")

            let list = try await cluster.get("/api/v1/namespaces/ns/pods")
            #expect(list.status == 403)
            #expect(string(list.json, "message")
                == "pods is forbidden: User \"greenlight-test\" cannot list resource \"pods\" in API group \"\" in the namespace \"ns\"")
            let logs = try await cluster.get("/api/v1/namespaces/ns/pods/p/log")
            #expect(logs.status == 403)
            #expect((string(logs.json, "message") ?? "").contains("cannot get resource \"pods/log\" in API group \"\""))
            #expect(try await cluster.get("/apis/batch/v1/namespaces/ns/jobs").status == 200)

            func review(_ verb: String, _ group: String, _ resource: String, _ subresource: String = "") async throws -> [String: Any] {
                let response = try await cluster.post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", [
                    "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                    "spec": ["resourceAttributes": ["namespace": "ns", "verb": verb, "group": group, "resource": resource,
                                                    "subresource": subresource]],
                ])
                #expect(response.status == 201)
                #expect(string(response.json, "spec", "resourceAttributes", "verb") == verb)
                return response.json
            }
            #expect(value(try await review("create", "batch", "jobs"), "status", "allowed") as? Bool == false)
            #expect(value(try await review("get", "", "pods", "log"), "status", "allowed") as? Bool == false)
            #expect(value(try await review("delete", "batch", "jobs"), "status", "allowed") as? Bool == true)
            #expect(value(try await review("get", "", "pods"), "status", "allowed") as? Bool == true)

            cluster.faults.allow(verb: "create", resource: "jobs")
            #expect(value(try await review("create", "batch", "jobs"), "status", "allowed") as? Bool == true)
        }
    }

    @Test func injectedFailuresHitOnlyMatchingRequestsAndRunOut() async throws {
        try await withCluster { cluster in
            cluster.faults.failNext(2, pathContains: "/configmaps")
            cluster.faults.failNext(1, status: 503)
            let first = try await cluster.get("/api/v1/namespaces/ci/configmaps")
            #expect(first.status == 500)
            #expect(string(first.json, "reason") == "InternalError")
            #expect(string(first.json, "message") == "Internal error occurred: etcdserver: leader changed")
            let other = try await cluster.get("/version")
            #expect(other.status == 503)
            #expect(string(other.json, "reason") == "ServiceUnavailable")
            #expect(try await cluster.get("/api/v1/namespaces/ci/configmaps").status == 500)
            #expect(try await cluster.get("/api/v1/namespaces/ci/configmaps").status == 200)
            #expect(try await cluster.get("/version").status == 200)
            let recorded = cluster.server.requests
            #expect(recorded.count == 5)
            #expect(recorded.first?.path == "/api/v1/namespaces/ci/configmaps")
            #expect(recorded.first?.method == "GET")
        }
    }

    @Test func labelAndFieldSelectorsFilterLists() async throws {
        try await withCluster { cluster in
            for (name, team) in [("alpha", "a"), ("beta", "b"), ("gamma", "c")] {
                let response = try await cluster.post("/api/v1/namespaces/ci/configmaps", [
                    "metadata": ["name": name, "labels": ["team": team, "app": "greenlight"]], "data": ["k": "v"],
                ])
                #expect(response.status == 201)
            }
            _ = try await cluster.post("/api/v1/namespaces/other/configmaps", ["metadata": ["name": "alpha", "labels": ["team": "a"]]])

            func names(_ query: String, namespace: String = "ci") async throws -> [String] {
                let response = try await cluster.get("/api/v1/namespaces/\(namespace)/configmaps?\(query)")
                #expect(response.status == 200)
                #expect(string(response.json, "kind") == "ConfigMapList")
                #expect(string(response.json, "apiVersion") == "v1")
                #expect(Int(string(response.json, "metadata", "resourceVersion") ?? "") != nil)
                return (value(response.json, "items") as? [[String: Any]] ?? []).compactMap { string($0, "metadata", "name") }
            }
            #expect(try await names("labelSelector=team%3Da") == ["alpha"])
            #expect(try await names("labelSelector=team%3D%3Db") == ["beta"])
            #expect(try await names("labelSelector=team!%3Da") == ["beta", "gamma"])
            #expect(try await names("labelSelector=team%20in%20(a,c)") == ["alpha", "gamma"])
            #expect(try await names("labelSelector=app%3Dgreenlight,team%20notin%20(a)") == ["beta", "gamma"])
            #expect(try await names("labelSelector=team,!missing") == ["alpha", "beta", "gamma"])
            #expect(try await names("fieldSelector=metadata.name%3Dbeta") == ["beta"])
            #expect(try await names("fieldSelector=metadata.namespace%3Dci,metadata.name!%3Dbeta") == ["alpha", "gamma"])
            #expect(try await names("limit=2").count == 2)

            let everywhere = try await cluster.get("/api/v1/configmaps?fieldSelector=metadata.name%3Dalpha")
            let namespaces = (value(everywhere.json, "items") as? [[String: Any]] ?? []).compactMap { string($0, "metadata", "namespace") }
            #expect(namespaces == ["ci", "other"])
        }
    }

    @Test func configMapsAreCreatedFetchedDeletedAndLimitedToOneMebibyte() async throws {
        try await withCluster { cluster in
            let created = try await cluster.post("/api/v1/namespaces/ci/configmaps", [
                "metadata": ["name": "settings"], "data": ["a.txt": "hello"], "binaryData": ["b.bin": Data([0, 1, 2]).base64EncodedString()],
            ])
            #expect(created.status == 201)
            #expect(string(created.json, "kind") == "ConfigMap")
            let fetched = try await cluster.get("/api/v1/namespaces/ci/configmaps/settings")
            #expect(string(fetched.json, "data", "a.txt") == "hello")
            #expect(string(fetched.json, "binaryData", "b.bin") == "AAEC")
            #expect(string(fetched.json, "metadata", "uid") == string(created.json, "metadata", "uid"))

            let exact = String(repeating: "x", count: 1_048_576)
            #expect(try await cluster.post("/api/v1/namespaces/ci/configmaps", ["metadata": ["name": "exact"], "data": ["k": exact]]).status == 201)
            let big = try await cluster.post("/api/v1/namespaces/ci/configmaps", [
                "metadata": ["name": "big"], "data": ["k": String(repeating: "x", count: 1_000_000)],
                "binaryData": ["b": Data(count: 60_000).base64EncodedString()],
            ])
            #expect(big.status == 422)
            #expect(string(big.json, "reason") == "Invalid")
            #expect(string(big.json, "message") == "ConfigMap \"big\" is invalid: []: Too long: must have at most 1048576 bytes")
            #expect(string(big.json, "details", "causes", "0", "field") == "[]")

            let badKey = try await cluster.post("/api/v1/namespaces/ci/configmaps", ["metadata": ["name": "keys"], "data": ["no spaces": "x"]])
            #expect(badKey.status == 422)
            #expect(string(badKey.json, "details", "causes", "0", "field") == "data[no spaces]")

            let deleted = try await cluster.delete("/api/v1/namespaces/ci/configmaps/settings")
            #expect(deleted.status == 200)
            #expect(string(deleted.json, "status") == "Success")
            #expect(try await cluster.get("/api/v1/namespaces/ci/configmaps/settings").status == 404)
            #expect(try await cluster.delete("/api/v1/namespaces/ci/configmaps/settings").status == 404)
            #expect(cluster.server.configMaps(namespace: "ci").count == 1)
        }
    }
}
