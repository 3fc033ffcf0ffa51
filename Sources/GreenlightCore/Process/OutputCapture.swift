import Foundation
import NIOConcurrencyHelpers

/// Keeps the first and the last bytes of a stream, and counts what was cut in between,
/// so a step that prints gigabytes costs a fixed amount of memory.
public final class OutputCapture: Sendable {
    private struct State {
        var head: [UInt8] = []
        var tail: [UInt8] = []
        var tailStart = 0
        var totalBytes = 0
        var partialLine: [UInt8] = []
        var lastCompleteLine = ""
    }

    /// Bytes kept from the start.
    public let headLimit: Int
    /// Bytes kept from the end.
    public let tailLimit: Int
    private let state = NIOLockedValueBox(State())

    public init(headLimit: Int = 16 * 1024, tailLimit: Int = 64 * 1024) {
        self.headLimit = headLimit
        self.tailLimit = tailLimit
    }

    public func append(_ bytes: UnsafeRawBufferPointer) {
        state.withLockedValue { state in
            state.totalBytes += bytes.count
            var rest = bytes[...]
            if state.head.count < headLimit {
                let taken = min(headLimit - state.head.count, rest.count)
                state.head.append(contentsOf: rest.prefix(taken))
                rest = rest.dropFirst(taken)
            }
            if !rest.isEmpty {
                state.tail.append(contentsOf: rest)
                if state.tail.count - state.tailStart > tailLimit {
                    state.tailStart = state.tail.count - tailLimit
                    if state.tailStart > tailLimit {
                        state.tail.removeFirst(state.tailStart)
                        state.tailStart = 0
                    }
                }
            }
            Self.noteLastLine(bytes, in: &state)
        }
    }

    private static func noteLastLine(_ bytes: UnsafeRawBufferPointer, in state: inout State) {
        guard let lastNewline = bytes.lastIndex(of: 10) else {
            if state.partialLine.count < 1024 { state.partialLine.append(contentsOf: bytes.prefix(1024 - state.partialLine.count)) }
            return
        }
        var line = state.partialLine
        let previousNewline = bytes[..<lastNewline].lastIndex(of: 10)
        if let previousNewline { line = Array(bytes[(previousNewline + 1)..<lastNewline].prefix(1024)) }
        else { line.append(contentsOf: bytes[..<lastNewline].prefix(1024)) }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { state.lastCompleteLine = text }
        state.partialLine = Array(bytes[(lastNewline + 1)...].prefix(1024))
    }

    /// Every byte seen.
    public var totalBytes: Int { state.withLockedValue { $0.totalBytes } }

    /// Bytes dropped between the head and the tail.
    public var cutBytes: Int {
        state.withLockedValue { $0.totalBytes - $0.head.count - ($0.tail.count - $0.tailStart) }
    }

    /// The last non-empty line printed so far, for progress displays.
    public var lastLine: String {
        state.withLockedValue { state in
            let pending = String(decoding: state.partialLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return pending.isEmpty ? state.lastCompleteLine : pending
        }
    }

    /// Head, a marker saying how much was cut, and tail, as text.
    public var text: String {
        state.withLockedValue { state in
            let kept = state.tail[state.tailStart...]
            let cut = state.totalBytes - state.head.count - kept.count
            var result = String(decoding: state.head, as: UTF8.self)
            if cut > 0 { result += "\n[… \(cut) bytes of output cut here; the full log has them …]\n" }
            result += String(decoding: kept, as: UTF8.self)
            return result
        }
    }
}
