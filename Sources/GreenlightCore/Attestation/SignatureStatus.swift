import Foundation

/// Who vouches for a verdict record, as far as the trusted keys can tell (`AttestationCheck`).
public enum SignatureStatus: Equatable, Sendable {
    /// An envelope naming the record verifies with this trusted key and describes the commit.
    case trusted(TrustedKey)
    /// A trusted key signed it, but the signed claims do not describe this record or commit.
    case mismatched(keyID: String, reason: String)
    /// An envelope names a trusted key, but no signature on it verifies: it was altered.
    case badSignature(keyID: String)
    /// Signed, by no trusted key.
    case untrustedKey(keyID: String)
    /// No envelope names the record (an old record, or a line written by hand).
    case unsigned

    /// Whether the record may count.
    public var isTrusted: Bool { if case .trusted = self { true } else { false } }

    /// The role of the trusted key that signed, if one did.
    public var role: TrustedKey.Role? { if case let .trusted(key) = self { key.role } else { nil } }

    /// How strongly the record is vouched for: the best of several envelopes is kept.
    var rank: Int {
        switch self {
        case let .trusted(key): key.role == .cluster ? 5 : 4
        case .mismatched: 3
        case .badSignature: 2
        case .untrustedKey: 1
        case .unsigned: 0
        }
    }

    /// `signed by local SHA256:… alice@laptop`, `unsigned`, `bad signature (SHA256:…)`, ….
    public var text: String {
        switch self {
        case let .trusted(key): "signed by \(key.role.rawValue) \(key.key.keyID)" + (key.comment.isEmpty ? "" : " \(key.comment)")
        case let .mismatched(keyID, reason): "signed by \(keyID) for something else: \(reason)"
        case let .badSignature(keyID): "bad signature (claims \(keyID))"
        case let .untrustedKey(keyID): "untrusted key \(keyID)"
        case .unsigned: "unsigned"
        }
    }
}

/// A verdict record and who vouches for it.
public struct SignedRecord: Equatable, Sendable {
    public let record: VerdictRecord
    public let signature: SignatureStatus

    public init(record: VerdictRecord, signature: SignatureStatus) {
        self.record = record
        self.signature = signature
    }
}
