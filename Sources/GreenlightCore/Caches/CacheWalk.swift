import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A depth-first walk of a directory tree with `lstat(2)` (symbolic links are entries, never
/// followed), children before their directory, so a visitor may remove what it is shown.
enum CacheWalk {
    struct Entry {
        let path: String
        let status: stat
        var isDirectory: Bool { (status.st_mode & S_IFMT) == S_IFDIR }
        /// The later of the last access and the last modification (seconds since 1970): when a
        /// tool last used the entry, as far as the file system says (`relatime` updates access
        /// times at least daily; a `noatime` mount leaves the modification time).
        var lastUsed: TimeInterval {
            max(TimeInterval(status.st_atim.tv_sec), TimeInterval(status.st_mtim.tv_sec))
        }
        /// Bytes allocated on disk (`st_blocks` × 512), as `du` counts.
        var allocatedBytes: Int64 { Int64(status.st_blocks) * 512 }
    }

    /// Visits everything below `root` (not `root` itself). Unreadable directories are reported
    /// to `unreadable` and skipped.
    static func walk(_ root: String, unreadable: (String, Int32) -> Void = { _, _ in }, visit: (Entry) -> Void) {
        guard let directory = opendir(root) else {
            unreadable(root, errno)
            return
        }
        var children: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            children.append(root.hasSuffix("/") ? root + name : root + "/" + name)
        }
        closedir(directory)
        for child in children {
            var status = stat()
            guard lstat(child, &status) == 0 else { continue }  // gone in between
            let entry = Entry(path: child, status: status)
            if entry.isDirectory { walk(child, unreadable: unreadable, visit: visit) }
            visit(entry)
        }
    }
}
