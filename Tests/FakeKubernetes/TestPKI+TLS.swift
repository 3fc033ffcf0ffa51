import Foundation
import NIOSSL

extension TestPKI {
    /// TLS settings for a client of a ``FakeKubeAPIServer`` using this PKI: trusts the CA and, when
    /// `presentingClientCertificate`, authenticates with the client certificate (`greenlight-test`).
    public func clientTLSConfiguration(presentingClientCertificate: Bool = true) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .file(caCertificate.path)
        if presentingClientCertificate {
            configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(clientCertificate.path).map { .certificate($0) }
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: clientKey.path, format: .pem))
        }
        return configuration
    }
}
