import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL

/// A small client for the Kubernetes REST API over async-http-client: typed errors that
/// name the refused call, retries with backoff on 5xx, bounded bodies, streamed watches
/// and logs. Call `shutdown()` when done (every path).
public final class KubernetesClient: Sendable {
    public let connection: ClusterConnection
    public let credentials: CredentialSource
    private let http: HTTPClient
    /// The URL requests go to (the `tls-server-name` host when one is set; DNS maps it back).
    private let base: URL
    /// Largest non-streamed response body accepted.
    private let bodyLimit = 16 * 1024 * 1024
    /// Delays between attempts when the API server answers 5xx.
    private let backoff: [Double]

    /// `runner` starts exec credential plugins; `backoff` is the seconds between retries on 5xx.
    public init(connection: ClusterConnection, environment: [String: String], runner: ProcessRunner,
                backoff: [Double] = [0.2, 0.8, 2]) throws(KubernetesError) {
        self.connection = connection
        self.backoff = backoff
        credentials = CredentialSource(authentication: connection.authentication, environment: environment, runner: runner)
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(10)))
        var base = connection.server
        if connection.server.scheme == "https" {
            configuration.tlsConfiguration = try Self.tlsConfiguration(connection)
            if let name = connection.tlsServerName, let host = connection.server.host, !connection.insecureSkipTLSVerify {
                configuration.dnsOverride = [name: host]
                var components = URLComponents(url: connection.server, resolvingAgainstBaseURL: false)
                components?.host = name
                base = components?.url ?? base
            }
        }
        self.base = base
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func shutdown() async {
        try? await http.shutdown()
    }

    private static func tlsConfiguration(_ connection: ClusterConnection) throws(KubernetesError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if let ca = connection.certificateAuthority {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(ca)))
            }
            if let certificate = connection.clientCertificate, let key = connection.clientKey {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(certificate)).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(key), format: .pem))
            }
        } catch {
            throw KubernetesError(code: .configuration, status: 0, call: "load TLS material",
                                  message: "\(connection.source): certificate or key is not valid PEM: \(error)")
        }
        if connection.insecureSkipTLSVerify { tls.certificateVerification = .none }
        return tls
    }

    // MARK: - Requests

    /// Sends a request and returns the decoded JSON body. 5xx answers are retried with backoff.
    @discardableResult
    public func send(_ call: APICall, method: HTTPMethod, path: String, query: [URLQueryItem] = [],
                     body: JSONValue? = nil, timeout: TimeInterval = 30) async throws -> JSONValue {
        var attempt = 0
        var refreshed = false
        while true {
            let request = try await makeRequest(method: method, path: path, query: query, body: body)
            let response: HTTPClientResponse
            let data: Data
            do {
                response = try await http.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
                data = Data(buffer: try await response.body.collect(upTo: bodyLimit))
            } catch {
                if attempt < backoff.count, method == .GET {
                    try await Task.sleep(for: .seconds(backoff[attempt]))
                    attempt += 1
                    continue
                }
                throw transportError(call, error)
            }
            let status = Int(response.status.code)
            if (200..<300).contains(status) {
                guard let json = try? JSONValue.parse(data) else {
                    throw KubernetesError(code: .badResponse, status: status, call: call.description,
                                          message: "\(call): the API server's answer is not JSON")
                }
                return json
            }
            if status == 401, !refreshed, await credentials.canRefresh {
                await credentials.invalidate()
                refreshed = true
                continue
            }
            if status >= 500, attempt < backoff.count {
                try await Task.sleep(for: .seconds(backoff[attempt]))
                attempt += 1
                continue
            }
            throw KubernetesErrorMapper(connection: connection).error(for: call, status: status, body: data, attempts: attempt + 1)
        }
    }

    /// A watch stream: events as they arrive until the server ends the stream, the
    /// connection drops (the stream then finishes; resume from the last resourceVersion)
    /// or an error status (thrown; 410 has code `.expired`).
    public func watch(_ call: APICall, path: String, query: [URLQueryItem], timeoutSeconds: Int) -> AsyncThrowingStream<WatchEvent, Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var parameters = query
                    parameters.append(URLQueryItem(name: "watch", value: "true"))
                    parameters.append(URLQueryItem(name: "timeoutSeconds", value: String(timeoutSeconds)))
                    let request = try await makeRequest(method: .GET, path: path, query: parameters, body: nil)
                    let response = try await http.execute(request, timeout: .seconds(Int64(timeoutSeconds + 30)))
                    let status = Int(response.status.code)
                    guard status == 200 else {
                        let data = Data(buffer: try await response.body.collect(upTo: bodyLimit))
                        if status == 401 { await credentials.invalidate() }
                        throw KubernetesErrorMapper(connection: connection).error(for: call, status: status, body: data, attempts: 1)
                    }
                    var pending = Data()
                    for try await chunk in response.body {
                        pending.append(contentsOf: chunk.readableBytesView)
                        while let newline = pending.firstIndex(of: 10) {
                            let line = pending[pending.startIndex..<newline]
                            pending = Data(pending[(newline + 1)...])
                            guard !line.isEmpty else { continue }
                            guard let json = try? JSONValue.parse(Data(line)), let type = json["type"]?.string,
                                  let kind = WatchEvent.Kind(rawValue: type), let object = json["object"] else {
                                throw KubernetesError(code: .badResponse, status: 200, call: call.description,
                                                      message: "\(call): a watch event is not valid JSON")
                            }
                            if kind == .error, object["code"]?.int == 410 {
                                throw KubernetesError(code: .expired, status: 410, call: call.description,
                                                      message: "\(call): \(object["message"]?.string ?? "resource version expired")")
                            }
                            continuation.yield(WatchEvent(kind: kind, object: object))
                        }
                    }
                    continuation.finish()
                } catch let error as KubernetesError {
                    continuation.finish(throwing: error)
                } catch is CancellationError {
                    continuation.finish()
                } catch {
                    // A dropped connection ends the stream; the caller resumes from its last resourceVersion.
                    continuation.finish(throwing: transportError(call, error))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Streams a body (a pod's log with `follow=true`) chunk by chunk to `sink` until the server ends it.
    public func stream(_ call: APICall, path: String, query: [URLQueryItem], timeout: TimeInterval,
                       sink: @Sendable (ByteBuffer) async -> Void) async throws {
        let request = try await makeRequest(method: .GET, path: path, query: query, body: nil)
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
        } catch {
            throw transportError(call, error)
        }
        let status = Int(response.status.code)
        guard status == 200 else {
            let data = Data(buffer: try await response.body.collect(upTo: bodyLimit))
            throw KubernetesErrorMapper(connection: connection).error(for: call, status: status, body: data, attempts: 1)
        }
        do {
            for try await chunk in response.body { await sink(chunk) }
        } catch {
            throw transportError(call, error)
        }
    }

    private func makeRequest(method: HTTPMethod, path: String, query: [URLQueryItem], body: JSONValue?) async throws -> HTTPClientRequest {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
        let prefix = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = prefix + path
        if !query.isEmpty { components.queryItems = query }
        // `+` is literal in a query value to URLComponents but a space to Go's parser.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        var request = HTTPClientRequest(url: components.url!.absoluteString)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "greenlight/\(GreenlightVersion.current)")
        if let token = try await credentials.token() {
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        if let body {
            // A PATCH body is a JSON merge patch (RFC 7386), which every API server accepts for every resource.
            request.headers.add(name: "Content-Type", value: method == .PATCH ? "application/merge-patch+json" : "application/json")
            request.body = .bytes(ByteBuffer(data: try body.data()))
        }
        return request
    }

    private func transportError(_ call: APICall, _ error: Error) -> KubernetesError {
        if let error = error as? KubernetesError { return error }
        return KubernetesError(code: .transport, status: 0, call: call.description,
                               message: "cannot reach the API server at \(connection.server.absoluteString) to \(call): \(error)")
    }
}
