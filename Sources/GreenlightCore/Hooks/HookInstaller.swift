import Foundation

/// Installs and removes the pre-push shim where git will run it, keeping any hook that
/// was there before: chained (run first) by default, set aside with `--force`, and put
/// back byte for byte by `uninstall`.
public struct HookInstaller: Sendable {
    public enum Action: Equatable, Sendable {
        case installed
        /// A previous greenlight hook was rewritten (e.g. the binary moved).
        case updated
        case alreadyInstalled
        /// A foreign hook was kept as `pre-push.greenlight-chained` and runs first.
        case chained
        /// A foreign hook was set aside as `pre-push.greenlight-replaced` and no longer runs.
        case replaced
    }

    public enum RemovalAction: Equatable, Sendable {
        case removed
        /// The hook that was there before greenlight is back.
        case restored
        case notInstalled
    }

    public struct Refusal: Error, CustomStringConvertible, LocalizedError, Sendable {
        public let message: String
        public var description: String { message }
        public var errorDescription: String? { message }
    }

    public let location: HookLocation
    /// Absolute path of the greenlight binary the hook should run.
    public let binary: String

    /// Which hook: `pre-push` (the gate) or `post-commit` (the rehearsal).
    public let name: String

    public init(location: HookLocation, binary: String, name: String = "pre-push") {
        self.location = location
        self.binary = binary
        self.name = name
    }

    /// The installer of the post-commit rehearsal hook next to this one.
    public var postCommit: HookInstaller { HookInstaller(location: location, binary: binary, name: "post-commit") }

    /// The installer for where git runs `repository`'s hooks.
    public static func forRepository(_ repository: Repository, binary: String, home: String?) throws(GitError) -> HookInstaller {
        HookInstaller(location: try HookLocation.resolve(for: repository, home: home), binary: binary)
    }

    public var hookFile: URL { location.directory.appendingPathComponent(name) }
    public var chainedFile: URL { location.directory.appendingPathComponent("\(name).greenlight-chained") }
    public var replacedFile: URL { location.directory.appendingPathComponent("\(name).greenlight-replaced") }

    public func install(force: Bool) throws -> Action {
        let fileManager = FileManager.default
        let script = name == "post-commit" ? HookScript.postCommit(binary: binary) : HookScript.prePush(binary: binary)
        try createDirectory()
        guard let existing = fileManager.contents(atPath: hookFile.path) else {
            try write(script)
            return .installed
        }
        let existingText = String(decoding: existing, as: UTF8.self)
        if existingText.contains(HookScript.marker) {
            if existingText == script { return .alreadyInstalled }
            try write(script)
            return .updated
        }
        // A hook greenlight did not write.
        if force {
            guard !fileManager.fileExists(atPath: replacedFile.path) else {
                throw Refusal(message: "\(replacedFile.path) already exists; move it away before replacing \(hookFile.path) again")
            }
            try move(hookFile, to: replacedFile)
            try write(script)
            return .replaced
        }
        guard !fileManager.fileExists(atPath: chainedFile.path) else {
            throw Refusal(message: """
                \(hookFile.path) is not greenlight's and \(chainedFile.path) already holds a chained hook; \
                merge them by hand, or run `greenlight install --force` to set \(hookFile.lastPathComponent) aside
                """)
        }
        try move(hookFile, to: chainedFile)
        try write(script)
        return .chained
    }

    public func uninstall() throws -> RemovalAction {
        let fileManager = FileManager.default
        guard let existing = fileManager.contents(atPath: hookFile.path),
              String(decoding: existing, as: UTF8.self).contains(HookScript.marker) else {
            return .notInstalled
        }
        try remove(hookFile)
        for previous in [chainedFile, replacedFile] where fileManager.fileExists(atPath: previous.path) {
            try move(previous, to: hookFile)
            return .restored
        }
        return .removed
    }

    private func createDirectory() throws {
        do {
            try FileManager.default.createDirectory(at: location.directory, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: location.directory.path, reason: "cannot create the hooks directory: \(error.localizedDescription)")
        }
    }

    /// Writes the hook through a temporary file and a rename, so git never runs half a hook.
    private func write(_ script: String) throws {
        let temporary = location.directory.appendingPathComponent(".\(name).greenlight-\(UUID().uuidString.prefix(8))")
        do {
            try Data(script.utf8).write(to: temporary)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary.path)
            if rename(temporary.path, hookFile.path) != 0 { throw FileError(path: hookFile.path, reason: String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FileError(path: hookFile.path, reason: "cannot write the hook: \(error.localizedDescription)")
        }
    }

    /// rename(2): the bytes and the mode of the file stay exactly as they were.
    private func move(_ source: URL, to destination: URL) throws {
        if rename(source.path, destination.path) != 0 {
            throw FileError(path: source.path, reason: "cannot move to \(destination.path): \(String(cString: strerror(errno)))")
        }
    }

    private func remove(_ file: URL) throws {
        if unlink(file.path) != 0 { throw FileError(path: file.path, reason: "cannot remove: \(String(cString: strerror(errno)))") }
    }
}
