import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// greenlight's stderr, written with write(2): a reader that went away (EPIPE) or a full disk
/// loses the text and nothing else (Foundation's `FileHandle.write` would trap).
public enum StandardError {
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
