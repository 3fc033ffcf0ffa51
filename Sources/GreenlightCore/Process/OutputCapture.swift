import Foundation

/// Keeps the first and the last bytes of a stream, and counts what was cut in between,
/// so a step that prints gigabytes costs a fixed amount of memory.
public final class OutputCapture: @unchecked Sendable {
    public let headLimit: Int
    public let tailLimit: Int
    private var head: [UInt8] = []
    private var tail: [UInt8] = []
    private var tailStart = 0
    /// Every byte seen.
    public private(set) var totalBytes = 0
    private var partialLine: [UInt8] = []
    private let lock = NSLock()
    private var lastCompleteLine = ""

    public init(headLimit: Int = 16 * 1024, tailLimit: Int = 64 * 1024) {
        self.headLimit = headLimit
        self.tailLimit = tailLimit
    }

    public func append(_ bytes: UnsafeRawBufferPointer) {
        lock.lock()
        defer { lock.unlock() }
        totalBytes += bytes.count
        var rest = bytes[...]
        if head.count < headLimit {
            let taken = min(headLimit - head.count, rest.count)
            head.append(contentsOf: rest.prefix(taken))
            rest = rest.dropFirst(taken)
        }
        if !rest.isEmpty {
            tail.append(contentsOf: rest)
            if tail.count - tailStart > tailLimit {
                tailStart = tail.count - tailLimit
                if tailStart > tailLimit {
                    tail.removeFirst(tailStart)
                    tailStart = 0
                }
            }
        }
        noteLastLine(bytes)
    }

    private func noteLastLine(_ bytes: UnsafeRawBufferPointer) {
        guard let lastNewline = bytes.lastIndex(of: 10) else {
            if partialLine.count < 1024 { partialLine.append(contentsOf: bytes.prefix(1024 - partialLine.count)) }
            return
        }
        var line = partialLine
        let previousNewline = bytes[..<lastNewline].lastIndex(of: 10)
        if let previousNewline { line = Array(bytes[(previousNewline + 1)..<lastNewline].prefix(1024)) }
        else { line.append(contentsOf: bytes[..<lastNewline].prefix(1024)) }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { lastCompleteLine = text }
        partialLine = Array(bytes[(lastNewline + 1)...].prefix(1024))
    }

    /// Bytes dropped between the head and the tail.
    public var cutBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return totalBytes - head.count - (tail.count - tailStart)
    }

    /// The last non-empty line printed so far, for progress displays.
    public var lastLine: String {
        lock.lock()
        defer { lock.unlock() }
        let pending = String(decoding: partialLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return pending.isEmpty ? lastCompleteLine : pending
    }

    /// Head, a marker saying how much was cut, and tail, as text.
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        let kept = tail[tailStart...]
        let cut = totalBytes - head.count - kept.count
        var result = String(decoding: head, as: UTF8.self)
        if cut > 0 { result += "\n[… \(cut) bytes of output cut here; the full log has them …]\n" }
        result += String(decoding: kept, as: UTF8.self)
        return result
    }
}
