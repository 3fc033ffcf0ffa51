import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Every cache directory this user's clean rooms have mounted, in any repository:
/// `$XDG_STATE_HOME/greenlight/cache-directories` (`~/.local/state/greenlight/` when unset), one
/// absolute path per line, written under an exclusive `flock(2)`.
///
/// A step can write anything below its own caches, symbolic links included, so no cache may lie
/// in or around another one, and that holds across repositories too: a cache of one repository
/// below another repository's cache could be redirected by the other repository's steps. The
/// registry is how `CacheStore` knows the other repositories' caches. It lives outside every
/// cache and every sandbox, so no step can edit it.
struct CacheRegistry: Sendable {
    /// `nil` when the user has no home and no `XDG_STATE_HOME`: nothing is known or recorded then.
    let file: URL?

    init(environment: [String: String]) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            file = URL(fileURLWithPath: state).appendingPathComponent("greenlight/cache-directories")
        } else if let home = UserHome.preferred(environment: environment) {
            file = URL(fileURLWithPath: home).appendingPathComponent(".local/state/greenlight/cache-directories")
        } else {
            file = nil
        }
    }

    /// The directories recorded (whether or not they still exist).
    func entries() -> [String] {
        guard let file, let data = FileManager.default.contents(atPath: file.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { $0.hasPrefix("/") }
    }

    /// Records `directories` (resolved, absolute) that are not recorded yet.
    /// - Throws: `FileError` naming the registry when it cannot be written: a cache that cannot be
    ///   recorded is not mounted, since another repository could then nest a cache in it unseen.
    func register(_ directories: [String]) throws(FileError) {
        guard let file, !directories.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileError(path: file.path, reason: "cannot create the directory of the cache registry: \((error as NSError).localizedDescription)")
        }
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw FileError(path: file.path, reason: "cannot open the cache registry: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw FileError(path: file.path, reason: "cannot lock the cache registry: \(String(cString: strerror(errno)))") }
        }
        let known = Set(entries())
        let missing = directories.filter { !known.contains($0) && !$0.contains("\n") }
        guard !missing.isEmpty else { return }
        let bytes = Array(missing.map { $0 + "\n" }.joined().utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw FileError(path: file.path, reason: "cannot write the cache registry: \(String(cString: strerror(errno)))")
        }
    }
}
