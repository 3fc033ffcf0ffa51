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
    /// Whether a pod spec as run is what the trusted definition renders for a commit: the whole
    /// clean room, one step of a parallel clean room (`clean_room.parallel`: a Job per step), or
    /// neither and why. Arguments: the pod spec from the Statement, the commit, the gate digest it claims.
    public typealias PodSpecCheck = @Sendable (_ podSpec: JSONValue, _ commit: ResolvedCommit, _ digest: String) -> PodSpecJudgement

    /// What `PodSpecCheck` found.
    public enum PodSpecJudgement: Equatable, Sendable {
        /// The pod ran every step of the clean room: its Statement is a verdict by itself.
        case whole
        /// The pod ran only the step `name` of a parallel clean room whose steps are `steps`: its
        /// Statement counts only together with one for every other step.
        case step(name: String, steps: [String])
        /// The pod is not what the trusted definition renders: why.
        case mismatch(String)
    }

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
        var stepStatements: [String: [(claims: StatementClaims, key: TrustedKey, step: String, steps: [String])]] = [:]
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
                        switch podSpec(spec, ResolvedCommit(commit: claims.commit, tree: claims.tree), claims.digest) {
                        case .whole: break
                        case let .step(name, steps):
                            // One step's pod vouches for that step only: it counts with the others, below.
                            stepStatements[claims.digest, default: []].append((claims, key, name, steps))
                            continue
                        case let .mismatch(reason):
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
        for (digest, statements) in stepStatements.sorted(by: { $0.key < $1.key }) {
            switch combine(statements, commit: commit, digest: digest) {
            case let .success(record): records.append(record)
            case let .failure(problem): warnings.append(problem.message)
            }
        }
        return (records, warnings)
    }

    struct Incomplete: Error { let message: String }

    /// One record for a parallel clean room from its steps' Statements, each already trusted and
    /// matched to its step's pod: a pass only when every step's latest Statement passed, a fail
    /// when every step has one and some step's latest failed; nothing (a warning) while a step has none.
    static func combine(_ statements: [(claims: StatementClaims, key: TrustedKey, step: String, steps: [String])],
                        commit: ObjectID, digest: String) -> Result<SignedRecord, Incomplete> {
        guard let steps = statements.first?.steps else { return .failure(Incomplete(message: "no step Statements")) }
        var chosen: [(claims: StatementClaims, key: TrustedKey)] = []
        var missing: [String] = []
        for step in steps {
            let forStep = statements.filter { $0.step == step && $0.steps == steps }
            // A step run again (its Job replaced) has several: the latest decides, as for whole records.
            let latest = forStep.max { ($0.claims.finishedAt ?? .distantPast) < ($1.claims.finishedAt ?? .distantPast) }
            if let best = latest {
                chosen.append((best.claims, best.key))
            } else {
                missing.append(step)
            }
        }
        guard missing.isEmpty, let first = chosen.first else {
            return .failure(Incomplete(message: "cluster Statements for \(commit.short()) under gate \(digest.prefix(8)) cover steps "
                + "\(steps.filter { !missing.contains($0) }.joined(separator: ", ")) of a parallel clean room, not \(missing.joined(separator: ", ")): "
                + "they vouch for no verdict until every step has one"))
        }
        let failed = chosen.filter { $0.claims.verdict != .pass }
        let verdict: Verdict = failed.isEmpty ? .pass : .fail
        let startedAt = chosen.compactMap { $0.claims.startedAt ?? $0.claims.finishedAt }.min() ?? Date(timeIntervalSince1970: 0)
        let finishedAt = chosen.compactMap(\.claims.finishedAt).max() ?? startedAt
        let stepRecords = zip(steps, chosen).map { name, statement in
            StepRecord(name: name, verdict: statement.claims.verdict == .pass ? .pass : .fail, exitCode: statement.claims.exitCode.map(Int32.init),
                       durationSeconds: max(0, (statement.claims.finishedAt ?? finishedAt).timeIntervalSince(statement.claims.startedAt ?? startedAt)))
        }
        let failedTests = failed.flatMap(\.claims.failedTests)
        let record = VerdictRecord(verdict: verdict, tier: .cleanRoom, commit: first.claims.commit, tree: first.claims.tree, digest: digest,
                                   backend: BackendKind.kubernetes.rawValue, isolation: .kubernetesPod, startedAt: startedAt, finishedAt: finishedAt,
                                   steps: stepRecords,
                                   summary: zip(steps, chosen).filter { $0.1.claims.verdict != .pass }.map { "step '\($0.0)' failed" }.joined(separator: "; "),
                                   failingTests: failedTests.isEmpty ? nil : failedTests, log: first.claims.url)
        // Every Statement is signed by a trusted key; the record is vouched for by the weakest role among them.
        let key = chosen.first { $0.key.role != .cluster }?.key ?? first.key
        return .success(SignedRecord(record: record, signature: .trusted(key)))
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
