import Crypto
import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Who vouches for a record (`AttestationCheck`) and what `verify` counts (`Verification`): the
/// real record and envelope, then every way a coder in a hurry could fake one.
@Suite("signed verdicts")
struct SignedVerdictTests {
    static let config = "fast:\n  steps:\n    - {name: unit, run: ./test.sh}\nclean_room:\n  steps:\n    - {name: test, run: ./test.sh}\n"

    /// A repository with a passing and a failing commit; records are written by the tests.
    struct Fixture {
        let repo: ScratchRepository
        let repository: Repository
        let passing: ResolvedCommit
        let failing: ResolvedCommit
        let config: GateConfig
        let store: VerdictStore
        let alice = Curve25519.Signing.PrivateKey()
        let mallory = Curve25519.Signing.PrivateKey()

        init() throws {
            repo = try ScratchRepository("signed")
            try repo.write(".greenlight.yml", SignedVerdictTests.config)
            try repo.write("test.sh", "#!/bin/sh\nexit 0\n", executable: true)
            let good = try repo.commitAll("passing")
            try repo.write("test.sh", "#!/bin/sh\nexit 1\n", executable: true)
            let bad = try repo.commitAll("failing")
            repository = try repo.open()
            passing = try repository.resolve(good)
            failing = try repository.resolve(bad)
            config = try ConfigLoader().load(fromRoot: repo.url)
            store = VerdictStore(repository: repository)
        }

        func record(_ verdict: Verdict, _ tier: Tier, on commit: ResolvedCommit, at offset: TimeInterval = 0) throws -> VerdictRecord {
            let date = Date().addingTimeInterval(offset - 60)
            return VerdictRecord(verdict: verdict, tier: tier, commit: commit.commit, tree: commit.tree, digest: try config.definition(of: tier).digest(),
                                 backend: tier == .fast ? "workspace" : "local", startedAt: date, finishedAt: date, steps: [], summary: verdict == .pass ? "" : "it failed")
        }

        @discardableResult
        func sign(_ record: VerdictRecord, with key: Curve25519.Signing.PrivateKey) throws -> [String] {
            var lines: [String] = []
            try store.append(record) { line in
                lines = [line] + (try VerdictSigner(key: key).attestationLines(for: record, recordLine: line))
                return Array(lines.dropFirst())
            }
            return lines
        }

        func keys(_ entries: (TrustedKey.Role, Curve25519.Signing.PrivateKey)...) -> TrustedKeys {
            TrustedKeys(keys: entries.map { TrustedKey(role: $0.0, key: SSHEd25519PublicKey($0.1.publicKey)) }, sources: ["test"])
        }

        func judge(_ commit: ResolvedCommit, keys: TrustedKeys) throws -> [SignatureStatus] {
            AttestationCheck.judge(try store.entries(for: commit.commit), keys: keys, commit: commit.commit, tree: commit.tree).records.map(\.signature)
        }

        func verify(_ commit: ResolvedCommit, keys: TrustedKeys, require: SignatureRequirement? = nil) throws -> Verification {
            try Verification(commit: commit, config: config, entries: try store.entries(for: commit.commit), keys: keys, require: require)
        }
    }

    static func keyID(_ key: Curve25519.Signing.PrivateKey) -> String { SSHEd25519PublicKey(key.publicKey).keyID }

    @Test func theRealRecordIsVouchedForByItsSigner() throws {
        let fixture = try Fixture()
        try fixture.sign(try fixture.record(.pass, .fast, on: fixture.passing), with: fixture.alice)
        try fixture.sign(try fixture.record(.pass, .cleanRoom, on: fixture.passing), with: fixture.alice)
        let alice = TrustedKey(role: .local, key: SSHEd25519PublicKey(fixture.alice.publicKey))
        #expect(try fixture.judge(fixture.passing, keys: fixture.keys((.local, fixture.alice))) == [.trusted(alice), .trusted(alice)])
        let verification = try fixture.verify(fixture.passing, keys: fixture.keys((.local, fixture.alice)))
        #expect(verification.isVerified, "\(verification.text())")
        #expect(verification.text().contains("  fast: pass (workspace, ") && verification.text().contains(", signed by local \(Self.keyID(fixture.alice)))\n"),
                "\(verification.text())")
    }

    /// `git notes append` of a passing commit's lines onto a failing commit, SHAs and tree swapped:
    /// the record no longer hashes to what the envelope signed, so it is unsigned; re-writing the
    /// payload to match breaks the signature instead.
    @Test func aPassCopiedOntoAnotherCommitIsNeverVouchedFor() throws {
        let fixture = try Fixture()
        let lines = try fixture.sign(try fixture.record(.pass, .fast, on: fixture.passing), with: fixture.alice)
        func swap(_ text: String) -> String {
            text.replacingOccurrences(of: fixture.passing.commit.hex, with: fixture.failing.commit.hex)
                .replacingOccurrences(of: fixture.passing.tree.hex, with: fixture.failing.tree.hex)
        }
        let keys = fixture.keys((.local, fixture.alice))
        // 0. Copied as they are: the record names the other commit, so it is listed, never counted.
        try fixture.repository.appendToNote(on: fixture.failing.commit, lines: lines)
        #expect(try fixture.judge(fixture.failing, keys: keys) == [])
        let copied = try fixture.verify(fixture.failing, keys: keys).text()
        #expect(copied.contains("  fast: missing: no verdict vouched for by a trusted key\n    ignored: pass (workspace, "), "\(copied)")
        #expect(copied.contains("): it names commit \(fixture.passing.commit.short()), not this one\n"), "\(copied)")
        // 1. The record swapped, the envelope copied as it is.
        try fixture.repository.appendToNote(on: fixture.failing.commit, lines: lines.map(swap))
        #expect(try fixture.judge(fixture.failing, keys: keys) == [.unsigned])

        // 2. The envelope's payload rewritten to name the swapped record (its commit, tree and line hash): the signature breaks.
        var envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: Data(lines[1].utf8))
        let swappedRecord = swap(lines[0])
        let payload = swap(String(decoding: try #require(envelope.payloadBytes), as: UTF8.self))
            .replacingOccurrences(of: NoteCodec.lineSHA256(Array(lines[0].utf8)), with: NoteCodec.lineSHA256(Array(swappedRecord.utf8)))
        envelope.payload = Data(payload.utf8).base64EncodedString()
        try fixture.repository.appendToNote(on: fixture.failing.commit, lines: [try envelope.line()])
        #expect(try fixture.judge(fixture.failing, keys: keys) == [.badSignature(keyID: Self.keyID(fixture.alice))])

        let verification = try fixture.verify(fixture.failing, keys: keys)
        #expect(!verification.isVerified)
        let text = verification.text()
        #expect(text.contains("  fast: missing: no verdict vouched for by a trusted key\n    ignored: pass (workspace, "), "\(text)")
        #expect(text.contains("): bad signature (claims \(Self.keyID(fixture.alice)))\n"), "\(text)")
        // Without keys the same note passes: that is exactly what the last line warns about.
        let unsigned = try fixture.verify(fixture.failing, keys: TrustedKeys())
        #expect(unsigned.findings.first.map { if case .passed = $0.finding { true } else { false } } == true)
        #expect(unsigned.text().hasSuffix("so anyone who can write the notes can write a pass\n"))
    }

    @Test func anUntrustedKeyOrALyingKeyIDIsIgnored() throws {
        let fixture = try Fixture()
        try fixture.sign(try fixture.record(.pass, .fast, on: fixture.passing), with: fixture.mallory)
        #expect(try fixture.judge(fixture.passing, keys: fixture.keys((.local, fixture.alice))) == [.untrustedKey(keyID: Self.keyID(fixture.mallory))])
        #expect(try fixture.judge(fixture.passing, keys: fixture.keys((.local, fixture.alice), (.local, fixture.mallory))).first?.isTrusted == true)

        // Mallory's signature with Alice's keyid: the hint picks nothing, and it is a bad signature.
        let lines = try fixture.sign(try fixture.record(.pass, .cleanRoom, on: fixture.failing), with: fixture.mallory)
        var envelope = try JSONDecoder().decode(DSSEEnvelope.self, from: Data(lines[1].utf8))
        envelope.signatures[0].keyid = Self.keyID(fixture.alice)
        let note = try #require(try fixture.repo.note(fixture.failing.commit.hex))
        try fixture.repo.git("notes", "--ref=greenlight", "add", "-f", "-m", note.replacingOccurrences(of: lines[1], with: try envelope.line()), fixture.failing.commit.hex)
        #expect(try fixture.judge(fixture.failing, keys: fixture.keys((.local, fixture.alice))) == [.badSignature(keyID: Self.keyID(fixture.alice))])
    }

    /// A signature by a trusted key over a record that names another tree than the commit's.
    @Test func aSignedRecordForAnotherTreeDoesNotCount() throws {
        let fixture = try Fixture()
        var record = try fixture.record(.pass, .fast, on: fixture.passing)
        record.tree = fixture.failing.tree
        try fixture.sign(record, with: fixture.alice)
        let status = try fixture.judge(fixture.passing, keys: fixture.keys((.local, fixture.alice)))
        #expect(status == [.mismatched(keyID: Self.keyID(fixture.alice),
                                       reason: "it attests tree \(fixture.failing.tree.short()), the commit's is \(fixture.passing.tree.short())")])
        #expect(!(try fixture.verify(fixture.passing, keys: fixture.keys((.local, fixture.alice)))).isVerified)
    }

    /// Newest wins among vouched-for records only: an unsigned newer fail does not undo a signed
    /// pass, and a signed newer fail does.
    @Test func theNewestRuleAppliesToSignedRecordsOnly() throws {
        let fixture = try Fixture()
        let keys = fixture.keys((.local, fixture.alice))
        for tier in Tier.allCases { try fixture.sign(try fixture.record(.pass, tier, on: fixture.passing), with: fixture.alice) }
        try fixture.store.append(try fixture.record(.fail, .fast, on: fixture.passing, at: 10))
        #expect(try fixture.verify(fixture.passing, keys: keys).isVerified)
        try fixture.sign(try fixture.record(.fail, .fast, on: fixture.passing, at: 20), with: fixture.alice)
        let verification = try fixture.verify(fixture.passing, keys: keys)
        #expect(!verification.isVerified)
        #expect(verification.text().contains("  fast: failed: it failed (signed by local \(Self.keyID(fixture.alice)))\n"), "\(verification.text())")
    }

    /// `--require cluster`: the clean room counts only with a cluster key's signature; the fast
    /// tier (always the workspace's) with a local one.
    @Test func requireClusterAcceptsOnlyClusterKeysForTheCleanRoom() throws {
        let fixture = try Fixture()
        let attestor = Curve25519.Signing.PrivateKey()
        try fixture.sign(try fixture.record(.pass, .fast, on: fixture.passing), with: fixture.alice)
        try fixture.sign(try fixture.record(.pass, .cleanRoom, on: fixture.passing), with: fixture.alice)
        let keys = fixture.keys((.local, fixture.alice), (.cluster, attestor))
        #expect(try fixture.verify(fixture.passing, keys: keys).isVerified)
        let strict = try fixture.verify(fixture.passing, keys: keys, require: .cluster)
        #expect(!strict.isVerified)
        #expect(strict.text().contains("  clean-room: missing: no verdict vouched for by a trusted key with role cluster\n    ignored: pass (local, "), "\(strict.text())")
        #expect(strict.text().contains("): signed by local \(Self.keyID(fixture.alice)): --require cluster accepts only cluster keys\n"), "\(strict.text())")

        try fixture.sign(try fixture.record(.pass, .cleanRoom, on: fixture.passing, at: 5), with: attestor)
        let signed = try fixture.verify(fixture.passing, keys: keys, require: .cluster)
        #expect(signed.isVerified, "\(signed.text())")
        #expect(signed.text().contains("  clean-room: pass (local, ") && signed.text().contains("signed by cluster \(Self.keyID(attestor)))\n"), "\(signed.text())")
        // With no keys at all, --require cluster can never be met.
        #expect(!(try fixture.verify(fixture.passing, keys: TrustedKeys(), require: .cluster)).isVerified)
    }

    /// `--require signed`: with no trusted keys (a trusted-keys file deleted), unsigned records are
    /// listed as ignored and nothing verifies; with keys, every tier needs a signature.
    @Test func requireSignedRefusesWhenNothingCryptographicCanBeChecked() throws {
        let fixture = try Fixture()
        for tier in Tier.allCases { try fixture.store.append(try fixture.record(.pass, tier, on: fixture.passing)) }
        #expect(try fixture.verify(fixture.passing, keys: TrustedKeys()).isVerified)
        let strict = try fixture.verify(fixture.passing, keys: TrustedKeys(), require: .signed)
        #expect(!strict.isVerified)
        #expect(strict.text().contains("  fast: missing: no verdict vouched for by a trusted key\n    ignored: pass (workspace, "), "\(strict.text())")
        #expect(strict.text().contains("): no trusted keys, and --require signed needs a signature\n"), "\(strict.text())")
        for tier in Tier.allCases { try fixture.sign(try fixture.record(.pass, tier, on: fixture.passing, at: 5), with: fixture.alice) }
        #expect(try fixture.verify(fixture.passing, keys: fixture.keys((.local, fixture.alice)), require: .signed).isVerified)
    }

    /// The key file is made once, even by two processes at the same moment, and never replaced.
    @Test func theSigningKeyIsCreatedOnFirstUseOnlyOnce() async throws {
        let scratch = ScratchDirectory()
        let file = SigningKeyFile(url: scratch.path("config/greenlight/signing-key"))
        let keys = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { Array(try file.loadOrCreate().rawRepresentation) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(keys).count == 1, "every caller must end up with the one key on disk")
        #expect(Array(try file.load().rawRepresentation) == keys.first)
    }

    /// An attestor's Statement (it names no record) counts only for a Kubernetes clean room: with a
    /// local trusted clean room, or claiming another backend, it is signed "for something else".
    @Test func anAttestorStatementNeverCountsForALocalCleanRoom() throws {
        let fixture = try Fixture()
        let attestor = Curve25519.Signing.PrivateKey()
        func statement(backend: String) throws -> String {
            let payload: JSONValue = [
                "_type": .string(VerdictStatement.statementType),
                "subject": [["digest": ["gitCommit": .string(fixture.failing.commit.hex)]]],
                "predicateType": .string(VerdictStatement.predicateType),
                "predicate": [
                    "result": "PASSED",
                    "configuration": [["name": ".greenlight.yml#clean-room", "digest": ["sha256": .string(try fixture.config.cleanRoom.digest())]]],
                    "greenlight": ["tier": "clean-room", "tree": .string(fixture.failing.tree.hex), "backend": .string(backend),
                                   "finishedAt": "2026-12-01T00:00:00Z", "podSpec": ["containers": []]],
                ],
            ]
            return try DSSEEnvelope.sign(payload: try CanonicalJSON.bytes(payload), payloadType: DSSEEnvelope.inTotoPayloadType, with: attestor).line()
        }
        try fixture.repository.appendToNote(on: fixture.failing.commit, lines: [try statement(backend: "kubernetes"), try statement(backend: "local")])
        let keys = fixture.keys((.cluster, attestor))
        let judged = AttestationCheck.judge(try fixture.store.entries(for: fixture.failing.commit), keys: keys,
                                            commit: fixture.failing.commit, tree: fixture.failing.tree, podSpec: nil).records.map(\.signature)
        let id = Self.keyID(attestor)
        #expect(judged == [.mismatched(keyID: id, reason: "the trusted gate's clean room is not on Kubernetes, so no attested pod can be it"),
                           .mismatched(keyID: id, reason: "it claims the clean-room tier on backend local; only a Kubernetes clean room is attested")])
        let verification = try fixture.verify(fixture.failing, keys: keys, require: .cluster)
        #expect(!verification.isVerified, "\(verification.text())")
    }
}
