import Foundation

/// Decides who vouches for each record of a note: the one place signatures are checked.
///
/// An envelope counts for a record when (1) its payload type is in-toto's, (2) its Statement
/// (`StatementClaims`) names the record by the SHA-256 of its line, so every field of the
/// record is signed, (3) one of its signatures verifies over the DSSE pre-authentication
/// encoding with a trusted key (the `keyid` hint picks nothing: every trusted key is tried),
/// and (4) the claims agree with the record and, when given, with the commit's real tree.
///
/// A Statement that names no record (the attestor's, copied from a Job annotation) is a verdict
/// by itself: it becomes a record of its own, vouched for by its signer when it describes this
/// commit and tree and, when `podSpec` is given, a pod that is what greenlight renders.
public enum AttestationCheck {
    /// Why a pod spec as run is not what the trusted definition renders for a commit (`nil`: it is).
    /// Arguments: the pod spec from the Statement, the commit, the gate digest it claims.
    public typealias PodSpecCheck = @Sendable (_ podSpec: JSONValue, _ commit: ResolvedCommit, _ digest: String) -> String?

    /// Every record of `entries` (and of every self-contained Statement on the note) with its best
    /// `SignatureStatus`, and a warning per attestation line that cannot be read.
    /// - Parameters:
    ///   - commit: the commit the note is on; `tree` its tree (a signed record naming another is `mismatched`).
    ///   - podSpec: checks the pod of a self-contained Statement; `nil` when the trusted clean room
    ///     is not on Kubernetes, and then no such Statement counts.
    public static func judge(_ entries: NoteEntries, keys: TrustedKeys, commit: ObjectID, tree: ObjectID?,
                             podSpec: PodSpecCheck? = nil) -> (records: [SignedRecord], warnings: [String]) {
        var warnings: [String] = []
        var envelopes: [String: [(envelope: DSSEEnvelope, claims: StatementClaims)]] = [:]
        var standalone: [(envelope: DSSEEnvelope, claims: StatementClaims)] = []
        for line in entries.attestations {
            guard let envelope = try? JSONDecoder().decode(DSSEEnvelope.self, from: Data(line)),
                  let payload = envelope.payloadBytes, let claims = StatementClaims(payload: payload)
            else {
                warnings.append("an attestation line is not a greenlight verdict Statement in a DSSE envelope, skipped: \(NoteLines.printable(line, limit: 60))")
                continue
            }
            if let named = claims.recordSHA256 { envelopes[named, default: []].append((envelope, claims)) } else { standalone.append((envelope, claims)) }
        }
        var records = entries.records.map { entry in
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
        for (envelope, claims) in standalone where claims.commit == commit {
            guard let record = claims.record else { continue }
            var status = signer(of: envelope, keys: keys)
            if case let .trusted(key) = status {
                let mismatch = { (reason: String) in status = .mismatched(keyID: key.key.keyID, reason: reason) }
                if let tree, claims.tree != tree {
                    mismatch("it attests tree \(claims.tree.short()), the commit's is \(tree.short())")
                } else if claims.backend != BackendKind.kubernetes.rawValue || claims.tier != .cleanRoom {
                    mismatch("it claims the \(claims.tier.rawValue) tier on backend \(claims.backend ?? "none"); only a Kubernetes clean room is attested")
                } else if let podSpec {
                    if let spec = claims.podSpec {
                        if let reason = podSpec(spec, ResolvedCommit(commit: claims.commit, tree: claims.tree), claims.digest) {
                            mismatch("the pod that ran is not what the trusted definition renders: \(reason)")
                        }
                    } else {
                        mismatch("it does not say which pod ran")
                    }
                } else {
                    mismatch("the trusted gate's clean room is not on Kubernetes, so no attested pod can be it")
                }
            }
            records.append(SignedRecord(record: record, signature: status))
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
