import Foundation

/// Decides who vouches for each record of a note: the one place signatures are checked.
///
/// An envelope counts for a record when (1) its payload type is in-toto's, (2) its Statement
/// (`StatementClaims`) names the record by the SHA-256 of its line, so every field of the
/// record is signed, (3) one of its signatures verifies over the DSSE pre-authentication
/// encoding with a trusted key (the `keyid` hint picks nothing: every trusted key is tried),
/// and (4) the claims agree with the record and, when given, with the commit's real tree.
public enum AttestationCheck {
    /// Every record of `entries` with its best `SignatureStatus`, and a warning per attestation
    /// line that cannot be read.
    /// - Parameter tree: the commit's tree; a signed record that names another is `mismatched`.
    public static func judge(_ entries: NoteEntries, keys: TrustedKeys, tree: ObjectID?) -> (records: [SignedRecord], warnings: [String]) {
        var warnings: [String] = []
        var envelopes: [String: [(envelope: DSSEEnvelope, claims: StatementClaims)]] = [:]
        for line in entries.attestations {
            guard let envelope = try? JSONDecoder().decode(DSSEEnvelope.self, from: Data(line)),
                  let payload = envelope.payloadBytes, let claims = StatementClaims(payload: payload)
            else {
                warnings.append("an attestation line is not a greenlight verdict Statement in a DSSE envelope, skipped: \(NoteLines.printable(line, limit: 60))")
                continue
            }
            envelopes[claims.recordSHA256, default: []].append((envelope, claims))
        }
        let records = entries.records.map { entry in
            var best = SignatureStatus.unsigned
            for (envelope, claims) in envelopes[entry.lineSHA256] ?? [] {
                var status = signer(of: envelope, keys: keys)
                if case let .trusted(key) = status {
                    if let reason = claims.mismatch(with: entry.record) {
                        status = .mismatched(keyID: key.key.keyID, reason: reason)
                    } else if let tree, entry.record.tree != tree {
                        status = .mismatched(keyID: key.key.keyID, reason: "it attests tree \(entry.record.tree.short()), the commit's is \(tree.short())")
                    }
                }
                if status.rank > best.rank { best = status }
            }
            return SignedRecord(record: entry.record, signature: best)
        }
        return (records, warnings)
    }

    /// The trusted key a signature of `envelope` verifies with (a `cluster` entry before a
    /// `local` one), else why not.
    static func signer(of envelope: DSSEEnvelope, keys: TrustedKeys) -> SignatureStatus {
        let claimed = envelope.signatures.first?.keyid ?? "no keyid"
        guard envelope.payloadType == DSSEEnvelope.inTotoPayloadType else { return .badSignature(keyID: claimed) }
        // The keys a signature names first (usually one check); the others only when none of those verifies.
        let hinted = Set(envelope.signatures.map(\.keyid))
        let (named, others) = (keys.keys.filter { hinted.contains($0.key.keyID) }, keys.keys.filter { !hinted.contains($0.key.keyID) })
        var verified = named.filter { envelope.isSigned(by: $0.key.key) }
        if verified.isEmpty { verified = others.filter { envelope.isSigned(by: $0.key.key) } }
        if let best = verified.first(where: { $0.role == .cluster }) ?? verified.first { return .trusted(best) }
        if let named = envelope.signatures.first(where: { keys.names(keyID: $0.keyid) }) { return .badSignature(keyID: named.keyid) }
        return .untrustedKey(keyID: claimed)
    }
}
