import Foundation

/// Writes the `gh` shim into a directory the user puts before the real `gh` on PATH.
public struct GHShimInstaller: Sendable {
    public let directory: URL
    public let binary: String

    public init(directory: URL, binary: String) {
        self.directory = directory
        self.binary = binary
    }

    /// Writes (or rewrites) `<directory>/gh`; refuses to overwrite a `gh` that is not greenlight's.
    public func install() throws -> URL {
        let file = directory.appendingPathComponent("gh")
        if FileManager.default.fileExists(atPath: file.path), !RealGH.isShim(file.path) {
            throw FileError(path: file.path, reason: "is not greenlight's gh shim; refusing to overwrite it")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(HookScript.gh(binary: binary).utf8).write(to: file, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        } catch {
            throw FileError(path: file.path, reason: "cannot write the gh shim: \(error.localizedDescription)")
        }
        return file
    }
}
