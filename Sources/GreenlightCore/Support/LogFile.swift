import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// An append-only log file written as output arrives, so memory stays bounded
/// whatever a step prints. Safe to write from several threads. A write that fails (a full
/// disk) is not retried; the first failure is kept in `problem` for the tier to report.
public final class LogFile: Sendable {
    public let url: URL
    private let descriptor: Int32
    /// The first write error, as a sentence; guarded by the same lock as the writes.
    private let failure = NIOLockedValueBox<String?>(nil)

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
        guard let base = bytes.baseAddress else { return }
        failure.withLockedValue { failure in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if failure == nil {
                        failure = "the log \(url.path) is incomplete: writing it failed: \(String(cString: strerror(errno)))"
                    }
                    return
                }
                offset += written
            }
        }
    }

    /// Why some output is missing from the file, `nil` while every write succeeded.
    public var problem: String? { failure.withLockedValue { $0 } }

    /// The file's size in bytes now. - Throws: `FileError` when it cannot be asked.
    public func size() throws -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw FileError(path: url.path, reason: "cannot read the log's size: \(String(cString: strerror(errno)))")
        }
        return Int(info.st_size)
    }

    public func write(_ text: String) {
        var copy = text
        copy.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}
