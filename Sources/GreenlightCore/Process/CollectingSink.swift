import NIOConcurrencyHelpers

/// Keeps everything written, up to `limit` bytes; counts what it had to drop.
final class CollectingSink: OutputSink {
    private struct State {
        var bytes: [UInt8] = []
        var dropped = 0
    }

    private let limit: Int
    private let state = NIOLockedValueBox(State())

    init(limit: Int) {
        self.limit = limit
    }

    func write(_ chunk: UnsafeRawBufferPointer) {
        state.withLockedValue { state in
            let room = max(0, limit - state.bytes.count)
            state.bytes.append(contentsOf: chunk.prefix(room))
            state.dropped += chunk.count - min(room, chunk.count)
        }
    }

    var text: String { state.withLockedValue { String(decoding: $0.bytes, as: UTF8.self) } }
    var truncated: Bool { state.withLockedValue { $0.dropped > 0 } }
}
