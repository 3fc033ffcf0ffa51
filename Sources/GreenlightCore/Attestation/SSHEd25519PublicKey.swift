import Crypto
import Foundation

/// An Ed25519 public key in OpenSSH's form (`ssh-ed25519 <base64 blob>`): the blob is the SSH wire
/// encoding, `string "ssh-ed25519"` then `string <32-byte key>`, each string a 4-byte big-endian
/// length and its bytes (RFC 8709 §4, RFC 4251 §5).
public struct SSHEd25519PublicKey: Equatable, Sendable {
    public static let algorithm = "ssh-ed25519"
    /// The key's 32 bytes (RFC 8032 encoding).
    public let raw: [UInt8]

    public init(_ key: Curve25519.Signing.PublicKey) {
        raw = Array(key.rawRepresentation)
    }

    /// The key for verifying. Any 32 bytes make a key (checked when this value was made).
    public var key: Curve25519.Signing.PublicKey {
        // swift-crypto checks only the length here, which both initialisers guarantee.
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { preconditionFailure("a 32-byte key") }
        return key
    }

    /// The wire-format blob.
    public var blob: [UInt8] {
        Self.string(Array(Self.algorithm.utf8)) + Self.string(raw)
    }

    /// `ssh-ed25519 <base64 blob>`, as in `authorized_keys` and `ssh-keygen -y`.
    public var openSSH: String { "\(Self.algorithm) \(Data(blob).base64EncodedString())" }

    /// `SHA256:<base64 of the blob's SHA-256, unpadded>`: OpenSSH's fingerprint, used as the DSSE keyid.
    public var keyID: String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// Reads a base64 blob.
    /// - Throws: `AttestationError` naming what is wrong (not base64, another algorithm, a bad length).
    public init(base64Blob: String) throws(AttestationError) {
        guard let data = Data(base64Encoded: base64Blob) else { throw AttestationError("the key is not base64") }
        var bytes = ArraySlice(data)
        func take() throws(AttestationError) -> [UInt8] {
            guard bytes.count >= 4 else { throw AttestationError("the key blob is truncated") }
            let length = bytes.prefix(4).reduce(0) { $0 << 8 | Int($1) }
            bytes = bytes.dropFirst(4)
            guard bytes.count >= length else { throw AttestationError("the key blob is truncated") }
            defer { bytes = bytes.dropFirst(length) }
            return Array(bytes.prefix(length))
        }
        let algorithm = String(decoding: try take(), as: UTF8.self)
        guard algorithm == Self.algorithm else { throw AttestationError("the key is \(algorithm), not \(Self.algorithm)") }
        let raw = try take()
        guard raw.count == 32, bytes.isEmpty else { throw AttestationError("an ssh-ed25519 key has 32 bytes and nothing after them") }
        self.raw = raw
    }

    private static func string(_ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return [UInt8(count >> 24 & 0xFF), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)] + bytes
    }
}

/// A problem with keys or attestations, said in one line.
public struct AttestationError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
