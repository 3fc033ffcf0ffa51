import Foundation

/// What a verdict Statement (`VerdictStatement`, or the attestor's `JobAttestation`) claims, read
/// back from an envelope's payload. Reading it trusts nothing: only a signature by a trusted key
/// (`AttestationCheck`) makes the claims count.
///
/// Two kinds: a local Statement names the record line it attests (`recordSHA256`); the attestor's
/// names none (it never sees the client's record) and is a verdict by itself, with its own times,
/// exit code and the pod spec as run.
public struct StatementClaims: Equatable, Sendable {
    /// The subject's `gitCommit` digest.
    public let commit: ObjectID
    public let tree: ObjectID
    public let tier: Tier
    /// The gate definition's digest (`configuration[0].digest.sha256`).
    public let digest: String
    /// `PASSED` → `.pass`, `FAILED` → `.fail`.
    public let verdict: Verdict
    /// The hex SHA-256 of the record line the Statement attests; `nil` for the attestor's.
    public let recordSHA256: String?
    public let backend: String?
    public let startedAt: Date?
    public let finishedAt: Date?
    public let failedTests: [String]
    /// The predicate's `url`: the log, or the Job through the API.
    public let url: String?
    /// The pod spec as run (the attestor's Statements).
    public let podSpec: JSONValue?
    /// The step container's exit code (the attestor's Statements).
    public let exitCode: Int?

    /// The claims of an in-toto Statement v1 with greenlight's test-result predicate; `nil` when the
    /// bytes are not one (another statement or predicate type, a missing field, not JSON), or when
    /// a Statement that names no record lacks the times that make it a verdict by itself.
    public init?(payload: [UInt8]) {
        guard let statement = try? JSONValue.parse(Data(payload)),
              statement["_type"]?.string == VerdictStatement.statementType,
              statement["predicateType"]?.string == VerdictStatement.predicateType,
              let subjects = statement["subject"]?.array, subjects.count == 1,
              let commit = subjects[0]["digest"]?["gitCommit"]?.string.flatMap(ObjectID.init(hex:)),
              let predicate = statement["predicate"],
              let greenlight = predicate["greenlight"],
              let tree = greenlight["tree"]?.string.flatMap(ObjectID.init(hex:)),
              let tier = greenlight["tier"]?.string.flatMap(Tier.init(rawValue:)),
              let configurations = predicate["configuration"]?.array, configurations.count == 1,
              let digest = configurations[0]["digest"]?["sha256"]?.string
        else { return nil }
        switch predicate["result"]?.string {
        case "PASSED": verdict = .pass
        case "FAILED": verdict = .fail
        default: return nil
        }
        self.commit = commit
        self.tree = tree
        self.tier = tier
        self.digest = digest
        recordSHA256 = greenlight["recordSHA256"]?.string
        backend = greenlight["backend"]?.string
        startedAt = greenlight["startedAt"]?.string.flatMap(Timestamp.parse)
        finishedAt = greenlight["finishedAt"]?.string.flatMap(Timestamp.parse)
        failedTests = predicate["failedTests"]?.array?.compactMap(\.string) ?? []
        url = predicate["url"]?.string
        podSpec = greenlight["podSpec"]
        exitCode = greenlight["exitCode"]?.int
        if recordSHA256 == nil, finishedAt == nil { return nil }
    }

    /// What in `record` differs from these claims (`nil` when nothing does).
    public func mismatch(with record: VerdictRecord) -> String? {
        if commit != record.commit { return "it attests commit \(commit.short()), the record names \(record.commit.short())" }
        if tree != record.tree { return "it attests tree \(tree.short()), the record names \(record.tree.short())" }
        if tier != record.tier { return "it attests the \(tier.rawValue) tier, the record the \(record.tier.rawValue) tier" }
        if digest != record.digest { return "it attests gate \(digest.prefix(12)), the record gate \(record.digest.prefix(12))" }
        if verdict != record.verdict { return "it attests \(verdict.rawValue), the record says \(record.verdict.rawValue)" }
        return nil
    }

    /// The verdict a Statement that names no record stands for (the attestor's), as a record.
    public var record: VerdictRecord? {
        guard recordSHA256 == nil, let finishedAt else { return nil }
        let summary = verdict == .pass ? "" : "the step container exited \(exitCode.map(String.init) ?? "non-zero")"
        return VerdictRecord(verdict: verdict, tier: tier, commit: commit, tree: tree, digest: digest,
                             backend: backend ?? BackendKind.kubernetes.rawValue, isolation: tier == .cleanRoom ? .kubernetesPod : nil,
                             startedAt: startedAt ?? finishedAt, finishedAt: finishedAt, steps: [], summary: summary,
                             failingTests: failedTests.isEmpty ? nil : failedTests, log: url)
    }
}
