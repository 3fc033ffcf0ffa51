import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A new, private directory (mkdtemp) that the caller removes.
public enum TemporaryDirectory {
    public struct CreateError: Error, CustomStringConvertible, LocalizedError {
        public let path: String
        public let reason: String
        public var description: String { "cannot create a temporary directory in \(path): \(reason)" }
        public var errorDescription: String? { description }
    }

    public static func make(in parent: URL, prefix: String) throws -> URL {
        var template = Array(parent.appendingPathComponent("\(prefix)-XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw CreateError(path: parent.path, reason: String(cString: strerror(errno))) }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    /// Removes it and everything in it; problems are returned as a warning, not thrown.
    @discardableResult
    public static func remove(_ url: URL) -> String? {
        do {
            try FileManager.default.removeItem(at: url)
            return nil
        } catch {
            return "could not remove \(url.path): \(error.localizedDescription)"
        }
    }
}
