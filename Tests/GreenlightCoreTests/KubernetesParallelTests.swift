import FakeKubernetes
import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// `clean_room.parallel` and `clean_room.caches` on the Kubernetes backend, against the fake API
/// server: a Job per step, each watched to its end, fail_fast deleting the others, cancel deleting
/// them all, caches as sub-paths of the claim, and the attestor's Statements counting only together.
@Suite("parallel clean room on Kubernetes", .serialized, .timeLimit(.minutes(5)))
struct KubernetesParallelTests {
    /// `.greenlight.yml` for two parallel steps on the fixture's cluster.
    static func writeConfig(_ fixture: KubernetesFixture, steps: [(String, String)], extra: [String] = [], top: [String] = []) throws {
        var lines = ["clean_room:", "  backend: kubernetes", "  parallel: true", "  timeout: 60s"] + top.map { "  \($0)" } + ["  steps:"]
        lines += steps.map { "    - {name: \($0.0), run: '\($0.1)'}" }
        lines += ["  kubernetes:", "    image: example.test/ci:1", "    kubeconfig: \(fixture.kubeconfig.path)", "    schedule_timeout: 5s"]
        lines += extra.map { "    \($0)" }
        try fixture.repo.write(".greenlight.yml", lines.joined(separator: "\n") + "\n")
    }

    static func createdJobs(_ fixture: KubernetesFixture) -> [String] {
        fixture.server.requests.filter { $0.method == "POST" && $0.path.hasSuffix("/jobs") }.count == 0 ? [] :
            fixture.server.jobs(namespace: "ci").compactMap { ($0["metadata"] as? [String: Any])?["name"] as? String }.sorted()
    }

    @Test func eachStepIsAJobOfItsOwnWithTheCachesOnTheClaim() async throws {
        try await KubernetesFixture.with { fixture in
            try fixture.repo.write("count.sh", """
                #!/bin/sh
                n=$(cat "$COUNTS/$1" 2>/dev/null || echo 0)
                mkdir -p "$COUNTS" && echo $((n + 1)) > "$COUNTS/$1"
                echo "$1 ran before: $n"
                """, executable: true)
            try Self.writeConfig(fixture, steps: [("unit", "./count.sh unit"), ("e2e.Kind", "./count.sh e2e")],
                                 extra: ["cache_pvc: ci-cache"], top: ["caches:", "  tally: {env: {COUNTS: counts}}"])
            let head = try fixture.repo.commitAll("parallel")
            let commit = try fixture.repo.open().resolve(head)
            let digest = try fixture.gate().config.cleanRoom.digest()
            let result = try await fixture.check()
            #expect(result.verdict == .pass, "\(result.cleanRoomOutcome?.summary ?? "")")
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(outcome.steps.map(\.name) == ["unit", "e2e.Kind"] && outcome.steps.allSatisfy { $0.verdict == .pass })
            #expect(outcome.caches == ["tally"])
            let expected = [JobName.make(commit: commit.commit, digest: digest, step: "unit"),
                            JobName.make(commit: commit.commit, digest: digest, step: "e2e.Kind")]
            #expect(Set(Self.createdJobs(fixture)) == Set(expected), "\(Self.createdJobs(fixture))")
            // Each Job runs one step, with the cache's sub-path of the claim and its variable pointing there.
            for job in fixture.server.jobs(namespace: "ci") {
                let data = try JSONSerialization.data(withJSONObject: job)
                let value = try JSONValue.parse(data)
                let container = try #require(value.at("spec.template.spec")?["containers"]?.array?.first)
                let env = Dictionary(uniqueKeysWithValues: (container["env"]?.array ?? []).compactMap { item in
                    item["name"]?.string.map { ($0, item["value"]?.string ?? "") } })
                #expect(env["GREENLIGHT_STEP_COUNT"] == "1")
                #expect(env["COUNTS"] == "/cache/tally/counts")
                let mounts = container["volumeMounts"]?.array ?? []
                #expect(mounts.contains(["name": "cache", "mountPath": "/cache/tally", "subPath": "tally"]), "\(mounts)")
                #expect(value.at("metadata")?["annotations"]?["greenlight.dev/step"]?.string == env["GREENLIGHT_STEP_0_NAME"])
            }
            let note = try #require(try fixture.repo.note(head))
            #expect(note.contains(#""caches":["tally"]"#), "\(note)")
            let logs = fixture.repo.url.appendingPathComponent(".git/greenlight/logs")
            let unitLog = try String(contentsOf: logs.appendingPathComponent("\(commit.commit.hex)-\(digest.prefix(12)).unit.log"), encoding: .utf8)
            #expect(unitLog.contains("unit ran before: 0\n"), "\(unitLog)")

            // The claim outlives the pods: the next commit's Jobs find what these left.
            try fixture.repo.write("more.txt", "more\n")
            let next = try fixture.repo.commitAll("again")
            let again = try await fixture.check()
            #expect(again.verdict == .pass)
            let nextCommit = try fixture.repo.open().resolve(next)
            let nextLog = try String(contentsOf: logs.appendingPathComponent("\(nextCommit.commit.hex)-\(digest.prefix(12)).e2e.Kind.log"), encoding: .utf8)
            #expect(nextLog.contains("e2e ran before: 1\n"), "\(nextLog)")
        }
    }

    @Test func theFirstFailureDeletesTheOtherJobsAndEveryStepIsReported() async throws {
        try await KubernetesFixture.with { fixture in
            try Self.writeConfig(fixture, steps: [("breaks", "sleep 1; echo broken; exit 3"), ("slow", "sleep 50")])
            let head = try fixture.repo.commitAll("breaks")
            let commit = try fixture.repo.open().resolve(head)
            let digest = try fixture.gate().config.cleanRoom.digest()
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .fail, "\(outcome.summary)")
            #expect(outcome.steps.map(\.name) == ["breaks", "slow"])
            #expect(outcome.steps.map(\.verdict) == [.fail, .skipped], "\(outcome.steps.map(\.problem))")
            #expect(outcome.steps[1].problem == "stopped: another step failed first (fail_fast)")
            #expect(outcome.summary.hasPrefix("step 'breaks' "), "\(outcome.summary)")
            let slow = JobName.make(commit: commit.commit, digest: digest, step: "slow")
            #expect(fixture.server.requests.contains { $0.method == "DELETE" && $0.path.hasSuffix("/jobs/\(slow)") })
        }
    }

    @Test func cancelDeletesEveryStepsJob() async throws {
        try await KubernetesFixture.with { fixture in
            try Self.writeConfig(fixture, steps: [("one", "sleep 30"), ("two", "sleep 30")])
            let head = try fixture.repo.commitAll("long")
            let processes = ProcessGroupSet()
            let gate = try fixture.gate(processes: processes)
            let server = fixture.server
            Task {
                for _ in 0..<100 where server.pods(namespace: "ci").count < 2 { try await Task.sleep(for: .milliseconds(100)) }
                processes.stopAll()
            }
            _ = try? await gate.check(tiers: .cleanRoom)
            let commit = try fixture.repo.open().resolve(head)
            let digest = try fixture.gate().config.cleanRoom.digest()
            let canceller = JobCanceller(context: try fixture.gate().context.tiers, definition: try fixture.gate().config.cleanRoom)
            let names = ["one", "two"].map { JobName.make(commit: commit.commit, digest: digest, step: $0) }.sorted()
            #expect(try await canceller.cancel(commit) == .deleted(names: names, namespace: "ci"))
            #expect(fixture.server.jobs(namespace: "ci").isEmpty)
            #expect(try await canceller.cancel(commit) == .notFound(name: JobName.make(commit: commit.commit, digest: digest), namespace: "ci"))
        }
    }

    /// The attestor signs each step's Job; `verify --require cluster` accepts the commit only with a
    /// passing Statement for every step, and one step's Statement alone vouches for nothing.
    @Test func stepStatementsCountOnlyTogether() async throws {
        try await KubernetesFixture.with { fixture in
            try Self.writeConfig(fixture, steps: [("a", "./test.sh"), ("b", "./test.sh")],
                                 extra: ["attestation: required", "attestation_timeout: 30s"])
            // The gate is trusted from the commit before the one verified (a commit cannot vouch for its own gate).
            try fixture.repo.commitAll("the parallel gate")
            try fixture.repo.write("change.txt", "a change\n")
            let head = try fixture.repo.commitAll("attested")
            let result = try await AttestorTests.checkWhileTheAttestorRuns(fixture)
            #expect(result.verdict == .pass, "\(result.warnings)")
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            let note = try #require(try fixture.repo.note(head))
            let envelopes = note.split(separator: "\n").filter { $0.contains(#""payloadType""#) && !$0.contains("\"signatures\":[]") }
            let verified = try await AttestorTests.verify(fixture, head)
            #expect(verified.isVerified, "\(verified.text())")
            #expect(verified.text().contains("  clean-room: pass (kubernetes, ") && verified.text().contains("signed by cluster"), "\(verified.text())")

            // The same note with one step's Statement only: no cluster verdict, and verify says why.
            let cluster = envelopes.filter { line in
                (try? JSONDecoder().decode(DSSEEnvelope.self, from: Data(line.utf8)))
                    .flatMap { $0.payloadBytes }.flatMap(StatementClaims.init(payload:))?.recordSHA256 == nil
            }
            #expect(cluster.count == 2, "\(note)")
            let others = note.split(separator: "\n").filter { !cluster.contains($0) }
            let halfNote = fixture.repo.scratch.path("half-note")
            try ((others + cluster.prefix(1)).joined(separator: "\n") + "\n").write(to: halfNote, atomically: true, encoding: .utf8)
            _ = try fixture.repo.git("notes", "--ref", "greenlight", "add", "-f", "-F", halfNote.path, head)
            let half = try await AttestorTests.verify(fixture, head)
            #expect(!half.isVerified, "\(half.text())")
            #expect(half.text().contains("cover steps a of a parallel clean room, not b: they vouch for no verdict until every step has one")
                        || half.text().contains("cover steps b of a parallel clean room, not a: they vouch for no verdict until every step has one"),
                    "\(half.text())")
        }
    }

    @Test(arguments: ["unit", "Unit", "a.b", "a_b", "-weird--Name_", "___", String(repeating: "long-step-name", count: 4),
                      "e2e.kind.with.many.dots.in.it.and.more.dots"])
    func stepJobNamesAreLabelsThatKeepStepsApart(_ step: String) throws {
        let commit = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        let digest = String(repeating: "c", count: 64)
        let name = JobName.make(commit: commit, digest: digest, step: step)
        #expect(DNSLabel.isValid(name), "\(name)")
        #expect(name.hasPrefix(JobName.make(commit: commit, digest: digest) + "-"))
        let others = ["unit", "Unit", "a.b", "a_b", "-weird--Name_", "___"].filter { $0 != step }
        #expect(others.allSatisfy { JobName.make(commit: commit, digest: digest, step: $0) != name })
    }
}
