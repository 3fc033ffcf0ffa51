import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// A new, private directory (mkdtemp) that the caller removes. Every directory made and not
/// yet removed (or kept on request) is remembered, so that an exit forced by a signal can
/// remove them too (see `Cancellator`).
public enum TemporaryDirectory {
    private static let live = NIOLockedValueBox(Set<String>())

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
        let path = String(cString: made)
        live.withLockedValue { _ = $0.insert(path) }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Leaves `url` in place for good (`--keep`): a forced exit no longer removes it.
    public static func keep(_ url: URL) {
        live.withLockedValue { _ = $0.remove(url.path) }
    }

    /// Removes every directory made and not yet removed or kept; returns the problems as warnings.
    public static func removeAllLive() -> [String] {
        let paths = live.withLockedValue { $0 }
        return paths.compactMap { remove(URL(fileURLWithPath: $0, isDirectory: true)) }
    }

    /// Removes it and everything in it; problems are returned as a warning, not thrown.
    @discardableResult
    public static func remove(_ url: URL) -> String? {
        do {
            try FileManager.default.removeItem(at: url)
            live.withLockedValue { _ = $0.remove(url.path) }
            return nil
        } catch {
            return "could not remove \(url.path): \(error.localizedDescription)"
        }
    }
}
