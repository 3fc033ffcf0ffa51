import FakeKubernetes
import Foundation
@testable import GreenlightCore
import GreenlightTestSupport
import Testing

/// The clean room as a Job on a Kubernetes API that speaks the real protocol (the fake
/// server), with a Job controller and kubelet that run the container as a local process.
@Suite("clean room on Kubernetes", .serialized, .timeLimit(.minutes(5)))
struct KubernetesBackendTests {
    @Test func passingCommitGetsAPassNoteAfterTheJobCompletes() async throws {
        try await KubernetesFixture.with { fixture in
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .pass, "\(outcome.summary)")
            #expect(outcome.backend == "kubernetes")
            #expect(outcome.steps.map(\.verdict) == [.pass])
            let log = try String(contentsOfFile: try #require(outcome.log), encoding: .utf8)
            let head = try fixture.repo.git("rev-parse", "HEAD")
            // The Job ran exactly this commit, though the branch was never pushed.
            #expect(log.contains("greenlight: checkout HEAD \(head) tree \(try fixture.repo.git("rev-parse", "HEAD^{tree}"))"))
            #expect(log.contains("tests ok"))
            #expect(try fixture.remoteHasNoBranches())
            let records = NoteCodec().decode(try #require(try fixture.repo.note())).records
            #expect(records.map(\.verdict) == [.pass])
            #expect(records.first?.backend == "kubernetes")
            let job = try #require(fixture.server.jobs(namespace: "ci").first)
            #expect((job["metadata"] as? [String: Any])?["name"] as? String == JobName.make(commit: ObjectID(hex: head)!, digest: result.tiers.first { $0.tier == .cleanRoom }!.digest))
            // The bundle's ConfigMap is cleaned up.
            #expect(fixture.server.configMaps(namespace: "ci").isEmpty)
        }
    }

    @Test func failingCommitGetsAFailWithTheTestNamesFromThePodLog() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.repo.write("test.sh", "#!/bin/sh\necho '=== RUN   TestPVC'\necho '--- FAIL: TestPVCBinds (0.01s)'\nexit 1\n", executable: true)
            try fixture.repo.commitAll("break it")
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .fail, "\(outcome.summary)")
            #expect(outcome.failingTests == ["TestPVCBinds"])
            #expect(outcome.summary.contains("step 'test' failed with exit code 1"))
            let report = CheckReport().render(result)
            #expect(report.contains("- TestPVCBinds"))
            #expect(NoteCodec().decode(try #require(try fixture.repo.note())).records.first?.verdict == .fail)
        }
    }

    @Test func refTransportPushesAndRemovesTheCommitRef() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(extra: ["transport: ref"])
            try fixture.repo.commitAll("ref transport")
            let result = try await fixture.check()
            #expect(result.verdict == .pass, "\(result.cleanRoomOutcome?.summary ?? "")")
            let refs = try Command.check(["git", "for-each-ref", "refs/greenlight/"], in: fixture.remote)
            #expect(refs.isEmpty, "refs/greenlight left on the remote: \(refs)")
        }
    }

    @Test(arguments: [
        ("image", "ErrImagePull"),
        ("unschedulable", "could not be scheduled"),
        ("deadline", "ran past"),
        ("evicted", "evicted"),
        ("deleted", "deleted"),
    ])
    func infrastructureFailuresAreErrorsWithinSecondsAndNotCached(fault: String, expected: String) async throws {
        try await KubernetesFixture.with { fixture in
            switch fault {
            case "image": try fixture.writeConfig(image: "registry.example/does-not-exist:1")
            case "unschedulable": fixture.server.faults.unschedulable = true
            case "deadline": try fixture.writeConfig(timeout: "2s", step: "sleep 30")
            case "evicted":
                try fixture.writeConfig(step: "sleep 30")
                fixture.server.faults.evictAfter = 1
            default:
                try fixture.writeConfig(step: "sleep 30")
            }
            try fixture.repo.commitAll("fault \(fault)")
            if fault == "deleted" {
                Task {
                    for _ in 0..<100 {
                        try await Task.sleep(for: .milliseconds(100))
                        if let job = fixture.server.jobs(namespace: "ci").first, let name = (job["metadata"] as? [String: Any])?["name"] as? String,
                           !fixture.server.pods(namespace: "ci").isEmpty {
                            try await Task.sleep(for: .milliseconds(500))
                            fixture.server.deleteJobAsSomeoneElse(name: name, namespace: "ci")
                            return
                        }
                    }
                }
            }
            let started = Date()
            let result = try await fixture.check()
            let elapsed = Date().timeIntervalSince(started)
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .error, "\(outcome.summary)")
            #expect(outcome.summary.contains(expected), "\(outcome.summary)")
            #expect(elapsed < 25, "took \(elapsed)s: the error must come from the signal, not the end of a timeout")
            // Recorded for visibility, never reused.
            let records = NoteCodec().decode(try #require(try fixture.repo.note())).records
            #expect(records.map(\.verdict) == [.error])
            let found = try VerdictStore(repository: fixture.repo.open()).records(for: result.commit.commit).records
            #expect(VerdictRule().decide(found, commit: result.commit.commit, tier: .cleanRoom,
                                         digest: result.tiers.first { $0.tier == .cleanRoom }!.digest).winner == nil)
        }
    }

    @Test func oomKilledIsAFailThatSaysSo() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(step: "sleep 30")
            try fixture.repo.commitAll("oom")
            fixture.server.faults.oomKill = true
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .fail, "\(outcome.summary)")
            #expect(outcome.summary.contains("OOMKilled"))
        }
    }

    @Test func droppedWatchesAndExpiredVersionsDoNotLoseTheOutcome() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(step: "sleep 2; echo done")
            try fixture.repo.commitAll("slow")
            fixture.server.faults.dropWatchesAfter(events: 1)
            fixture.server.faults.expireNextWatch(asHTTPStatus: false)
            let result = try await fixture.check()
            #expect(result.verdict == .pass, "\(result.cleanRoomOutcome?.summary ?? "")")
            let watches = fixture.server.requests.filter { $0.query.contains("watch=true") }
            #expect(watches.count >= 3, "expected reconnections, saw \(watches.count) watch requests")
        }
    }

    @Test func twoConcurrentChecksOfOneCommitCreateOneJob() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(step: "sleep 2; echo done")
            try fixture.repo.commitAll("concurrent")
            async let first = fixture.check()
            async let second = fixture.check()
            let results = try await [first, second]
            #expect(results.map(\.verdict) == [.pass, .pass], "\(results.map { $0.cleanRoomOutcome?.summary ?? "" })")
            #expect(fixture.server.jobsCreated == 1)
        }
    }

    @Test func interruptDetachesAndARerunAttachesToTheSameJob() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(step: "sleep 3; echo finished")
            try fixture.repo.commitAll("detach")
            await #expect(throws: GateError.self) { try await fixture.checkAndDetachOnceThePodExists() }
            #expect(try fixture.repo.note() == nil)
            #expect(fixture.server.jobs(namespace: "ci").count == 1, "the Job keeps running after Ctrl-C")
            let again = try await fixture.check()
            #expect(again.verdict == .pass, "\(again.cleanRoomOutcome?.summary ?? "")")
            #expect(fixture.server.jobsCreated == 1)
        }
    }

    @Test func forbiddenJobCreationNamesTheMissingPermission() async throws {
        try await KubernetesFixture.with { fixture in
            fixture.server.faults.forbid(verb: "create", resource: "jobs")
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .error)
            #expect(outcome.summary.contains("not allowed to create jobs.batch"), "\(outcome.summary)")
            #expect(outcome.summary.contains(#"{apiGroups: ["batch"], resources: ["jobs"], verbs: ["create"]}"#))
            #expect(outcome.summary.contains("namespace \"ci\""))
        }
    }

    @Test func serverErrorsAreRetried() async throws {
        try await KubernetesFixture.with { fixture in
            fixture.server.faults.failNext(2, status: 500, pathContains: "/jobs")
            let result = try await fixture.check()
            #expect(result.verdict == .pass, "\(result.cleanRoomOutcome?.summary ?? "")")
        }
    }

    @Test func errorOutcomeJobGetsANewAttempt() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(timeout: "2s", step: "sleep 30")
            try fixture.repo.commitAll("first attempt times out")
            let first = try await fixture.check()
            #expect(first.verdict == .error)
            fixture.server.faults.unschedulable = false
            let second = try await fixture.check()
            #expect(second.verdict == .error)
            #expect(fixture.server.jobsCreated == 2)
        }
    }

    @Test func clientCertificateAuthenticatesOverHTTPS() async throws {
        try await KubernetesFixture.with(tls: true, token: false, clientCertificate: true) { fixture in
            let result = try await fixture.check()
            #expect(result.verdict == .pass, "\(result.cleanRoomOutcome?.summary ?? "")")
            #expect(fixture.server.requests.allSatisfy { $0.header("Authorization") == nil })
        }
    }

    @Test func wrongTokenIsA401ThatSaysWhichCredentials() async throws {
        try await KubernetesFixture.with(userToken: "wrong") { fixture in
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .error)
            #expect(outcome.summary.contains("rejected greenlight's credentials (401 Unauthorized)"), "\(outcome.summary)")
            #expect(outcome.summary.contains(fixture.kubeconfig.path))
        }
    }

    @Test func cancelDeletesTheJobAndItsPods() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.writeConfig(step: "sleep 30")
            try fixture.repo.commitAll("long")
            _ = try? await fixture.checkAndDetachOnceThePodExists()
            let commit = try fixture.repo.open().resolve("HEAD")
            let canceller = JobCanceller(context: try fixture.gate().context.tiers, definition: try fixture.gate().config.cleanRoom)
            let name = JobName.make(commit: commit.commit, digest: try fixture.gate().config.cleanRoom.digest())
            #expect(try await canceller.cancel(commit) == .deleted(names: [name], namespace: "ci"))
            #expect(fixture.server.jobs(namespace: "ci").isEmpty)
            let delete = fixture.server.requests.last { $0.method == "DELETE" && $0.path.hasSuffix("/jobs/\(name)") }
            #expect(delete?.query.contains("propagationPolicy=Background") == true)
            for _ in 0..<50 where !fixture.server.pods(namespace: "ci").isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            #expect(fixture.server.pods(namespace: "ci").isEmpty)
            #expect(try await canceller.cancel(commit) == .notFound(name: name, namespace: "ci"))
        }
    }

    @Test func httpsWithATokenAndDoctor() async throws {
        try await KubernetesFixture.with(tls: true) { fixture in
            let result = try await fixture.check()
            #expect(result.verdict == .pass, "\(result.cleanRoomOutcome?.summary ?? "")")
            let doctor = await ClusterDoctor(context: try fixture.gate().context.tiers, settings: try #require(fixture.gate().config.cleanRoom.backend.kubernetes)).run()
            #expect(doctor.allSatisfy { $0.ok }, "\(doctor.map { "\($0.name): \($0.detail)" })")
            fixture.server.faults.forbid(verb: "delete", resource: "jobs")
            let denied = await ClusterDoctor(context: try fixture.gate().context.tiers, settings: try #require(fixture.gate().config.cleanRoom.backend.kubernetes)).run()
            #expect(denied.contains { !$0.ok && $0.detail.contains(#"verbs: ["delete"]"#) })
            #expect(doctor.contains { $0.name == "attestor key out of reach" && $0.detail == "these credentials can read nothing of namespace greenlight-attestor" })

            // Credentials that reach into the attestor's namespace could sign as the cluster: a failed check.
            fixture.server.faults.allow(namespace: "greenlight-attestor")
            fixture.server.faults.forbid(verb: "create", resource: "pods/exec")
            let exposed = await ClusterDoctor(context: try fixture.gate().context.tiers, settings: try #require(fixture.gate().config.cleanRoom.backend.kubernetes)).run()
            let check = try #require(exposed.first { $0.name == "attestor key out of reach" })
            #expect(!check.ok)
            #expect(check.detail == "these credentials may get secrets, list secrets, watch secrets, create pods, patch deployments in namespace greenlight-attestor, "
                + "where the attestor's signing key is: whoever holds them can sign as the cluster; bind the workspace's Role in the gate namespace only (deploy/)",
                    "\(check.detail)")
        }
    }
}

extension KubernetesFixture {
    func remoteHasNoBranches() throws -> Bool {
        try Command.check(["git", "for-each-ref", "refs/heads/"], in: remote).isEmpty
    }
}
