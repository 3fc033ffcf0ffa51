import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The listening socket: HTTP/1.1 (optionally over TLS) on 127.0.0.1 with an ephemeral port. Keeps
/// track of open connections so that shutting down can cut them all, watches included.
final class HTTPServer: @unchecked Sendable {
    private let lock = NSLock()
    private var serverChannel: Channel?
    private var connections: [ObjectIdentifier: Channel] = [:]
    private let sslContext: NIOSSLContext?
    private let dispatch: HTTPConnectionHandler.Dispatch

    init(pki: TestPKI?, dispatch: @escaping HTTPConnectionHandler.Dispatch) throws {
        if let pki {
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(pki.serverCertificate.path).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: pki.serverKey.path, format: .pem)))
            // Like kube-apiserver: ask for a client certificate, verify it against the CA when one is sent,
            // and leave rejecting anonymous requests to authentication (401), not to the handshake.
            configuration.certificateVerification = .optionalVerification
            configuration.trustRoots = .file(pki.caCertificate.path)
            configuration.applicationProtocols = ["http/1.1"]
            sslContext = try NIOSSLContext(configuration: configuration)
        } else {
            sslContext = nil
        }
        self.dispatch = dispatch
    }

    /// Binds and returns the port.
    func start() async throws -> Int {
        let sslContext = self.sslContext
        let dispatch = self.dispatch
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [weak self] channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        HTTPConnectionHandler(usesTLS: sslContext != nil, dispatch: dispatch))
                    self?.track(channel)
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        lock.withLock { serverChannel = channel }
        guard let port = channel.localAddress?.port else {
            throw ChannelError.unknownLocalAddress
        }
        return port
    }

    private func track(_ channel: Channel) {
        let id = ObjectIdentifier(channel)
        lock.withLock { connections[id] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { _ = self.connections.removeValue(forKey: id) }
        }
    }

    /// Closes the listener and every connection without waiting.
    func closeNow() {
        let (listener, open) = lock.withLock { (serverChannel, Array(connections.values)) }
        listener?.close(promise: nil)
        for connection in open { connection.close(promise: nil) }
    }

    /// Stops listening and closes every connection.
    func stop() async {
        let (listener, open) = lock.withLock { (serverChannel, Array(connections.values)) }
        lock.withLock { serverChannel = nil }
        if let listener { _ = try? await listener.close() }
        for connection in open { _ = try? await connection.close() }
    }
}
