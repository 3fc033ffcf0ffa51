import FakeKubernetes
import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// `git push` through the hook with the clean room on a Kubernetes API (the fake server).
@Suite("git push with the Kubernetes clean room", .serialized, .timeLimit(.minutes(5)))
struct KubernetesPushTests {
    /// A fake API server (token t0ken) whose kubelet works in the fixture's scratch directory, started.
    static func startServer(for fixture: PushFixture) async throws -> FakeKubeAPIServer {
        var options = FakeKubeAPIServer.Options(workRoot: fixture.scratch.path("kubelet"))
        try FileManager.default.createDirectory(at: options.workRoot, withIntermediateDirectories: true)
        options.tokens = ["t0ken"]
        let server = FakeKubeAPIServer(options: options)
        try await server.start()
        return server
    }

    /// A kubeconfig for `server` (token t0ken, namespace ci) in the fixture's scratch directory.
    static func writeKubeconfig(for server: FakeKubeAPIServer, in fixture: PushFixture) throws -> URL {
        let kubeconfig = fixture.scratch.path("kubeconfig")
        try """
            current-context: fake
            clusters: [{name: fake, cluster: {server: '\(server.baseURL.absoluteString)'}}]
            users: [{name: u, user: {token: t0ken}}]
            contexts: [{name: fake, context: {cluster: fake, user: u, namespace: ci}}]
            """.write(to: kubeconfig, atomically: true, encoding: .utf8)
        return kubeconfig
    }

    @Test func pushOfANeverPushedBranchRunsTheJobOnThatExactCommit() async throws {
        let fixture = try PushFixture(installHook: true)
        let server = try await Self.startServer(for: fixture)
        do {
            let kubeconfig = try Self.writeKubeconfig(for: server, in: fixture)
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

    /// Issue 10: the clean room holds no credential the code under test could take. The git
    /// secret goes to the checkout init container only; the step searches everything under its
    /// own `/` (the fake kubelet's per-container directory, found from the workspace path) and
    /// its environment for the secret's token, and fails the push if it finds it.
    @Test func theStepsContainerHoldsNoCredentialWhileTheCheckoutContainerHasIt() async throws {
        let fixture = try PushFixture(installHook: true)
        let server = try await Self.startServer(for: fixture)
        do {
            // Recognisable, and written in two halves below so that no file of the step's holds it whole.
            let first = "glsecret-\(UUID().uuidString.prefix(8).lowercased())"
            let second = "-\(UUID().uuidString.suffix(8).lowercased())"
            let token = first + second
            server.addSecret(name: "git-creds", namespace: "ci", data: [
                ".git-credentials": Data("https://greenlight-bot:\(token)@git.example.test\n".utf8),
                "ssh-privatekey": Data("-----BEGIN OPENSSH PRIVATE KEY-----\n\(token)\n-----END OPENSSH PRIVATE KEY-----\n".utf8),
            ])
            let kubeconfig = try Self.writeKubeconfig(for: server, in: fixture)
            try fixture.work.write(".greenlight.yml", """
                fast:
                  steps: [{name: unit, run: ./test.sh fast}]
                clean_room:
                  backend: kubernetes
                  timeout: 1m
                  steps: [{name: scan, run: ./scan.sh}]
                  kubernetes:
                    image: example.test/ci:1
                    kubeconfig: \(kubeconfig.path)
                    git_secret: git-creds
                """)
            try fixture.work.write("scan.sh", """
                #!/bin/sh
                t='\(first)''\(second)'
                # In the fake cluster the container's / is a directory of the host: the workspace's parent.
                root="${GREENLIGHT_WORKSPACE%/workspace}"
                if [ "$root" = "$GREENLIGHT_WORKSPACE" ] || [ ! -d "$root" ]; then echo "scan: no container root"; exit 3; fi
                echo "scan: searched $(find -L "$root" -type f 2>/dev/null | wc -l | tr -d ' ') files under the container root"
                leaks="$(grep -rlF -R "$t" "$root" 2>/dev/null)"
                if [ -n "$leaks" ]; then echo "scan: the token is in $leaks"; exit 1; fi
                if env | grep -qF "$t"; then echo "scan: the token is in the environment"; exit 1; fi
                for name in GREENLIGHT_GIT_AUTH GIT_SSH_COMMAND GREENLIGHT_CLONE_URL GREENLIGHT_TRANSPORT_DIR; do
                    if env | grep -q "^$name="; then echo "scan: $name is set"; exit 1; fi
                done
                if git config --global --get credential.helper; then echo "scan: a credential helper is configured"; exit 1; fi
                echo "scan: clean"

                """, executable: true)
            try fixture.work.git("checkout", "-q", "-b", "feature")
            let head = try fixture.work.commitAll("scan the clean room for credentials")
            let push = try fixture.git(["push", "origin", "feature"])
            #expect(push.status == 0, "\(push.stderr)")
            let note = try #require(try fixture.remoteNote(head))
            let record = try #require(NoteCodec().decode(note).records.first { $0.tier == .cleanRoom })
            #expect(record.verdict == .pass, "\(record.summary)")
            let log = try String(contentsOfFile: try #require(record.log), encoding: .utf8)
            // The step ran and really looked: at the checkout at least.
            #expect(log.contains("scan: clean\n"), "\(log)")
            let searched = log.split(separator: "\n").first { $0.hasPrefix("scan: searched ") }
                .flatMap { Int($0.split(separator: " ")[2]) }
            #expect((searched ?? 0) > 0, "\(log)")
            #expect(!log.contains(token))

            // The checkout container had the secret, configured git with it, and said so.
            let checkoutSection = try #require(log.components(separatedBy: "==> greenlight: log of container greenlight-checkout\n").last?
                .components(separatedBy: "==> greenlight: log of container greenlight\n").first)
            #expect(checkoutSection.contains("greenlight: git credentials: .git-credentials from the git secret"), "\(log)")
            #expect(checkoutSection.contains("greenlight: checkout HEAD \(head)"), "\(log)")
            let pod = try #require(server.pods(namespace: "ci").first)
            let podName = try #require((pod["metadata"] as? [String: Any])?["name"] as? String)
            let spec = try #require(pod["spec"] as? [String: Any])
            func mounts(_ key: String) -> [String] {
                ((spec[key] as? [[String: Any]])?.first?["volumeMounts"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            }
            #expect(mounts("initContainers").contains("git-auth"))
            #expect(!mounts("containers").contains("git-auth"))
            let checkoutRoot = try #require(server.containerFilesystem(pod: podName, namespace: "ci", container: "greenlight-checkout"))
            let stepRoot = try #require(server.containerFilesystem(pod: podName, namespace: "ci", container: "greenlight"))
            #expect(try String(contentsOf: checkoutRoot.appendingPathComponent("greenlight/git-auth/.git-credentials"), encoding: .utf8).contains(token))
            let gitconfig = try String(contentsOf: checkoutRoot.appendingPathComponent("greenlight/home/.gitconfig"), encoding: .utf8)
            #expect(gitconfig.contains("helper = store --file="), "\(gitconfig)")
            #expect(!FileManager.default.fileExists(atPath: stepRoot.appendingPathComponent("greenlight").path))
            #expect(FileManager.default.fileExists(atPath: stepRoot.appendingPathComponent("workspace/src/scan.sh").path))
        } catch {
            try? await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }
}
