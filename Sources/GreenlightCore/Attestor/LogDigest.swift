import Crypto
import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Hashes a log as it streams in (SHA-256) and keeps only its last `limit` bytes.
final class LogDigest: @unchecked Sendable {  // `state` is only touched under its lock
    private struct State {
        var hasher = SHA256()
        var tail: [UInt8] = []
    }

    private let state = NIOLockedValueBox(State())
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func add(_ chunk: ByteBuffer) {
        let bytes = Array(chunk.readableBytesView)
        state.withLockedValue { state in
            state.hasher.update(data: bytes)
            state.tail += bytes
            if state.tail.count > limit { state.tail.removeFirst(state.tail.count - limit) }
        }
    }

    /// The hex SHA-256 of everything added, and the tail as text (invalid UTF-8 repaired).
    func result() -> (sha256: String, tail: String) {
        state.withLockedValue { state in
            (state.hasher.finalize().map { String(format: "%02x", $0) }.joined(), String(decoding: state.tail, as: UTF8.self))
        }
    }
}
