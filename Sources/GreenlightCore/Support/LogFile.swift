import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An append-only log file written as output arrives, so memory stays bounded
/// whatever a step prints. Safe to write from several threads.
public final class LogFile: @unchecked Sendable {
    public let url: URL
    private let descriptor: Int32
    private let lock = NSLock()

    /// Opens (creating directories as needed) for appending; earlier runs' logs are kept above.
    public init(url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw FileError(path: url.path, reason: "cannot create the log directory: \(error.localizedDescription)")
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(path: url.path, reason: "cannot open the log: \(String(cString: strerror(errno)))") }
        self.url = url
        self.descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    public func write(_ text: String) {
        var copy = text
        copy.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}
