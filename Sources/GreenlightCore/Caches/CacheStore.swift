import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where the clean room's caches (`clean_room.caches`) live on this machine, where none may
/// live, and the locks that keep `greenlight caches prune` from emptying a cache a clean room is
/// using.
///
/// Layout under the common git dir (shared by every worktree):
/// - `greenlight/caches/<name>/`: a cache's contents, unless its `path` names another directory;
/// - `greenlight/caches/.locks/<name>.lock`: held shared (`flock(2)`) by every clean room that
///   mounts the cache, exclusively by a prune; its modification time is when a clean room last
///   mounted the cache.
///
/// A cache is the one place a sealed step writes that outlives it, and it is mounted read-write:
/// so its directory (symbolic links resolved) must be nothing else a step could use to reach
/// out, and no other cache (`locate(_:)`).
public struct CacheStore: Sendable {
    /// `<common git dir>/greenlight/caches`.
    public let root: URL
    /// The repository's working tree, where no cache may live (it would be workspace state).
    let workingDirectory: URL?
    let commonDirectory: URL
    /// The user's homes (`$HOME` and the password database's), which a cache may not be, hold or
    /// be inside (but for greenlight's own `~/.cache/greenlight`).
    let homes: [String]
    /// `$XDG_CACHE_HOME`, when set.
    let cacheHome: String?
    /// Where clean rooms make their checkouts (TMPDIR): a cache may not be or hold it.
    let temporaryDirectory: String
    /// Every cache directory this user's clean rooms mounted, in any repository.
    let registry: CacheRegistry

    /// - Parameter environment: the workspace's (`HOME`, `XDG_CACHE_HOME`, `TMPDIR`).
    public init(repository: Repository, environment: [String: String] = ProcessInfo.processInfo.environment, temporaryDirectory: URL? = nil) {
        root = repository.commonDirectory.appendingPathComponent("greenlight/caches", isDirectory: true)
        workingDirectory = repository.workingDirectory
        commonDirectory = repository.commonDirectory
        homes = UserHome.all(environment: environment)
        registry = CacheRegistry(environment: environment)
        cacheHome = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        self.temporaryDirectory = temporaryDirectory?.path ?? environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    var locksDirectory: URL { root.appendingPathComponent(".locks", isDirectory: true) }

    /// The directory that holds `cache`'s contents, as configured (before symbolic links are resolved).
    public func directory(for cache: CacheDefinition) -> URL {
        cache.path.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? root.appendingPathComponent(cache.name, isDirectory: true)
    }

    func lockFile(for name: String) -> URL { locksDirectory.appendingPathComponent("\(name).lock") }

    /// One cache as this machine has it: its directory with symbolic links resolved, or why no
    /// cache may be there.
    public struct Located: Sendable, Equatable {
        public let definition: CacheDefinition
        /// The configured directory, symbolic links resolved (as far as it exists).
        public let directory: URL
        public let problem: String?
    }

    /// Directories no cache may be in (nor be): the system's.
    static let systemDirectories = ["/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/boot", "/proc", "/sys",
                                    "/dev", "/run", "/root", "/snap", "/var/lib", "/var/log", "/var/run", "/var/spool", "/var/mail"]

    /// Where each cache of `caches` lives, and why it may not when it may not. A cache's directory
    /// may not be a whole top-level directory (`/tmp`, `/var`), the working tree or in it (it is
    /// never the project's own build output), in or around the git directory (but for the default
    /// place, a real directory `greenlight/caches/<name>`), HOME or in it or around it (but for
    /// `~/.cache/greenlight/…` or `$XDG_CACHE_HOME/greenlight/…`), around the directory where clean
    /// rooms make their checkouts, a system directory, or in or around another cache.
    public func locate(_ caches: [CacheDefinition]) -> [Located] {
        let registered = registry.entries()
        var located = caches.map { cache in
            let directory = URL(fileURLWithPath: Self.resolved(self.directory(for: cache).path), isDirectory: true)
            return Located(definition: cache, directory: directory, problem: problem(with: directory, cache: cache, registered: registered))
        }
        for index in located.indices where located[index].problem == nil {
            let path = located[index].directory.path
            if let other = registered.first(where: { $0 != path && (Self.within(path, $0) || Self.within($0, path)) }) {
                located[index] = Located(definition: located[index].definition, directory: located[index].directory,
                                         problem: "cache '\(located[index].definition.name)' would live at \(path), in or around \(other), a cache another clean room of this user mounts (\(registry.file?.path ?? "the cache registry")): its steps could redirect this one")
                continue
            }
            if let other = located.first(where: { $0.definition.name != located[index].definition.name
                    && (Self.within(path, $0.directory.path) || Self.within($0.directory.path, path)) }) {
                located[index] = Located(definition: located[index].definition, directory: located[index].directory,
                                         problem: "cache '\(located[index].definition.name)' would live at \(path), in or around cache '\(other.definition.name)' at \(other.directory.path): a step writing one could redirect the other")
            }
        }
        return located
    }

    /// Whether `path` is `base` or below it, compared byte by byte (a `String` compares by
    /// grapheme, and "/" followed by a combining mark is one grapheme that `hasPrefix("/")` misses).
    static func within(_ path: String, _ base: String) -> Bool {
        let path = Array(path.utf8)
        var base = Array(base.utf8)
        if base.last != UInt8(ascii: "/") { base.append(UInt8(ascii: "/")) }
        return path + [UInt8(ascii: "/")] == base || path.starts(with: base)
    }

    /// Why `directory` (symbolic links already resolved) cannot hold `cache`, or `nil`.
    func problem(with directory: URL, cache: CacheDefinition, registered: [String]) -> String? {
        let path = directory.path
        let name = cache.name
        let ownRoot = Self.resolved(root.path)
        if cache.path == nil {
            // The default place: a real directory greenlight made, reached through no symbolic link.
            let expected = ownRoot + "/" + name
            var status = stat()
            let configured = self.directory(for: cache).path
            if lstat(configured, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR {
                return "cache '\(name)': \(configured) is not a directory greenlight made (a symbolic link or a file); remove it and the next run makes it"
            }
            if path != expected {
                return "cache '\(name)': \(configured) leads to \(path) through a symbolic link; remove the link"
            }
            return nil
        }
        let within = Self.within
        let configured = self.directory(for: cache).path
        if let link = Self.firstSymbolicLink(in: configured) {
            return "cache '\(name)' would be reached through the symbolic link \(link): name the directory itself (a step writing a cache could plant such a link)"
        }
        let components = path.utf8.split(separator: UInt8(ascii: "/")).map(Array.init)
        if components.contains(Array(".git".utf8)) {
            return "cache '\(name)' would live at \(path), inside a git directory"
        }
        if (Array(path.utf8) + [UInt8(ascii: "/")]).firstRange(of: Array("/greenlight/caches/".utf8)) != nil {
            return "cache '\(name)' would live at \(path), among another repository's caches"
        }
        if components.count < 2 {
            return "cache '\(name)' would live at \(path), a whole top-level directory: name a directory of its own below it"
        }
        if let tree = workingDirectory.map({ Self.resolved($0.path) }), within(path, tree) || within(tree, path) {
            return "cache '\(name)' would live at \(path), \(within(path, tree) ? "inside" : "around") the working tree \(tree): a cache is never workspace state or the project's own build output"
        }
        let common = Self.resolved(commonDirectory.path)
        if within(common, path) || within(path, common) || within(path, ownRoot) {
            return "cache '\(name)' would live at \(path), in or around the repository's git directory \(common); leave out `path` to keep it in \(ownRoot)/\(name)"
        }
        let temporary = Self.resolved(temporaryDirectory)
        if within(temporary, path) {
            return "cache '\(name)' would live at \(path), which holds \(temporary), where clean rooms make their checkouts"
        }
        for home in homes.map(Self.resolved) {
            let join = { (base: String, rest: String) in (base == "/" ? "" : base) + rest }
            // An allowance is greenlight's own directory strictly inside HOME, never HOME or above it.
            let allowed = ([join(home, "/.cache/greenlight")] + (cacheHome.map { [join(Self.resolved($0), "/greenlight")] } ?? []))
                .filter { within($0, home) && !within(home, $0) }
            if within(home, path) {
                return "cache '\(name)' would live at \(path), which is HOME or holds it"
            }
            if within(path, home), !allowed.contains(where: { path != $0 && within(path, $0) }) {
                return "cache '\(name)' would live at \(path), inside HOME, where a step writing it could reach the user's files; use a directory below \(join(home, "/.cache/greenlight"))/ or outside HOME"
            }
        }
        for system in Self.systemDirectories where within(path, system) || within(system, path) {
            return "cache '\(name)' would live at \(path), \(within(path, system) ? "a system directory" : "which holds the system directory \(system)")"
        }
        // An existing directory becomes a cache only when it is empty or one already: a step may
        // write anything in a cache, so it must hold nothing else (another repository, tools, keys).
        if !registered.contains(path), let contents = try? FileManager.default.contentsOfDirectory(atPath: path), !contents.isEmpty {
            return "cache '\(name)' would live at \(path), which already holds files no clean room put there (\(contents.sorted().prefix(3).joined(separator: ", "))…): name a new or empty directory"
        }
        return nil
    }

    /// Makes each cache's directory (mode 0700 when new), checks where it is (`locate`), and takes
    /// its lock shared, waiting while a prune holds it. The lease holds the locks until released;
    /// its directories are the resolved ones, so a symbolic link swapped in later is not followed.
    /// - Throws: `FileError` naming the directory when one cannot be made, is not allowed or
    ///   cannot be locked; no lock is kept then.
    public func lease(_ caches: [CacheDefinition], waiting: (String) -> Void = { _ in }) throws(FileError) -> CacheLease {
        var lease = CacheLease()
        do throws(FileError) {
            for located in locate(caches) {
                let configured = directory(for: located.definition)
                if let problem = located.problem { throw FileError(path: configured.path, reason: problem) }
                try Self.makeDirectory(configured)
                // Again now that it exists: a link made in between is caught here.
                let again = locate(caches).first { $0.definition == located.definition }
                if let problem = again?.problem { throw FileError(path: configured.path, reason: problem) }
                guard again?.directory == URL(fileURLWithPath: Self.resolved(configured.path), isDirectory: true) else {
                    throw FileError(path: configured.path, reason: "cache '\(located.definition.name)' moved while it was being prepared")
                }
                let lock = try CacheLock.open(lockFile(for: located.definition.name), in: locksDirectory)
                lease.add(lock)
                if !lock.tryLock(shared: true) {
                    waiting("cache '\(located.definition.name)' is being pruned; waiting for the prune to finish")
                    try lock.lock(shared: true)
                }
                lock.touch()
                lease.mounted.append(CacheLease.Mounted(definition: located.definition,
                                                        directory: URL(fileURLWithPath: Self.resolved(configured.path), isDirectory: true)))
            }
            try registry.register(lease.mounted.map(\.directory.path))
        } catch {
            lease.release()
            throw error
        }
        return lease
    }

    /// The first component of `path` (absolute, normalised) that is a symbolic link, or `nil`.
    static func firstSymbolicLink(in path: String) -> String? {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            var status = stat()
            guard lstat(prefix, &status) == 0 else { return nil }  // the rest does not exist yet
            if (status.st_mode & S_IFMT) == S_IFLNK { return prefix }
        }
        return nil
    }

    /// `mkdir -p` with mode 0700 for what it creates.
    /// - Throws: `FileError` naming the path.
    static func makeDirectory(_ url: URL) throws(FileError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileError(path: url.path, reason: "cannot create the cache directory: \((error as NSError).localizedDescription)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileError(path: url.path, reason: "is not a directory")
        }
    }

    /// `path` with symbolic links resolved (`realpath(3)`) as far as it exists; the rest appended.
    static func resolved(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !existing.isEmpty, existing != "/" {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let url = URL(fileURLWithPath: existing)
            rest.append(url.lastPathComponent)
            existing = url.deletingLastPathComponent().path
        }
        return "/" + rest.reversed().joined(separator: "/")
    }
}
