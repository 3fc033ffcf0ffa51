import Foundation

/// One line of `.greenlight/trusted-keys`: `<role> ssh-ed25519 <base64 key blob> [comment]`,
/// fields separated by spaces or tabs, as in OpenSSH's `authorized_keys`. Blank lines and lines
/// starting with `#` are comments; a trailing CR (a CRLF file) is ignored.
public struct TrustedKey: Equatable, Sendable {
    /// Who holds the key: a developer's machine, or the cluster's attestor.
    public enum Role: String, Sendable, CaseIterable {
        case local
        case cluster
    }

    public let role: Role
    public let key: SSHEd25519PublicKey
    public let comment: String

    public init(role: Role, key: SSHEd25519PublicKey, comment: String = "") {
        self.role = role
        self.key = key
        self.comment = comment
    }

    /// The line as `greenlight keys show` prints it.
    public var line: String { "\(role.rawValue) \(key.openSSH)" + (comment.isEmpty ? "" : " \(comment)") }

    /// Every key of a trusted-keys file's text; `file` names it in errors.
    /// - Throws: `ConfigError` naming the file, line and what is wrong.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> [TrustedKey] {
        var keys: [TrustedKey] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            // CRLF files and tab-separated fields read as they look.
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(maxSplits: 3, omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            func fail(_ message: String) -> ConfigError {
                ConfigError(file: file, line: index + 1, column: nil, key: "", message: message)
            }
            guard fields.count >= 3 else { throw fail("expected `<role> ssh-ed25519 <base64 key> [comment]`") }
            guard let role = Role(rawValue: fields[0]) else {
                throw fail("unknown role '\(fields[0])'; known: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard fields[1] == SSHEd25519PublicKey.algorithm else { throw fail("only ssh-ed25519 keys are accepted, not '\(fields[1])'") }
            do {
                keys.append(TrustedKey(role: role, key: try SSHEd25519PublicKey(base64Blob: fields[2]),
                                       comment: fields.count > 3 ? fields[3] : ""))
            } catch {
                throw fail(error.message)
            }
        }
        return keys
    }
}
