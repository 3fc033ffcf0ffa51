#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a byte stream into lines as a terminal would show them, in bounded memory.
///
/// - A line ends at "\n"; "\r\n" (and "\r\r\n") ends it too, without the "\r".
/// - A "\r" followed by anything else is a progress rewrite: what came before it on the line
///   is dropped, as the terminal would overwrite it ("50%\r60%\r70%\n" is the line "70%").
/// - A line longer than `maximumLineBytes` keeps its first `maximumLineBytes` bytes; the rest
///   of it, up to its end, is dropped (it may end inside a UTF-8 sequence; the decoder replaces
///   what is cut with U+FFFD).
/// - Bytes are not decoded here: invalid UTF-8 and NULs pass through as they are.
///
/// The stream may be cut anywhere between calls to `feed`: the lines are the same whatever
/// the chunks. Memory is one buffer of at most `maximumLineBytes`.
struct OutputLineSplitter: Sendable {
    /// The longest line kept, in bytes.
    static let maximumLineBytes = 4096

    private var line: [UInt8] = []
    /// A "\r" was the last byte seen: whether it ends the line ("\r\n") or rewrites it
    /// (anything else) depends on the next byte.
    private var carriageReturnPending = false

    init() {}

    /// Bytes held between calls (the partial line's buffer).
    var retainedBytes: Int { line.capacity }

    /// Feeds `bytes`, calling `emit` with each line completed by them (without its terminator).
    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (UnsafeRawBufferPointer) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        while index < count {
            if carriageReturnPending {
                let byte = bytes[index]
                if byte == 0x0A {
                    carriageReturnPending = false
                    emitLine(emit)
                    index += 1
                    continue
                }
                if byte == 0x0D {
                    index += 1
                    continue
                }
                carriageReturnPending = false
                line.removeAll(keepingCapacity: true)
            }
            let start = base + index
            let remaining = count - index
            var end = remaining
            if let newline = memchr(start, 0x0A, remaining) {
                end = UnsafeRawPointer(newline) - start
            }
            var isCarriageReturn = false
            if end > 0, let carriage = memchr(start, 0x0D, end) {
                end = UnsafeRawPointer(carriage) - start
                isCarriageReturn = true
            }
            append(UnsafeRawBufferPointer(start: start, count: end))
            if end == remaining { break }
            index += end + 1
            if isCarriageReturn {
                carriageReturnPending = true
            } else {
                emitLine(emit)
            }
        }
    }

    /// Ends the stream: a last line without its "\n" is emitted, if it holds anything.
    mutating func finish(_ emit: (UnsafeRawBufferPointer) -> Void) {
        carriageReturnPending = false
        if !line.isEmpty { emitLine(emit) }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let room = Self.maximumLineBytes - line.count
        guard room > 0, !bytes.isEmpty else { return }
        if line.capacity < Self.maximumLineBytes { line.reserveCapacity(Self.maximumLineBytes) }
        line.append(contentsOf: bytes.prefix(room))
    }

    private mutating func emitLine(_ emit: (UnsafeRawBufferPointer) -> Void) {
        line.withUnsafeBytes(emit)
        line.removeAll(keepingCapacity: true)
    }
}
