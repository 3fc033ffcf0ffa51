import Crypto
import Foundation

/// A local Ed25519 signing key on disk, as PKCS#8 PEM (RFC 8410 §7: `-----BEGIN PRIVATE KEY-----`,
/// the DER `30 2e 02 01 00 30 05 06 03 2b 65 70 04 22 04 20` followed by the 32-byte seed), so
/// `openssl pkey -in FILE -pubout` reads it too. Mode 0600.
///
/// The default place is `$XDG_CONFIG_HOME/greenlight/signing-key` (`~/.config/greenlight/` when
/// unset): per user, never inside a repository. Its signatures protect against accidents and
/// against other people; not against a coder who runs as the same user and can read it.
public struct SigningKeyFile: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// `$XDG_CONFIG_HOME/greenlight/signing-key`, else `$HOME/.config/greenlight/signing-key`. Only
    /// absolute paths count (XDG Base Directory spec); an unset, empty or relative `HOME` gives way
    /// to the user's home in the password database.
    public static func defaultLocation(environment: [String: String]) -> URL {
        func absolute(_ value: String?) -> String? { value.flatMap { $0.hasPrefix("/") ? $0 : nil } }
        let base = absolute(environment["XDG_CONFIG_HOME"])
            ?? ((UserHome.preferred(environment: environment) ?? "/") + "/.config")
        return URL(fileURLWithPath: base).appendingPathComponent("greenlight/signing-key")
    }

    /// The key file at `path` when given, else at `defaultLocation`.
    public static func at(_ path: String?, environment: [String: String]) -> SigningKeyFile {
        SigningKeyFile(url: path.map { URL(fileURLWithPath: $0) } ?? defaultLocation(environment: environment))
    }

    /// The working tree the key's path lies in, if any: found from its nearest existing directory
    /// (symbolic links resolved, so a link out of the config directory into a repository counts).
    func enclosingWorkingTree() -> URL? {
        var directory = url.resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL
        while !FileManager.default.fileExists(atPath: directory.path), directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return (try? Repository.discover(from: directory))?.workingDirectory
    }

    private static let derPrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]

    /// The PEM text of `key`.
    public static func pem(_ key: Curve25519.Signing.PrivateKey) -> String {
        let base64 = Data(derPrefix + Array(key.rawRepresentation)).base64EncodedString()
        return "-----BEGIN PRIVATE KEY-----\n\(base64)\n-----END PRIVATE KEY-----\n"
    }

    /// Reads the key.
    /// - Parameter groupReadable: accept group read permission (a Kubernetes Secret mounted for a
    ///   non-root attestor is readable through its `fsGroup`); world permission bits are refused always.
    /// - Throws: `FileError` naming the file: missing, a dangling symbolic link, a directory,
    ///   inside a repository (through a link), unreadable, not an Ed25519 PKCS#8 key, or readable
    ///   by others (group or world permission bits set).
    public func load(groupReadable: Bool = false) throws(FileError) -> Curve25519.Signing.PrivateKey {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            var link = stat()
            if lstat(url.path, &link) == 0 {
                throw FileError(path: url.path, reason: "a symbolic link to a file that does not exist; remove it, or create a key with `greenlight keys init --force`")
            }
            throw FileError(path: url.path, reason: "no signing key here (create one with `greenlight keys init`)")
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw FileError(path: url.path, reason: "is a directory, not a signing key") }
        if let repository = enclosingWorkingTree() {
            throw FileError(path: url.path, reason: "the signing key is inside a repository (\(repository.path)), where it can be committed or read by steps; "
                + "move it out (XDG_CONFIG_HOME chooses the default place)")
        }
        guard info.st_mode & (groupReadable ? 0o037 : 0o077) == 0 else {
            throw FileError(path: url.path, reason: "the signing key is readable by others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw FileError(path: url.path, reason: "cannot read the signing key") }
        let body = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard text.contains("-----BEGIN PRIVATE KEY-----"), let der = Data(base64Encoded: body), der.count == 48,
              Array(der.prefix(16)) == Self.derPrefix,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
        else { throw FileError(path: url.path, reason: "not an Ed25519 private key in PKCS#8 PEM (RFC 8410)") }
        return key
    }

    /// The key, created (as `create(force: false)`) when there is none yet: the first use.
    /// - Throws: `FileError` as `load()` and `create(force:)` do.
    public func loadOrCreate() throws(FileError) -> Curve25519.Signing.PrivateKey {
        var info = stat()
        if lstat(url.path, &info) == 0 { return try load() }
        do {
            return try create(force: false)
        } catch {
            // Another process made it first: use theirs.
            if lstat(url.path, &info) == 0 { return try load() }
            throw error
        }
    }

    /// Writes a new random key (mode 0600, parent directories 0700), atomically: without `force`
    /// an existing key is never replaced, even by a writer racing this one (`link(2)` fails then).
    /// - Parameter force: replace an existing key; without it an existing file is an error.
    /// - Throws: `FileError` naming the file: it exists (without `force`), it would be inside a
    ///   git working tree (committed, or read by steps), or it cannot be written.
    @discardableResult
    public func create(force: Bool) throws(FileError) -> Curve25519.Signing.PrivateKey {
        if let repository = enclosingWorkingTree() {
            throw FileError(path: url.path, reason: "a signing key must not be inside a repository (\(repository.path)); "
                + "use a path outside it (--output, or XDG_CONFIG_HOME for the default place)")
        }
        let exists = FileError(path: url.path, reason: "a signing key is already there; pass --force to replace it (verdicts it signed stay signed by it)")
        var existing = stat()
        if !force, lstat(url.path, &existing) == 0 { throw exists }
        let key = Curve25519.Signing.PrivateKey()
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".signing-key.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        defer { unlink(temporary.path) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileError(path: directory.path, reason: "cannot create the signing key's directory: \(error.localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(Self.pem(key).utf8), attributes: [.posixPermissions: 0o600]) else {
            throw FileError(path: temporary.path, reason: "cannot write the signing key")
        }
        if force {
            guard rename(temporary.path, url.path) == 0 else {
                throw FileError(path: url.path, reason: "cannot put the signing key in place: \(String(cString: strerror(errno)))")
            }
        } else if link(temporary.path, url.path) != 0 {
            if errno == EEXIST { throw exists }
            throw FileError(path: url.path, reason: "cannot put the signing key in place: \(String(cString: strerror(errno)))")
        }
        return key
    }
}
