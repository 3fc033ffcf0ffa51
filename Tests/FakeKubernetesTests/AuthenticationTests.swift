import AsyncHTTPClient
import FakeKubernetes
import Foundation
import NIOSSL
import Testing

@Suite("TLS and authentication")
struct AuthenticationTests {
    @Test func httpsWithTheGeneratedCAAndAClientCertificate() async throws {
        try await withCluster({ options, directory in
            options.tls = try TestPKI.generate(in: directory.appendingPathComponent("pki"))
            options.requireClientCertificate = true
        }, clientTLS: { pki in
            (try? pki.clientTLSConfiguration()) ?? .makeClientConfiguration()
        }) { cluster in
            #expect(cluster.server.baseURL.scheme == "https")
            let version = try await cluster.get("/version")
            #expect(version.status == 200)
            #expect(string(version.json, "gitVersion") == "v1.33.1")

            // The client certificate's CN is the user.
            cluster.faults.forbid(verb: "list", resource: "jobs")
            let forbidden = try await cluster.get("/apis/batch/v1/namespaces/ci/jobs")
            #expect((string(forbidden.json, "message") ?? "").contains("User \"greenlight-test\""))

            // Trusting the CA but presenting no certificate: the handshake works, the request is 401.
            let pki = try #require(cluster.server.options.tls)
            let anonymousTLS = try pki.clientTLSConfiguration(presentingClientCertificate: false)
            let anonymous = HTTPClient(eventLoopGroupProvider: .singleton,
                                       configuration: HTTPClient.Configuration(tlsConfiguration: anonymousTLS))
            let rejected = try await cluster.request(.GET, "/version", client: anonymous)
            try await anonymous.shutdown()
            #expect(rejected.status == 401)
            #expect(string(rejected.json, "reason") == "Unauthorized")
            #expect(string(rejected.json, "message") == "Unauthorized")

            // The server certificate is valid for localhost too.
            var request = HTTPClientRequest(url: "https://localhost:\(cluster.server.baseURL.port!)/version")
            request.method = .GET
            let viaLocalhost = try await cluster.client.execute(request, timeout: .seconds(10))
            #expect(viaLocalhost.status.code == 200)

            #expect(cluster.server.requests.count == 4)

            let kubeconfig = try cluster.server.kubeconfig(namespace: "ci", clientCertificate: true)
            let caData = try Data(contentsOf: pki.caCertificate).base64EncodedString()
            #expect(kubeconfig.contains("\n    server: \(cluster.server.baseURL.absoluteString)\n"))
            #expect(kubeconfig.contains("\n    certificate-authority-data: \(caData)\n"))
            #expect(kubeconfig.contains("\n    client-certificate-data: "))
            #expect(kubeconfig.contains("\n    client-key-data: "))
            #expect(kubeconfig.contains("\n    namespace: ci\n"))
        }
    }

    @Test func pkiHasTheRequiredNamesAndSubjects() throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fake-pki-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pki = try TestPKI.generate(in: directory)
        let server = try #require(try NIOSSLCertificate.fromPEMFile(pki.serverCertificate.path).first)
        var dnsNames: [String] = []
        var addresses: [String] = []
        for name in server._subjectAlternativeNames() {
            switch name.nameType {
            case .dnsName: dnsNames.append(String(decoding: name.contents, as: UTF8.self))
            case .ipAddress: addresses.append(name.contents.map(String.init).joined(separator: "."))
            default: break
            }
        }
        #expect(Set(dnsNames) == ["localhost", "kubernetes.fake"])
        #expect(addresses == ["127.0.0.1"])
        let client = try #require(try NIOSSLCertificate.fromPEMFile(pki.clientCertificate.path).first)
        #expect(client.subjectName.contains(SSLCertificateName("greenlight-test", .commonName)))
        #expect(client.subjectName.contains(SSLCertificateName("testers", .organization)))
        let ca = try #require(try NIOSSLCertificate.fromPEMFile(pki.caCertificate.path).first)
        #expect(client.issuerName == ca.subjectName)
        #expect(server.issuerName == ca.subjectName)
        #expect(FileManager.default.fileExists(atPath: pki.serverKey.path))
        #expect(FileManager.default.fileExists(atPath: pki.clientKey.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".log") || $0.hasSuffix(".csr") }
        #expect(leftovers.isEmpty)
    }

    @Test func bearerTokensAreRequiredWhenConfiguredAndRequestsAreRecorded() async throws {
        try await withCluster({ options, _ in options.tokens = ["s3cret"] }) { cluster in
            #expect(try await cluster.get("/version").status == 401)
            let wrong = try await cluster.request(.GET, "/version", headers: [("Authorization", "Bearer nope")])
            #expect(wrong.status == 401)
            #expect(string(wrong.json, "kind") == "Status")
            let right = try await cluster.request(.GET, "/apis/batch/v1/namespaces/ci/jobs?limit=5",
                                                 headers: [("Authorization", "Bearer s3cret")])
            #expect(right.status == 200)
            #expect(string(right.json, "kind") == "JobList")

            let recorded = cluster.server.requests
            #expect(recorded.count == 3)
            #expect(recorded[0].header("Authorization") == nil)
            #expect(recorded[1].header("authorization") == "Bearer nope")
            #expect(recorded[2].header("Authorization") == "Bearer s3cret")
            #expect(recorded[2].path == "/apis/batch/v1/namespaces/ci/jobs")
            #expect(recorded[2].query == "limit=5")
        }
    }
}
