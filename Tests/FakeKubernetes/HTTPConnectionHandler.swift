import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Collects each HTTP request on a connection (head, body, end) and hands it to the API server's
/// request handler on a task of its own. Responses go straight to the channel through a ``ResponseWriter``.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Larger request bodies are refused with 413, as the real API server does past 3 MiB.
    static let maximumBodySize = 3 * 1024 * 1024

    typealias Dispatch = @Sendable (APIRequest, ResponseWriter) async -> Void

    private let dispatch: Dispatch
    private let usesTLS: Bool
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var bodyTooLarge = false

    init(usesTLS: Bool, dispatch: @escaping Dispatch) {
        self.usesTLS = usesTLS
        self.dispatch = dispatch
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
            bodyTooLarge = false
        case .body(let chunk):
            if body.count + chunk.readableBytes > Self.maximumBodySize {
                bodyTooLarge = true
                body = []
            } else if !bodyTooLarge {
                body.append(contentsOf: chunk.readableBytesView)
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            let uri = requestHead.uri
            let path: String
            let query: String
            if let mark = uri.firstIndex(of: "?") {
                path = String(uri[..<mark])
                query = String(uri[uri.index(after: mark)...])
            } else {
                path = uri
                query = ""
            }
            let request = APIRequest(
                method: requestHead.method.rawValue, path: path, rawQuery: query,
                headers: requestHead.headers.map { ($0.name, $0.value) }, body: body,
                clientCertificateUser: usesTLS ? peerCommonName(context: context) : nil, bodyTooLarge: bodyTooLarge)
            body = []
            let writer = ResponseWriter(channel: context.channel, keepAlive: requestHead.isKeepAlive)
            let dispatch = self.dispatch
            Task(executorPreference: ServerExecutor.shared) { await dispatch(request, writer) }
        }
    }

    /// The CN of the verified client certificate (the TLS handler only accepts certificates the CA signed).
    private func peerCommonName(context: ChannelHandlerContext) -> String? {
        guard let certificate = try? context.pipeline.syncOperations.nioSSL_peerCertificate() else { return nil }
        let commonName = certificate.subjectName.first { $0.type == .commonName }?.value
        return commonName ?? ""
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
