import Foundation

/// The keys whose signatures make a verdict count, and where they were read from: the
/// trusted ref's `.greenlight/trusted-keys` (`TrustedKey` lines), files named by
/// `greenlight verify --trust`, and (for the gate and `status`, not `verify`) this user's own key.
public struct TrustedKeys: Sendable, Equatable {
    /// Where the repository keeps its trusted keys, read at the trusted ref.
    public static let path = ".greenlight/trusted-keys"

    public private(set) var keys: [TrustedKey]
    /// Where they were read from, for messages (`origin/main:.greenlight/trusted-keys`).
    public private(set) var sources: [String]

    public init(keys: [TrustedKey] = [], sources: [String] = []) {
        self.keys = keys
        self.sources = sources
    }

    /// No keys at all: nothing cryptographic can be checked.
    public var isEmpty: Bool { keys.isEmpty }

    /// `.greenlight/trusted-keys` in `files` (a commit's or the working tree's); none when it is absent.
    /// - Throws: `ConfigError` naming the file and line of a bad key line, or a file that is not text.
    public static func read(from files: ConfigFiles) throws(ConfigError) -> TrustedKeys {
        guard let bytes = try files.read(path) else { return TrustedKeys() }
        return try parse(bytes, name: files.name(path))
    }

    /// A trusted-keys file named on the command line (`--trust FILE`).
    /// - Throws: `ConfigError` naming the file: missing, unreadable, or a bad line.
    public static func read(file path: String) throws(ConfigError) -> TrustedKeys {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, column: nil, key: "", message: "cannot read this trusted-keys file")
        }
        return try parse(bytes, name: path)
    }

    private static func parse(_ bytes: Data, name: String) throws(ConfigError) -> TrustedKeys {
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw ConfigError(file: name, line: nil, column: nil, key: "", message: "is not UTF-8 text")
        }
        return TrustedKeys(keys: try TrustedKey.parse(text, file: name), sources: [name])
    }

    /// These keys and `other`'s.
    public func merging(_ other: TrustedKeys) -> TrustedKeys {
        TrustedKeys(keys: keys + other.keys, sources: sources + other.sources)
    }

    /// These keys and `key`, read from `source`.
    public func adding(_ key: TrustedKey, source: String) -> TrustedKeys {
        merging(TrustedKeys(keys: [key], sources: [source]))
    }

    /// Whether a DSSE `keyid` hint names one of these keys.
    func names(keyID: String) -> Bool {
        keys.contains { $0.key.keyID == keyID }
    }
}
