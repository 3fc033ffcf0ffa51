import Foundation

/// The in-toto Statement (v1, https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md)
/// for one verdict: its subject is the commit (`{"gitCommit": "<sha>"}`), its predicate the
/// in-toto test-result predicate (https://in-toto.io/attestation/test-result/v0.1).
///
/// Predicate fields: `result` (`PASSED`, `FAILED`; an `error` is never attested: the gate did not
/// decide), `configuration` (one ResourceDescriptor naming the tier's gate definition by its
/// digest), `url` (the log, `file://` on the machine that ran it), `failedTests`, and greenlight's
/// own fields under `greenlight`: tier, tree, backend, isolation, definition, started/finished
/// times, log SHA-256 (hex, when the log could be read), greenlight version, and `recordSHA256`:
/// the SHA-256 (hex) of the verdict record's note line, which binds every field of the record
/// (steps, summary) to the signature. Consumers ignore fields they do not know (in-toto
/// attestation framework, "Parsing rules").
///
/// The payload is `CanonicalJSON` text, so the same verdict always gives the same bytes.
public enum VerdictStatement {
    public static let statementType = "https://in-toto.io/Statement/v1"
    public static let predicateType = "https://in-toto.io/attestation/test-result/v0.1"

    /// The Statement for `record`; `logSHA256` is the hex SHA-256 of the full log, when known;
    /// `recordSHA256` the hex SHA-256 of the record's note line (`NoteCodec.lineSHA256`).
    /// - Throws: `AttestationError` for an `error` verdict (nothing to attest).
    public static func statement(for record: VerdictRecord, logSHA256: String?, recordSHA256: String) throws(AttestationError) -> JSONValue {
        let result: String
        switch record.verdict {
        case .pass: result = "PASSED"
        case .fail: result = "FAILED"
        case .error: throw AttestationError("an error verdict is not attested: the gate did not decide")
        }
        var greenlight: [String: JSONValue] = [
            "tier": .string(record.tier.rawValue),
            "tree": .string(record.tree.hex),
            "backend": .string(record.backend),
            "startedAt": .string(NoteCodec.formatDate(record.startedAt)),
            "finishedAt": .string(NoteCodec.formatDate(record.finishedAt)),
            "greenlightVersion": .string(record.greenlightVersion),
            "recordSHA256": .string(recordSHA256),
        ]
        greenlight["isolation"] = record.isolation.map { .string($0.rawValue) } ?? .null
        greenlight["definition"] = record.definition.map { .string($0.rawValue) } ?? .null
        greenlight["logSHA256"] = logSHA256.map(JSONValue.string) ?? .null
        var predicate: [String: JSONValue] = [
            "result": .string(result),
            "configuration": [[
                "name": .string("\(GateConfig.fileName)#\(record.tier.rawValue)"),
                "digest": ["sha256": .string(record.digest)],
            ]],
            "failedTests": .array((record.failingTests ?? []).map(JSONValue.string)),
            "greenlight": .object(greenlight),
        ]
        if let log = record.log { predicate["url"] = .string(URL(fileURLWithPath: log).absoluteString) }
        return [
            "_type": .string(statementType),
            "subject": [["digest": ["gitCommit": .string(record.commit.hex)]]],
            "predicateType": .string(predicateType),
            "predicate": .object(predicate),
        ]
    }

    /// The Statement's bytes as signed: `CanonicalJSON`.
    /// - Throws: `AttestationError` (an error verdict), `InternalError` (cannot encode).
    public static func payload(for record: VerdictRecord, logSHA256: String?, recordSHA256: String) throws -> [UInt8] {
        try CanonicalJSON.bytes(statement(for: record, logSHA256: logSHA256, recordSHA256: recordSHA256))
    }
}
