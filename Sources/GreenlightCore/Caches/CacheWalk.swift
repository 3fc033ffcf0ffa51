import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A depth-first walk of a directory tree through directory descriptors (`openat(2)`,
/// `fstatat(2)` with `AT_SYMLINK_NOFOLLOW`, every directory opened `O_NOFOLLOW`), children
/// before their directory, so a visitor may remove what it is shown (`unlinkat(2)` on the
/// entry's parent descriptor). A symbolic link is an entry, never followed, even one swapped
/// in for a directory during the walk; no path is ever longer than one name, so a tree deeper
/// than `PATH_MAX` is walked too. Iterative: one open descriptor per level, no recursion.
enum CacheWalk {
    struct Entry {
        /// The descriptor of the directory that holds the entry (valid during the visit only).
        let parent: Int32
        let name: String
        /// For messages only: the walk never opens anything by this path.
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

    private struct Level {
        let descriptor: Int32
        let path: String
        var names: [String]
        var next = 0
        /// The directory's own entry, visited once its children are done (`nil` for the root).
        let entry: Entry?
    }

    /// Visits everything below `root` (not `root` itself, which must be a real directory).
    /// - Parameters:
    ///   - makeReadable: a directory its owner cannot read or search (mode 000) is given `u+rwx`
    ///     first (what a prune needs); otherwise it is reported and skipped.
    ///   - problem: told each entry that cannot be read, with why.
    static func walk(_ root: String, makeReadable: Bool = false, problem: (String) -> Void = { _ in }, visit: (Entry) -> Void) {
        raiseDescriptorLimit()
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            problem("\(root): cannot open: \(String(cString: strerror(errno)))")
            return
        }
        guard let names = names(in: descriptor, path: root, problem: problem) else { return }
        var stack = [Level(descriptor: descriptor, path: root, names: names, entry: nil)]
        while !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].next == stack[top].names.count {
                let level = stack.removeLast()
                if let entry = level.entry, let parent = stack.last {
                    // Visited while its parent's descriptor is open (the visit may remove it).
                    visit(Entry(parent: parent.descriptor, name: entry.name, path: entry.path, status: entry.status))
                }
                close(level.descriptor)
                continue
            }
            let name = stack[top].names[stack[top].next]
            stack[top].next += 1
            let parent = stack[top].descriptor
            let path = stack[top].path + "/" + name
            var status = stat()
            guard fstatat(parent, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                if errno != ENOENT { problem("\(path): cannot read: \(String(cString: strerror(errno)))") }
                continue
            }
            let entry = Entry(parent: parent, name: name, path: path, status: status)
            guard entry.isDirectory else {
                visit(entry)
                continue
            }
            var child = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child < 0, errno == EACCES, makeReadable {
                fchmodat(parent, name, (status.st_mode & 0o7777) | S_IRWXU, 0)
                child = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard child >= 0 else {
                problem("\(path): cannot open: \(String(cString: strerror(errno)))")
                continue
            }
            guard let childNames = Self.names(in: child, path: path, problem: problem) else { continue }
            stack.append(Level(descriptor: child, path: path, names: childNames, entry: entry))
        }
    }

    /// The names in the directory open at `descriptor` (left open); `nil` (descriptor closed) when unreadable.
    private static func names(in descriptor: Int32, path: String, problem: (String) -> Void) -> [String]? {
        let copy = dup(descriptor)
        guard copy >= 0, let directory = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            problem("\(path): cannot list: \(String(cString: strerror(errno)))")
            close(descriptor)
            return nil
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// One descriptor per level of a deep tree: the soft limit is raised to the hard one, once.
    private static let raised: Bool = {
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return true
    }()

    private static func raiseDescriptorLimit() { _ = raised }
}
