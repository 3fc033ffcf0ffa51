import FakeKubernetes
import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// `git push` through the hook with the clean room on a Kubernetes API (the fake server).
@Suite("git push with the Kubernetes clean room", .serialized, .timeLimit(.minutes(5)))
struct KubernetesPushTests {
    @Test func pushOfANeverPushedBranchRunsTheJobOnThatExactCommit() async throws {
        let fixture = try PushFixture(installHook: true)
        var options = FakeKubeAPIServer.Options(workRoot: fixture.scratch.path("kubelet"))
        try FileManager.default.createDirectory(at: options.workRoot, withIntermediateDirectories: true)
        options.tokens = ["t0ken"]
        let server = FakeKubeAPIServer(options: options)
        try await server.start()
        do {
            let kubeconfig = fixture.scratch.path("kubeconfig")
            try """
                current-context: fake
                clusters: [{name: fake, cluster: {server: '\(server.baseURL.absoluteString)'}}]
                users: [{name: u, user: {token: t0ken}}]
                contexts: [{name: fake, context: {cluster: fake, user: u, namespace: ci}}]
                """.write(to: kubeconfig, atomically: true, encoding: .utf8)
            try fixture.work.write(".greenlight.yml", """
                fast:
                  steps: [{name: unit, run: ./test.sh fast}]
                clean_room:
                  backend: kubernetes
                  timeout: 1m
                  steps: [{name: e2e, run: ./test.sh clean}]
                  kubernetes:
                    image: example.test/ci:1
                    kubeconfig: \(kubeconfig.path)
                """)
            try fixture.work.git("checkout", "-q", "-b", "feature")
            let head = try fixture.work.commitAll("kubernetes clean room")
            let push = try fixture.git(["push", "origin", "feature"])
            #expect(push.status == 0, "\(push.stderr)")
            #expect(push.stderr.contains("as Kubernetes Job ci/greenlight-\(head.prefix(12))"))
            let note = try #require(try fixture.remoteNote(head))
            let records = NoteCodec().decode(note).records
            #expect(records.first { $0.tier == .cleanRoom }?.backend == "kubernetes")
            #expect(records.allSatisfy { $0.verdict == .pass })
            // The pod log, streamed into the local log, shows the exact commit was checked out.
            let log = try #require(records.first { $0.tier == .cleanRoom }?.log)
            #expect(try String(contentsOfFile: log, encoding: .utf8).contains("greenlight: checkout HEAD \(head)"))
            #expect(server.jobsCreated == 1)
        } catch {
            try? await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }
}
