import Foundation
import NIOCore
import NIOHTTP1

/// Writes one HTTP response on a connection: either whole (with Content-Length) or as a chunked
/// stream whose every chunk is flushed at once. Safe to use from any task.
final class ResponseWriter: @unchecked Sendable {
    private let channel: Channel
    private let keepAlive: Bool
    private let lock = NSLock()
    private var finished = false

    init(channel: Channel, keepAlive: Bool) {
        self.channel = channel
        self.keepAlive = keepAlive
    }

    /// Completes when the connection is closed, by either side.
    var closeFuture: EventLoopFuture<Void> { channel.closeFuture }

    var isOpen: Bool { channel.isActive }

    private func head(status: Int, contentType: String, contentLength: Int?, extra: [(String, String)]) -> HTTPResponseHead {
        var headers = HTTPHeaders()
        headers.add(name: "Audit-Id", value: UUID().uuidString.lowercased())
        headers.add(name: "Cache-Control", value: "no-cache, private")
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "X-Kubernetes-Pf-Flowschema-Uid", value: "fake")
        headers.add(name: "X-Kubernetes-Pf-Prioritylevel-Uid", value: "fake")
        if let contentLength {
            headers.add(name: "Content-Length", value: String(contentLength))
        } else {
            headers.add(name: "Transfer-Encoding", value: "chunked")
        }
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        for (name, value) in extra { headers.add(name: name, value: value) }
        return HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
    }

    private func claimFinish() -> Bool {
        lock.withLock {
            if finished { return false }
            finished = true
            return true
        }
    }

    /// Sends a complete response.
    func respond(status: Int, contentType: String, body: [UInt8], headers: [(String, String)] = []) async {
        guard claimFinish() else { return }
        var buffer = channel.allocator.buffer(capacity: body.count)
        buffer.writeBytes(body)
        channel.write(HTTPServerResponsePart.head(head(status: status, contentType: contentType,
                                                       contentLength: body.count, extra: headers)), promise: nil)
        if !body.isEmpty { channel.write(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil) }
        try? await channel.writeAndFlush(HTTPServerResponsePart.end(nil))
        if !keepAlive { try? await channel.close() }
    }

    func respond(status: Int, json: JSONValue, headers: [(String, String)] = []) async {
        await respond(status: status, contentType: "application/json", body: Array(JSONCodec.serialize(json)), headers: headers)
    }

    func respond(error: APIError) async {
        await respond(status: error.code, json: error.status, headers: error.headers)
    }

    /// Starts a chunked response.
    func beginStream(status: Int, contentType: String) async throws {
        try await channel.writeAndFlush(HTTPServerResponsePart.head(
            head(status: status, contentType: contentType, contentLength: nil, extra: [])))
    }

    /// Sends one chunk and flushes it.
    func write(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        var buffer = channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        try await channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer)))
    }

    /// Ends a chunked response cleanly (the terminating zero-length chunk).
    func endStream() async {
        guard claimFinish() else { return }
        try? await channel.writeAndFlush(HTTPServerResponsePart.end(nil))
        if !keepAlive { try? await channel.close() }
    }

    /// Cuts the connection without finishing the response, as a crashing or restarting server does.
    func abort() async {
        _ = claimFinish()
        try? await channel.close()
    }
}
