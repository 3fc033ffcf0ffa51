import Foundation
import Yams

/// Finds and reads cluster access the way kubectl does: an explicit kubeconfig, else
/// `KUBECONFIG` (a `:`-separated list; the first file to set a value wins), else
/// `~/.kube/config`, else the in-cluster service account. Errors name the file and key.
public struct KubeConfigLoader: Sendable {
    public var environment: [String: String]
    /// Where a pod's service account files live (overridable for tests).
    public var serviceAccountDirectory: String

    public init(environment: [String: String], serviceAccountDirectory: String = "/var/run/secrets/kubernetes.io/serviceaccount") {
        self.environment = environment
        self.serviceAccountDirectory = serviceAccountDirectory
    }

    /// - Parameters:
    ///   - explicitPath: `clean_room.kubernetes.kubeconfig`, already made absolute.
    ///   - context: a context name, `nil` for current-context.
    ///   - namespace: overrides the context's namespace.
    public func load(explicitPath: String? = nil, context: String? = nil, namespace: String? = nil) throws(KubernetesError) -> ClusterConnection {
        var files: [String]
        if let explicitPath {
            files = [explicitPath]
        } else if let list = environment["KUBECONFIG"], !list.isEmpty {
            files = list.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        } else if let home = environment["HOME"], FileManager.default.fileExists(atPath: "\(home)/.kube/config") {
            files = ["\(home)/.kube/config"]
        } else if environment["KUBERNETES_SERVICE_HOST"] != nil {
            var connection = try inCluster()
            if let namespace { connection.namespace = namespace }
            return connection
        } else {
            throw Self.error("", "no kubeconfig: set KUBECONFIG, create ~/.kube/config, or set clean_room.kubernetes.kubeconfig")
        }
        if explicitPath != nil || files.count == 1, !FileManager.default.fileExists(atPath: files[0]) {
            throw Self.error(files[0], "the kubeconfig file does not exist")
        }
        let merged = try merge(files.filter { FileManager.default.fileExists(atPath: $0) })
        return try resolve(merged, context: context, namespace: namespace)
    }

    /// The pod's own service account: token (re-read per request), CA and namespace files.
    public func inCluster() throws(KubernetesError) -> ClusterConnection {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], let port = environment["KUBERNETES_SERVICE_PORT"] else {
            throw Self.error("in-cluster", "KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be set")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        guard let server = URL(string: "https://\(hostPart):\(port)") else {
            throw Self.error("in-cluster", "KUBERNETES_SERVICE_HOST/PORT do not form a URL: \(host):\(port)")
        }
        let tokenPath = "\(serviceAccountDirectory)/token"
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw Self.error(tokenPath, "the service account token is missing (is automountServiceAccountToken off?)")
        }
        let ca = FileManager.default.contents(atPath: "\(serviceAccountDirectory)/ca.crt")
        // A service account without a namespace file runs in `default`; one that cannot be read is an error.
        let namespacePath = "\(serviceAccountDirectory)/namespace"
        var namespace: String?
        if FileManager.default.fileExists(atPath: namespacePath) {
            do {
                namespace = try String(contentsOfFile: namespacePath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw Self.error(namespacePath, "cannot read the service account's namespace: \(error.localizedDescription)")
            }
        }
        return ClusterConnection(server: server, namespace: namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default",
                                 authentication: .tokenFile(tokenPath), certificateAuthority: ca,
                                 source: "in-cluster service account (\(serviceAccountDirectory))")
    }

    /// One entry of a kubeconfig list, remembering which file it came from.
    struct Named {
        let name: String
        let body: [String: Any]
        let file: String
        let key: String
    }

    struct Merged {
        var currentContext: (value: String, file: String)?
        var clusters: [String: Named] = [:]
        var users: [String: Named] = [:]
        var contexts: [String: Named] = [:]
    }

    private func merge(_ files: [String]) throws(KubernetesError) -> Merged {
        var merged = Merged()
        for file in files {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw Self.error(file, "cannot read: \(error.localizedDescription)")
            }
            let loaded: Any?
            do { loaded = try Yams.load(yaml: text) } catch {
                throw Self.error(file, "not valid YAML: \(error)")
            }
            guard let root = loaded as? [String: Any] else {
                if loaded == nil { continue }
                throw Self.error(file, "expected a kubeconfig mapping at the top level")
            }
            if merged.currentContext == nil, let current = root["current-context"] as? String, !current.isEmpty {
                merged.currentContext = (current, file)
            }
            for (section, inner) in [("clusters", "cluster"), ("users", "user"), ("contexts", "context")] {
                guard let value = root[section] else { continue }
                guard let list = value as? [Any] else { throw Self.error(file, "\(section): expected a list") }
                for (index, item) in list.enumerated() {
                    guard let entry = item as? [String: Any], let name = entry["name"] as? String else {
                        throw Self.error(file, "\(section)[\(index)].name: missing")
                    }
                    guard let body = entry[inner] as? [String: Any] else {
                        throw Self.error(file, "\(section)[\(index)].\(inner): missing or not a mapping (entry \"\(name)\")")
                    }
                    let named = Named(name: name, body: body, file: file, key: "\(section)[\(index)].\(inner)")
                    switch section {
                    case "clusters": if merged.clusters[name] == nil { merged.clusters[name] = named }
                    case "users": if merged.users[name] == nil { merged.users[name] = named }
                    default: if merged.contexts[name] == nil { merged.contexts[name] = named }
                    }
                }
            }
        }
        return merged
    }

    private func resolve(_ merged: Merged, context requested: String?, namespace override: String?) throws(KubernetesError) -> ClusterConnection {
        guard let contextName = requested ?? merged.currentContext?.value else {
            throw Self.error(merged.contexts.values.first?.file ?? "kubeconfig", "current-context: not set; set it or clean_room.kubernetes.context")
        }
        guard let context = merged.contexts[contextName] else {
            throw Self.error(merged.currentContext?.file ?? "kubeconfig", "context \"\(contextName)\" is not defined (known: \(merged.contexts.keys.sorted().joined(separator: ", ")))")
        }
        guard let clusterName = context.body["cluster"] as? String else {
            throw Self.error(context.file, "\(context.key).cluster: missing")
        }
        guard let cluster = merged.clusters[clusterName] else {
            throw Self.error(context.file, "\(context.key).cluster: cluster \"\(clusterName)\" is not defined")
        }
        guard let serverText = cluster.body["server"] as? String, let server = URL(string: serverText),
              let scheme = server.scheme, ["http", "https"].contains(scheme), server.host != nil else {
            throw Self.error(cluster.file, "\(cluster.key).server: missing or not an http(s) URL")
        }
        var connection = ClusterConnection(server: server, source: "\(context.file), context \"\(contextName)\"")
        connection.namespace = override ?? (context.body["namespace"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        connection.insecureSkipTLSVerify = cluster.body["insecure-skip-tls-verify"] as? Bool ?? false
        connection.tlsServerName = cluster.body["tls-server-name"] as? String
        connection.certificateAuthority = try material(cluster, pathKey: "certificate-authority", dataKey: "certificate-authority-data")

        if let userName = context.body["user"] as? String, !userName.isEmpty {
            guard let user = merged.users[userName] else {
                throw Self.error(context.file, "\(context.key).user: user \"\(userName)\" is not defined")
            }
            connection.clientCertificate = try material(user, pathKey: "client-certificate", dataKey: "client-certificate-data")
            connection.clientKey = try material(user, pathKey: "client-key", dataKey: "client-key-data")
            if (connection.clientCertificate == nil) != (connection.clientKey == nil) {
                throw Self.error(user.file, "\(user.key): client-certificate and client-key must be given together")
            }
            connection.authentication = try authentication(user)
        }
        return connection
    }

    private func authentication(_ user: Named) throws(KubernetesError) -> ClusterConnection.Authentication {
        if let token = user.body["token"] as? String, !token.isEmpty { return .token(token) }
        if let tokenFile = user.body["tokenFile"] as? String, !tokenFile.isEmpty {
            let path = absolute(tokenFile, relativeTo: user.file)
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw Self.error(user.file, "\(user.key).tokenFile: cannot read \(path)")
            }
            return .tokenFile(path)
        }
        if let exec = user.body["exec"] {
            guard let exec = exec as? [String: Any], let command = exec["command"] as? String, !command.isEmpty else {
                throw Self.error(user.file, "\(user.key).exec.command: missing")
            }
            let apiVersion = exec["apiVersion"] as? String ?? "client.authentication.k8s.io/v1"
            guard apiVersion.hasPrefix("client.authentication.k8s.io/") else {
                throw Self.error(user.file, "\(user.key).exec.apiVersion: \(apiVersion) is not a client.authentication.k8s.io version")
            }
            var environment: [String: String] = [:]
            for (index, item) in ((exec["env"] as? [Any]) ?? []).enumerated() {
                guard let pair = item as? [String: Any], let name = pair["name"] as? String else {
                    throw Self.error(user.file, "\(user.key).exec.env[\(index)].name: missing")
                }
                environment[name] = pair["value"].map { "\($0)" } ?? ""
            }
            return .exec(ExecCredentialPlugin(command: command, arguments: (exec["args"] as? [Any])?.map { "\($0)" } ?? [],
                                              environment: environment, apiVersion: apiVersion,
                                              baseDirectory: URL(fileURLWithPath: user.file).deletingLastPathComponent().path))
        }
        if user.body["auth-provider"] != nil {
            throw Self.error(user.file, "\(user.key).auth-provider: legacy auth providers are not supported; use an exec plugin")
        }
        return .none
    }

    /// A PEM file given by path (relative to the kubeconfig) or inline as base64 `-data`.
    private func material(_ entry: Named, pathKey: String, dataKey: String) throws(KubernetesError) -> Data? {
        if let encoded = entry.body[dataKey] as? String, !encoded.isEmpty {
            guard let data = Data(base64Encoded: encoded.filter { !$0.isWhitespace }) else {
                throw Self.error(entry.file, "\(entry.key).\(dataKey): not valid base64")
            }
            return data
        }
        if let path = entry.body[pathKey] as? String, !path.isEmpty {
            let resolved = absolute(path, relativeTo: entry.file)
            guard let data = FileManager.default.contents(atPath: resolved) else {
                throw Self.error(entry.file, "\(entry.key).\(pathKey): cannot read \(resolved)")
            }
            return data
        }
        return nil
    }

    private func absolute(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = environment["HOME"] { return home + path.dropFirst() }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.path
    }

    static func error(_ file: String, _ message: String) -> KubernetesError {
        KubernetesError(code: .configuration, status: 0, call: "load kubeconfig", message: file.isEmpty ? message : "\(file): \(message)")
    }
}
