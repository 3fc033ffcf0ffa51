import FakeKubernetes
import Foundation
@testable import GreenlightCore
import GreenlightTestSupport
import Testing

/// The checkout init container through the whole backend, on the fake API server: what it
/// fails with becomes an `error` that says why, the steps never run, nothing is cached.
@Suite("clean room on Kubernetes: the checkout container", .serialized, .timeLimit(.minutes(5)))
struct KubernetesCheckoutContainerTests {
    @Test func aCheckoutThatCannotFetchIsAnErrorAndNoStepRuns() async throws {
        try await KubernetesFixture.with { fixture in
            // The remote has the base, so the bundle needs it from the clone URL, which does not exist.
            // The gate is the trusted ref's, so the configuration is committed before it is pushed.
            let marker = fixture.repo.scratch.path("step-ran")
            try fixture.writeConfig(extra: ["clone_url: \(fixture.repo.scratch.path("nowhere.git").path)"], step: "touch \(marker.path)")
            try fixture.repo.commitAll("a clone URL that does not exist")
            try fixture.repo.git("push", "-q", "origin", "HEAD:refs/heads/main")
            try fixture.repo.git("fetch", "-q", "origin")
            try fixture.repo.write("change.txt", "a change the base does not have\n")
            try fixture.repo.commitAll("needs the base")
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .error, "\(outcome.summary)")
            #expect(outcome.summary.hasPrefix("the checkout container (greenlight-checkout) could not fetch the commit (exit 98"), "\(outcome.summary)")
            #expect(outcome.summary.hasSuffix("the checkout container said: setup failed: cannot fetch from the clone URL"), "\(outcome.summary)")
            #expect(outcome.steps.allSatisfy { $0.verdict == .skipped }, "\(outcome.steps)")
            #expect(!FileManager.default.fileExists(atPath: marker.path), "the step container must never start")
            let log = try String(contentsOfFile: try #require(outcome.log), encoding: .utf8)
            #expect(log.contains("==> greenlight: log of container greenlight-checkout\ngreenlight: fetching the base from the clone URL\n"), "\(log)")
            #expect(!log.contains("greenlight: step "), "\(log)")
            // An error is recorded for visibility and never reused; the Job is deleted for the next attempt.
            let digest = try #require(result.tiers.first { $0.tier == .cleanRoom }?.digest)
            let found = try VerdictStore(repository: fixture.repo.open()).records(for: result.commit.commit).records
            #expect(VerdictRule().decide(found, commit: result.commit.commit, tier: .cleanRoom, digest: digest).winner == nil)
            for _ in 0..<50 where !fixture.server.jobs(namespace: "ci").isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            #expect(fixture.server.jobs(namespace: "ci").isEmpty)
        }
    }

    @Test func aStepThatExitsWithACheckoutStatusIsAFailOfThatStep() async throws {
        try await KubernetesFixture.with { fixture in
            // 97 and 98 belong to the checkout container; from a step they are the step's own status.
            try fixture.repo.write("test.sh", "#!/bin/sh\necho '--- FAIL: TestNinetySeven (0.00s)'\nexit 97\n", executable: true)
            try fixture.repo.commitAll("a step exits 97")
            let result = try await fixture.check()
            let outcome = try #require(result.cleanRoomOutcome)
            #expect(result.verdict == .fail, "\(outcome.summary)")
            #expect(outcome.summary.contains("step 'test' failed with exit code 97"), "\(outcome.summary)")
            #expect(outcome.failingTests == ["TestNinetySeven"])
        }
    }
}
