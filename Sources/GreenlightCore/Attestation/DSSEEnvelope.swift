import Crypto
import Foundation

/// A DSSE envelope (Dead Simple Signing Envelope v1,
/// https://github.com/secure-systems-lab/dsse/blob/v1.0.0/envelope.md): the signed bytes
/// are the payload's pre-authentication encoding (`PAE`), never the JSON around them.
///
/// JSON shape: `{"payload": <base64>, "payloadType": <string>, "signatures": [{"keyid": <string>,
/// "sig": <base64>}]}`, base64 being RFC 4648 standard encoding with padding.
public struct DSSEEnvelope: Codable, Equatable, Sendable {
    public struct Signature: Codable, Equatable, Sendable {
        /// A hint of which key signed (`SSHEd25519PublicKey.keyID`); never trusted by itself.
        public var keyid: String
        /// The signature's bytes, base64.
        public var sig: String
    }

    /// The payload's bytes, base64.
    public var payload: String
    public var payloadType: String
    public var signatures: [Signature]

    /// The payload type of an in-toto Statement (https://github.com/in-toto/attestation/blob/main/spec/v1/envelope.md).
    public static let inTotoPayloadType = "application/vnd.in-toto+json"

    /// `PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, LEN being the
    /// byte count in ASCII decimal without leading zeros (DSSE v1 protocol).
    public static func preAuthenticationEncoding(payloadType: String, payload: [UInt8]) -> [UInt8] {
        let type = Array(payloadType.utf8)
        return Array("DSSEv1 \(type.count) ".utf8) + type + Array(" \(payload.count) ".utf8) + payload
    }

    /// Signs `payload` with Ed25519 (RFC 8032) over its PAE; one signature.
    /// - Throws: `InternalError` when the key cannot sign (it always can; CryptoKit's error is kept).
    public static func sign(payload: [UInt8], payloadType: String, with key: Curve25519.Signing.PrivateKey) throws(InternalError) -> DSSEEnvelope {
        let message = preAuthenticationEncoding(payloadType: payloadType, payload: payload)
        let signature: Data
        do { signature = try key.signature(for: message) } catch {
            throw InternalError("cannot sign with Ed25519: \(error)")
        }
        let keyID = SSHEd25519PublicKey(key.publicKey).keyID
        return DSSEEnvelope(payload: Data(payload).base64EncodedString(), payloadType: payloadType,
                            signatures: [Signature(keyid: keyID, sig: signature.base64EncodedString())])
    }

    /// The payload's bytes; `nil` when it is not valid base64.
    public var payloadBytes: [UInt8]? { Data(base64Encoded: payload).map { Array($0) } }

    /// Whether one of the signatures verifies over the PAE with `key` (the keyid hint is not consulted).
    public func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        guard let body = payloadBytes else { return false }
        let message = Self.preAuthenticationEncoding(payloadType: payloadType, payload: body)
        return signatures.contains { signature in
            guard let bytes = Data(base64Encoded: signature.sig) else { return false }
            return key.isValidSignature(bytes, for: message)
        }
    }

    /// One line of JSON (keys sorted, no escaped slashes): how an envelope is stored in a note.
    /// - Throws: `InternalError` when it cannot be encoded (never, for these field types).
    public func line() throws(InternalError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return String(decoding: try encoder.encode(self), as: UTF8.self) } catch {
            throw InternalError("cannot encode a DSSE envelope: \(error)")
        }
    }
}
