import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a container log from an offset with plain `pread`, retrying interrupted calls, so a signal
/// landing in the test process never truncates a log response.
enum LogFileReader {
    static func read(_ path: String, from offset: UInt64, upTo limit: Int = 1 << 20) -> [UInt8] {
        var descriptor: Int32
        repeat { descriptor = open(path, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var position = off_t(offset)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while result.count < limit {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, position) }
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            position += off_t(count)
        }
        return result
    }
}
