import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An open lock file of one cache (`flock(2)`): shared while a clean room mounts the cache,
/// exclusive while it is pruned. Opened close-on-exec, so no step inherits it.
public final class CacheLock: @unchecked Sendable {
    let descriptor: Int32
    let url: URL

    private init(descriptor: Int32, url: URL) {
        self.descriptor = descriptor
        self.url = url
    }

    /// Opens (creating) `url` inside `directory`, which is made when missing.
    /// - Throws: `FileError` naming the lock file.
    static func open(_ url: URL, in directory: URL) throws(FileError) -> CacheLock {
        try CacheStore.makeDirectory(directory)
        let descriptor = Glibc.open(url.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw FileError(path: url.path, reason: "cannot open the cache's lock file: \(String(cString: strerror(errno)))") }
        return CacheLock(descriptor: descriptor, url: url)
    }

    /// Takes the lock without waiting; `false` when another process holds it in a conflicting mode.
    func tryLock(shared: Bool) -> Bool {
        flock(descriptor, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0
    }

    /// Takes the lock, waiting (every 100 ms, without blocking a thread of the cooperative pool for long).
    /// - Throws: `FileError` when flock fails for another reason than a holder.
    func lock(shared: Bool) throws(FileError) {
        while flock(descriptor, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw FileError(path: url.path, reason: "cannot lock: \(String(cString: strerror(errno)))")
            }
            usleep(100_000)
        }
    }

    /// Sets the lock file's modification time to now: the cache was just mounted.
    func touch() { _ = futimens(descriptor, nil) }

    /// Closing the descriptor releases the lock.
    func close() { _ = Glibc.close(descriptor) }

}
