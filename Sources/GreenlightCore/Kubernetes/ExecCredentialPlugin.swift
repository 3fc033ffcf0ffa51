import Foundation

/// A `client.authentication.k8s.io/v1` exec credential plugin, as a kubeconfig declares it.
public struct ExecCredentialPlugin: Sendable, Equatable {
    public var command: String
    public var arguments: [String]
    public var environment: [String: String]
    public var apiVersion: String
    /// Directory of the kubeconfig, for a relative command path.
    public var baseDirectory: String

    public init(command: String, arguments: [String], environment: [String: String], apiVersion: String, baseDirectory: String) {
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.apiVersion = apiVersion
        self.baseDirectory = baseDirectory
    }
}
