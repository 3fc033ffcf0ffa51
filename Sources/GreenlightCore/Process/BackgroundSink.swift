import Foundation

/// Passes what is written on to `target` on a thread of its own, so that slow work on a
/// child's output (reading it for test results) runs beside the child instead of holding up
/// the loop that drains its pipes. At most `limit` bytes wait in between; a writer that would
/// exceed it waits (nothing is dropped, so what `target` sees is exactly what was written).
final class BackgroundSink: OutputSink, @unchecked Sendable {
    private let target: OutputSink
    private let limit: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var chunks: [[UInt8]] = []
    private var queued = 0
    private var closed = false
    private var drained = false

    /// - Parameter limit: bytes that may wait for `target` (default 8 MiB).
    init(target: OutputSink, limit: Int = 8 << 20) {
        self.target = target
        self.limit = limit
        let thread = Thread { [self] in drain() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        condition.lock()
        while queued > 0, queued + bytes.count > limit, !closed { condition.wait() }
        if !closed {
            chunks.append(Array(bytes))
            queued += bytes.count
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Waits until `target` has been given every byte written before; later writes are dropped.
    func finish() {
        condition.lock()
        closed = true
        condition.broadcast()
        while !drained { condition.wait() }
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            while chunks.isEmpty, !closed { condition.wait() }
            let taken = chunks
            chunks = []
            if taken.isEmpty, closed {
                drained = true
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            for chunk in taken { chunk.withUnsafeBytes { target.write($0) } }
            condition.lock()
            queued -= taken.reduce(0) { $0 + $1.count }
            condition.broadcast()
            condition.unlock()
        }
    }
}
