import Crypto
import Foundation

/// Signs verdict records: one DSSE envelope (`DSSEEnvelope`, Ed25519) around the in-toto
/// Statement (`VerdictStatement`) of each decisive record, written next to the record in the
/// same note (see `SignedVerdictCache`). An `error` verdict is not attested.
public struct VerdictSigner: Sendable {
    /// The private key's 32-byte seed (CryptoKit's key type is not `Sendable`).
    private let seed: [UInt8]

    public init(key: Curve25519.Signing.PrivateKey) {
        seed = Array(key.rawRepresentation)
    }

    /// The private key.
    public var key: Curve25519.Signing.PrivateKey {
        // A seed taken from a valid key is a valid key.
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else { preconditionFailure("a 32-byte seed") }
        return key
    }

    /// The signing key's public half, as trusted-keys lines name it.
    public var publicKey: SSHEd25519PublicKey { SSHEd25519PublicKey(key.publicKey) }

    /// The attestation line(s) for `record`, whose note line is `recordLine`: one envelope line, or
    /// none for an `error` verdict. The log's SHA-256 is read from `record.log` when it can be.
    /// - Throws: `InternalError` when the envelope cannot be signed or encoded.
    public func attestationLines(for record: VerdictRecord, recordLine: String) throws -> [String] {
        guard record.verdict.isCacheable else { return [] }
        let payload = try VerdictStatement.payload(for: record, logSHA256: record.log.flatMap(Self.fileSHA256),
                                                   recordSHA256: NoteCodec.lineSHA256(Array(recordLine.utf8)))
        return [try DSSEEnvelope.sign(payload: payload, payloadType: DSSEEnvelope.inTotoPayloadType, with: key).line()]
    }

    /// The hex SHA-256 of a file's bytes, read in 1 MiB blocks (logs can be large); `nil` when it cannot be read.
    static func fileSHA256(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            guard let block = try? handle.read(upToCount: 1 << 20) else { return nil }
            if block.isEmpty { break }
            hasher.update(data: block)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// This user's signer (`SigningKeyFile` at its default place, created on first use), or why
    /// verdicts will be recorded unsigned.
    public static func local(environment: [String: String]) -> (signer: VerdictSigner?, warning: String?) {
        do {
            return (VerdictSigner(key: try SigningKeyFile.at(nil, environment: environment).loadOrCreate()), nil)
        } catch {
            return (nil, "verdicts are recorded unsigned, so no trusted key vouches for them: \(error)")
        }
    }
}
