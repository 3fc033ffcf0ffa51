import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes scripts that tests then run.
///
/// Foundation's `write(to:atomically:)` may hold its descriptor without close-on-exec; a
/// process that another test spawns at that moment inherits it, and running the script
/// then fails with ETXTBSY ("Text file busy") for as long as that process lives. Here the
/// descriptor is close-on-exec and is closed before the script can be run.
public enum ExecutableFile {
    /// Writes `content` to `url` (created or truncated) with `mode` (0755 by default).
    /// - Throws: `CocoaError` naming the path and errno when it cannot be opened, written or closed.
    public static func write(_ content: String, to url: URL, mode: mode_t = 0o755) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(url, "open") }
        let bytes = Array(content.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let error = failure(url, "write")
                close(fd)
                throw error
            }
            written += n
        }
        guard close(fd) == 0, chmod(url.path, mode) == 0 else { throw failure(url, "close/chmod") }
    }

    private static func failure(_ url: URL, _ call: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                 NSLocalizedDescriptionKey: "\(call) \(url.path): \(String(cString: strerror(errno)))"])
    }
}
