import Foundation

/// Detached gate runs of a repository, shared by all its worktrees: `<common git dir>/greenlight/runs/`
/// holds, per run key (`GateRunKey.name`), the status (`<key>.json`), the lock its process holds
/// while it runs (`<key>.lock`, flock(2)), and its console output (`<key>.out`); and per worktree
/// the newest rehearsal (`rehearsal-<worktree hash>`).
public struct GateRunStore: Sendable {
    public let directory: URL

    public init(repository: Repository) {
        directory = repository.commonDirectory.appendingPathComponent("greenlight/runs", isDirectory: true)
    }

    func statusFile(_ key: GateRunKey) -> URL { directory.appendingPathComponent("\(key.name).json") }
    func lockFile(_ key: GateRunKey) -> URL { directory.appendingPathComponent("\(key.name).lock") }
    public func outputFile(_ key: GateRunKey) -> URL { directory.appendingPathComponent("\(key.name).out") }
    /// Names the commit whose rehearsal replaced the run of `key` (written before it is stopped).
    func supersededFile(_ key: GateRunKey) -> URL { directory.appendingPathComponent("\(key.name).superseded") }

    /// The status of the run of `key`, if one was ever started; `nil` when none (or unreadable).
    public func status(_ key: GateRunKey) -> GateRunStatus? {
        guard let data = FileManager.default.contents(atPath: statusFile(key).path) else { return nil }
        return try? Self.decoder.decode(GateRunStatus.self, from: data)
    }

    /// Writes `status` whole (a temporary file renamed into place).
    /// - Throws: `FileError` naming the file.
    public func write(_ status: GateRunStatus, key: GateRunKey) throws(FileError) {
        let file = statusFile(key)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Self.encoder.encode(status).write(to: file, options: .atomic)
        } catch {
            throw FileError(path: file.path, reason: "cannot write the gate run's status: \(error.localizedDescription)")
        }
    }

    /// Whether a process holds the run lock of `key` (a run is going on).
    public func isRunning(_ key: GateRunKey) -> Bool {
        let fd = open(lockFile(key).path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { return false }
        return errno == EWOULDBLOCK
    }

    /// Takes the run lock of `key` for this process's lifetime (the descriptor stays open);
    /// `nil` when another process holds it.
    /// - Throws: `FileError` when the lock file cannot be created.
    public func lock(_ key: GateRunKey) throws(FileError) -> Int32? {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fd = open(lockFile(key).path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(path: lockFile(key).path, reason: "cannot open the gate run's lock: \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return fd }
        close(fd)
        return nil
    }

    /// Every run whose status says running and whose lock is held, newest first.
    public func running() -> [GateRunStatus] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.compactMap { name -> GateRunStatus? in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                  let status = try? Self.decoder.decode(GateRunStatus.self, from: data), status.state == .running,
                  let commit = ObjectID(hex: status.commit), isRunning(GateRunKey(commit: commit, gateDigest: status.gateDigest))
            else { return nil }
            return status
        }.sorted { $0.startedAt > $1.startedAt }
    }

    /// Says, before the run of `key` is stopped, that `commit`'s rehearsal replaced it (its status then names it).
    public func markSuperseded(_ key: GateRunKey, by commit: ObjectID) {
        try? commit.hex.write(to: supersededFile(key), atomically: true, encoding: .utf8)
    }

    /// The file naming the newest rehearsal of `worktree` (its run key's name).
    func rehearsalFile(worktree: String) -> URL {
        let hash = worktree.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        return directory.appendingPathComponent(String(format: "rehearsal-%016llx", hash))
    }

    /// The key of the newest rehearsal in `worktree`, and records `key` as the new one.
    public func replaceRehearsal(worktree: String, with key: GateRunKey) -> GateRunKey? {
        let file = rehearsalFile(worktree: worktree)
        let previous = (try? String(contentsOf: file, encoding: .utf8)).flatMap { text -> GateRunKey? in
            let parts = text.split(separator: " ").map(String.init)
            guard parts.count == 2, let commit = ObjectID(hex: parts[0]) else { return nil }
            return GateRunKey(commit: commit, gateDigest: parts[1])
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? "\(key.commit.hex) \(key.gateDigest)".write(to: file, atomically: true, encoding: .utf8)
        return previous
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else { throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a time: \(text)") }
            return date
        }
        return decoder
    }
}
