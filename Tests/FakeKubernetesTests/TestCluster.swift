import AsyncHTTPClient
import FakeKubernetes
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing

/// One fake API server with its own temporary directory and an async-http-client pointed at it.
/// Use through ``withCluster(_:_:)`` so the server, the client and the directory are always cleaned up.
final class TestCluster: @unchecked Sendable {
    let directory: URL
    let server: FakeKubeAPIServer
    let client: HTTPClient

    init(directory: URL, server: FakeKubeAPIServer, client: HTTPClient) {
        self.directory = directory
        self.server = server
        self.client = client
    }

    var faults: FaultPlan { server.faults }

    struct Response {
        let status: Int
        let headers: [(String, String)]
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    func request(_ method: HTTPMethod, _ path: String, json: Any? = nil, headers: [(String, String)] = [],
                 client: HTTPClient? = nil) async throws -> Response
    {
        var request = HTTPClientRequest(url: server.baseURL.absoluteString + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            let data = try JSONSerialization.data(withJSONObject: json)
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: data))
        }
        let response = try await (client ?? self.client).execute(request, timeout: .seconds(30))
        var body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        let bytes = body.readBytes(length: body.readableBytes) ?? []
        return Response(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: bytes)
    }

    func get(_ path: String) async throws -> Response { try await request(.GET, path) }
    func post(_ path: String, _ json: Any) async throws -> Response { try await request(.POST, path, json: json) }
    func delete(_ path: String) async throws -> Response { try await request(.DELETE, path) }

    /// Opens a streaming GET (watch or log follow).
    func stream(_ path: String, timeout: Int64 = 30) async throws -> LineStream {
        let request = HTTPClientRequest(url: server.baseURL.absoluteString + path)
        let response = try await client.execute(request, timeout: .seconds(timeout))
        return LineStream(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                          iterator: response.body.makeAsyncIterator())
    }

    /// Creates a Job whose single container runs `script` with /bin/sh.
    @discardableResult
    func createJob(_ name: String, namespace: String = "ci", script: String, configure: (inout [String: Any]) -> Void = { _ in })
        async throws -> [String: Any]
    {
        let container: [String: Any] = ["name": "main", "image": "alpine:3.20", "command": ["/bin/sh", "-c", script]]
        var job: [String: Any] = [
            "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": name],
            "spec": ["backoffLimit": 0, "template": ["spec": ["restartPolicy": "Never", "containers": [container]]]],
        ]
        configure(&job)
        let response = try await post("/apis/batch/v1/namespaces/\(namespace)/jobs", job)
        #expect(response.status == 201, "creating job \(name): \(response.text)")
        return response.json
    }

    /// Polls every 20 ms until `condition` holds; throws ``TimedOut`` once both `timeout` seconds
    /// have passed and the condition was checked at least `timeout / 20 ms` times. Counting checks
    /// as well as seconds means a test task starved of threads by other suites (the cooperative
    /// pool is as wide as the machine has cores) is not failed for time it never got to look;
    /// the fake server runs on threads of its own and keeps going meanwhile.
    func eventually(_ what: String, timeout: TimeInterval = 30, _ condition: () async throws -> Bool) async throws {
        let interval: UInt64 = 20_000_000
        let deadline = Date().addingTimeInterval(timeout)
        let checks = Int(timeout * 1e9 / Double(interval))
        var checked = 0
        while true {
            if try await condition() { return }
            checked += 1
            if checked >= checks, Date() >= deadline { throw TimedOut(what: what) }
            try await Task.sleep(nanoseconds: interval)
        }
    }

    /// The single pod of a Job.
    func podOfJob(_ job: String, namespace: String = "ci") -> [String: Any]? {
        server.pods(namespace: namespace).first { labels($0)["job-name"] == job }
    }
}

struct TimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Reads a chunked response line by line (one watch event per line).
struct LineStream {
    let status: Int
    let headers: [(String, String)]
    var iterator: HTTPClientResponse.Body.AsyncIterator
    var buffer: [UInt8] = []

    init(status: Int, headers: [(String, String)], iterator: HTTPClientResponse.Body.AsyncIterator) {
        self.status = status
        self.headers = headers
        self.iterator = iterator
    }

    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// The next line without its newline; nil at the clean end of the stream.
    mutating func nextLine() async throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeFirst(newline + 1)
                return line
            }
            guard let chunk = try await iterator.next() else {
                if buffer.isEmpty { return nil }
                defer { buffer = [] }
                return String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(contentsOf: chunk.readableBytesView)
        }
    }

    /// The next watch event as `(type, object)`; nil at the end.
    mutating func nextEvent() async throws -> (type: String, object: [String: Any])? {
        guard let line = try await nextLine() else { return nil }
        let event = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        return (event["type"] as? String ?? "", event["object"] as? [String: Any] ?? [:])
    }

    /// The next chunk of raw bytes as text; nil at the end.
    mutating func nextText() async throws -> String? {
        if !buffer.isEmpty {
            defer { buffer = [] }
            return String(decoding: buffer, as: UTF8.self)
        }
        guard let chunk = try await iterator.next() else { return nil }
        return String(decoding: chunk.readableBytesView, as: UTF8.self)
    }
}

/// Runs `body` against a fresh server; always shuts it down and removes the temporary directory.
func withCluster(_ configure: (inout FakeKubeAPIServer.Options, URL) throws -> Void = { _, _ in },
                 clientTLS: ((TestPKI) -> TLSConfiguration)? = nil,
                 _ body: (TestCluster) async throws -> Void) async throws
{
    let directory = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("fake-k8s-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var options = FakeKubeAPIServer.Options(workRoot: directory.appendingPathComponent("pods"))
    try configure(&options, directory)
    let server = FakeKubeAPIServer(options: options)
    try await server.start()
    var configuration = HTTPClient.Configuration()
    if let pki = options.tls, let clientTLS { configuration.tlsConfiguration = clientTLS(pki) }
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    let cluster = TestCluster(directory: directory, server: server, client: client)
    do {
        try await body(cluster)
    } catch {
        try? await client.shutdown()
        try? await server.shutdown()
        throw error
    }
    try await client.shutdown()
    try await server.shutdown()
}

// MARK: JSON digging

func value(_ object: Any?, _ path: String...) -> Any? {
    var current = object
    for key in path {
        if let index = Int(key), let array = current as? [Any] {
            current = index < array.count ? array[index] : nil
        } else {
            current = (current as? [String: Any])?[key]
        }
    }
    return current
}

func string(_ object: Any?, _ path: String...) -> String? {
    var current = object
    for key in path { current = value(current, key) }
    return current as? String
}

func int(_ object: Any?, _ path: String...) -> Int? {
    var current = object
    for key in path { current = value(current, key) }
    return (current as? Int) ?? (current as? NSNumber)?.intValue
}

func labels(_ object: [String: Any]) -> [String: String] {
    value(object, "metadata", "labels") as? [String: String] ?? [:]
}

/// The condition of `type` in `status.conditions`, if present.
func condition(_ object: [String: Any], _ type: String) -> [String: Any]? {
    (value(object, "status", "conditions") as? [[String: Any]] ?? []).first { $0["type"] as? String == type }
}

func conditionTypes(_ object: [String: Any]) -> [String] {
    (value(object, "status", "conditions") as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
}

func processIsGone(_ pid: Int32) -> Bool {
    if kill(pid, 0) != 0 { return true }
    // A zombie waiting for its reaper counts as gone.
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
}

/// Sets a value deep inside nested dictionaries and arrays (numeric keys index arrays), creating dictionaries.
func setValue(_ object: inout [String: Any], _ path: [String], _ newValue: Any) {
    guard let key = path.first else { return }
    if path.count == 1 {
        object[key] = newValue
        return
    }
    let rest = Array(path.dropFirst())
    if var array = object[key] as? [Any], let index = Int(rest[0]), index < array.count {
        var element = array[index] as? [String: Any] ?? [:]
        if rest.count == 1 {
            array[index] = newValue
        } else {
            setValue(&element, Array(rest.dropFirst()), newValue)
            array[index] = element
        }
        object[key] = array
        return
    }
    var child = object[key] as? [String: Any] ?? [:]
    setValue(&child, rest, newValue)
    object[key] = child
}
