import CLibGit2
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tracked state of a working tree at one moment, cheap enough to take before and after
/// the fast tier runs in the workspace: if the two differ, a tracked file was touched while
/// the steps ran (even if its bytes were put back), and their verdict describes nothing.
///
/// Holds HEAD, every index entry's path, object, mode and flags, the `lstat` of each
/// tracked file in the working tree (times with nanoseconds, size, inode, device, mode),
/// and, for each submodule, the same recursively. It leaves out what changes without
/// touching the content the steps see: untracked and ignored files, directories'
/// own times, the index file's stat and the stat data cached in its entries (`git
/// status`, which build tools run, rewrites the index just to refresh those).
/// A tool that rewrites a tracked file with identical bytes does count.
public struct WorkspaceSnapshot: Equatable, Sendable {
    /// `lstat` of a working-tree file.
    public struct FileState: Equatable, Sendable {
        var modified: timespec
        var changed: timespec
        var size: Int64
        var inode: UInt64
        var device: UInt64
        var mode: UInt32

        public static func == (a: FileState, b: FileState) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
                && a.size == b.size && a.inode == b.inode && a.device == b.device && a.mode == b.mode
        }
    }

    /// One index entry and its file.
    struct Entry: Equatable, Sendable {
        var path: String
        var id: ObjectID.Raw
        var mode: UInt32
        var flags: UInt16
        var extendedFlags: UInt16
        /// `nil` when the file is missing (or cannot be stat'ed); always `nil` for a gitlink,
        /// whose directory changes with every untracked file; `submodules` covers it.
        var file: FileState?

        static func == (a: Entry, b: Entry) -> Bool {
            a.id == b.id && a.mode == b.mode && a.flags == b.flags && a.extendedFlags == b.extendedFlags
                && a.file == b.file && a.path.utf8.count == b.path.utf8.count && a.path == b.path
        }
    }

    struct Submodule: Equatable, Sendable {
        var path: String
        /// `nil` when it is not checked out.
        var snapshot: WorkspaceSnapshot?
    }

    var head: ObjectID?
    var entries: [Entry]
    var submodules: [Submodule]

    /// How many tracked paths the snapshot holds, submodules' included.
    public var count: Int { entries.count + submodules.reduce(0) { $0 + ($1.snapshot?.count ?? 0) } }

    /// The first path (in index order) whose state differs between `earlier` and this snapshot,
    /// `"HEAD"` when HEAD moved; `nil` when they are equal.
    public func firstDifference(from earlier: WorkspaceSnapshot) -> String? {
        if head != earlier.head { return "HEAD" }
        for (now, then) in zip(entries, earlier.entries) where now != then {
            // Same path: that entry changed. Different paths: one was added or removed; the
            // smaller is the one missing from the other side.
            if now.path.utf8.count == then.path.utf8.count, now.path == then.path { return now.path }
            return now.path.utf8.lexicographicallyPrecedes(then.path.utf8) ? now.path : then.path
        }
        if entries.count != earlier.entries.count {
            return (entries.count > earlier.entries.count ? entries[earlier.entries.count] : earlier.entries[entries.count]).path
        }
        for (now, then) in zip(submodules, earlier.submodules) where now != then {
            guard now.path == then.path else { return now.path }
            guard let current = now.snapshot, let previous = then.snapshot else { return now.path }
            return current.firstDifference(from: previous).map { "\(now.path)/\($0)" } ?? now.path
        }
        if submodules.count != earlier.submodules.count { return "a submodule" }
        return nil
    }
}

extension ObjectID {
    /// A git object name's 20 bytes, compared without making a string of them.
    struct Raw: Equatable, Sendable {
        let high: UInt64, middle: UInt64, low: UInt32

        init(_ oid: git_oid) {
            var copy = oid
            (high, middle, low) = withUnsafeBytes(of: &copy.id) { bytes in
                (bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                 bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                 bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
            }
        }
    }
}

extension Repository {
    /// Takes the working tree's tracked state now (see `WorkspaceSnapshot`). Reads the index
    /// from disk with libgit2 and `lstat`s every tracked path.
    public func workspaceSnapshot() throws(GitError) -> WorkspaceSnapshot {
        guard let workdir = workingDirectory else {
            throw GitError(call: "workspace snapshot", code: -1, message: "the repository has no working tree")
        }
        let directory = systemOpen(workdir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else {
            throw GitError(call: "open", code: -1, message: "cannot open \(workdir.path): \(String(cString: strerror(errno)))")
        }
        defer { systemClose(directory) }
        let taken = try withHandle { (repo) throws(GitError) -> (head: ObjectID?, entries: [WorkspaceSnapshot.Entry]) in
            var head: ObjectID?
            var id = git_oid()
            let found = git_reference_name_to_id(&id, repo, "HEAD")
            if found == 0 { head = ObjectID(id) }
            else if found != GIT_ENOTFOUND.rawValue { try gitCheck("git_reference_name_to_id", found) }

            var index: OpaquePointer?
            try gitCheck("git_repository_index", git_repository_index(&index, repo))
            defer { git_index_free(index) }
            try gitCheck("git_index_read", git_index_read(index, 1))
            let count = git_index_entrycount(index)
            var entries: [WorkspaceSnapshot.Entry] = []
            entries.reserveCapacity(count)
            var info = stat()
            for position in 0..<count {
                guard let entry = git_index_get_byindex(index, position)?.pointee else { continue }
                var file: WorkspaceSnapshot.FileState?
                if entry.mode != UInt32(GIT_FILEMODE_COMMIT.rawValue), fstatat(directory, entry.path, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    file = WorkspaceSnapshot.FileState(info)
                }
                entries.append(WorkspaceSnapshot.Entry(
                    path: String(cString: entry.path), id: ObjectID.Raw(entry.id), mode: entry.mode,
                    flags: entry.flags, extendedFlags: entry.flags_extended & UInt16(GIT_INDEX_ENTRY_EXTENDED_FLAGS.rawValue),
                    file: file))
            }
            return (head, entries)
        }
        var submodules: [WorkspaceSnapshot.Submodule] = []
        for entry in taken.entries where entry.mode == UInt32(GIT_FILEMODE_COMMIT.rawValue) {
            let path = workdir.appendingPathComponent(entry.path, isDirectory: true).standardizedFileURL
            let repository = try? Repository.open(at: path)
            let snapshot = repository?.workingDirectory?.path == path.path ? try repository?.workspaceSnapshot() : nil
            submodules.append(WorkspaceSnapshot.Submodule(path: entry.path, snapshot: snapshot))
        }
        return WorkspaceSnapshot(head: taken.head, entries: taken.entries, submodules: submodules)
    }
}

extension WorkspaceSnapshot.FileState {
    init(_ info: stat) {
        #if canImport(Darwin)
        modified = info.st_mtimespec
        changed = info.st_ctimespec
        #else
        modified = info.st_mtim
        changed = info.st_ctim
        #endif
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
        mode = UInt32(info.st_mode)
    }
}

// `open` and `close` as free functions: inside `Repository`, `open` names `Repository.open(at:)`.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags)
    #else
    Darwin.open(path, flags)
    #endif
}

private func systemClose(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #else
    _ = Darwin.close(descriptor)
    #endif
}
