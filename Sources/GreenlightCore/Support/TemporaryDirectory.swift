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

    /// One removal at a time: a forced exit and a runner's own cleanup never walk the same
    /// tree at once (each would find entries vanishing under it and give up half way).
    private static let removing = NIOLock()

    /// Removes it and everything in it (a path already gone counts as removed); a tree that
    /// changes while it is removed is walked again, up to three times. Problems are returned
    /// as a warning, not thrown.
    @discardableResult
    public static func remove(_ url: URL) -> String? {
        removing.withLock {
            var lastError: Error?
            for _ in 0..<3 {
                do {
                    try FileManager.default.removeItem(at: url)
                    lastError = nil
                    break
                } catch {
                    lastError = error
                    if !FileManager.default.fileExists(atPath: url.path) { lastError = nil; break }
                }
            }
            guard let lastError else {
                live.withLockedValue { _ = $0.remove(url.path) }
                return nil
            }
            return "could not remove \(url.path): \(lastError.localizedDescription)"
        }
    }
}
