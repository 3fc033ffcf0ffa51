import Foundation

/// The bearer token for the next request: static, re-read from a file (so service
/// account rotation works), or obtained from an exec plugin and cached until its
/// expiry or until the API server answers 401.
public actor CredentialSource {
    private let authentication: ClusterConnection.Authentication
    private let environment: [String: String]
    private let runner: ProcessRunner
    private var cached: (token: String, expires: Date?)?
    /// How often the exec plugin ran (for tests and diagnostics).
    public private(set) var pluginRuns = 0

    /// `runner` starts exec plugins, so a signal that stops greenlight stops them too.
    public init(authentication: ClusterConnection.Authentication, environment: [String: String], runner: ProcessRunner) {
        self.authentication = authentication
        self.environment = environment
        self.runner = runner
    }

    /// The token to send, `nil` for none. - Throws: `KubernetesError` with code `.credentials`.
    public func token() async throws(KubernetesError) -> String? {
        switch authentication {
        case .none:
            return nil
        case let .token(token):
            return token
        case let .tokenFile(path):
            do {
                return try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw KubernetesError(code: .credentials, status: 0, call: "read token",
                                      message: "cannot read the token file \(path): \(error.localizedDescription)")
            }
        case let .exec(plugin):
            if let cached, cached.expires.map({ $0.timeIntervalSinceNow > 10 }) ?? true { return cached.token }
            let fresh = try await run(plugin)
            cached = fresh
            return fresh.token
        }
    }

    /// The API server said 401: forget a cached exec token so the next call asks the plugin again.
    public func invalidate() {
        cached = nil
    }

    /// Whether a 401 is worth one retry with fresh credentials.
    public var canRefresh: Bool {
        if case .exec = authentication { return true }
        if case .tokenFile = authentication { return true }
        return false
    }

    private func run(_ plugin: ExecCredentialPlugin) async throws(KubernetesError) -> (token: String, expires: Date?) {
        pluginRuns += 1
        var environment = self.environment
        for (key, value) in plugin.environment { environment[key] = value }
        environment["KUBERNETES_EXEC_INFO"] = #"{"apiVersion":"\#(plugin.apiVersion)","kind":"ExecCredential","spec":{"interactive":false}}"#
        var command = plugin.command
        if command.contains("/"), !command.hasPrefix("/") {
            command = URL(fileURLWithPath: plugin.baseDirectory).appendingPathComponent(command).standardizedFileURL.path
        }
        let call = "exec credential plugin \(plugin.command)"
        let result: CapturedProcess
        do {
            result = try await runner.capture(ProcessSpec(executable: command, arguments: plugin.arguments,
                                                          directory: URL(fileURLWithPath: plugin.baseDirectory),
                                                          environment: environment, timeout: 60), limit: 1024 * 1024)
        } catch {
            throw KubernetesError(code: .credentials, status: 0, call: call, message: "\(call) could not start: \(error)")
        }
        guard result.succeeded else {
            let detail = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubernetesError(code: .credentials, status: 0, call: call,
                                  message: "\(call) failed (\(result.result.timedOut ? "timed out after 60s" : "exit \(result.result.exitCode)"))\(detail.isEmpty ? "" : ": \(detail)")")
        }
        let credential: JSONValue
        do { credential = try JSONValue.parse(Data(result.stdout.utf8)) } catch {
            throw KubernetesError(code: .credentials, status: 0, call: call, message: "\(call) did not print JSON: \(error)")
        }
        guard credential["kind"]?.string == "ExecCredential" else {
            throw KubernetesError(code: .credentials, status: 0, call: call, message: "\(call) did not print an ExecCredential")
        }
        guard let token = credential.at("status.token")?.string, !token.isEmpty else {
            let hint = credential.at("status.clientCertificateData") != nil ? " (client certificates from exec plugins are not supported)" : ""
            throw KubernetesError(code: .credentials, status: 0, call: call, message: "\(call) returned no status.token\(hint)")
        }
        let expires = credential.at("status.expirationTimestamp")?.string.flatMap(Timestamp.parse)
        return (token, expires)
    }
}
