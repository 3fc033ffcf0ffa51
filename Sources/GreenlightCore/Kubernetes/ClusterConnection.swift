import Foundation

/// Everything needed to talk to one API server: where, as whom, in which namespace,
/// and how to trust it. Built from a kubeconfig or from the pod's service account.
public struct ClusterConnection: Sendable {
    /// How requests authenticate.
    public enum Authentication: Sendable, Equatable {
        case none
        case token(String)
        /// Re-read before every request, so a rotated token is picked up.
        case tokenFile(String)
        case exec(ExecCredentialPlugin)
    }

    public var server: URL
    public var namespace: String
    public var authentication: Authentication
    /// PEM bytes of the CA bundle to trust; `nil` means the system's roots.
    public var certificateAuthority: Data?
    public var insecureSkipTLSVerify: Bool
    /// The name to verify the server certificate against when it differs from the URL's host.
    public var tlsServerName: String?
    public var clientCertificate: Data?
    public var clientKey: Data?
    /// Where this came from (`~/.kube/config, context "dev"`), for messages.
    public var source: String

    public init(server: URL, namespace: String = "default", authentication: Authentication = .none,
                certificateAuthority: Data? = nil, insecureSkipTLSVerify: Bool = false, tlsServerName: String? = nil,
                clientCertificate: Data? = nil, clientKey: Data? = nil, source: String) {
        self.server = server
        self.namespace = namespace
        self.authentication = authentication
        self.certificateAuthority = certificateAuthority
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.source = source
    }
}
