import Crypto
import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// The signed-verdict formats, against their specs and a third-party implementation (OpenSSL's
/// Ed25519 and PKCS#8/SPKI readers): DSSE's pre-authentication encoding, envelopes, in-toto
/// Statements, OpenSSH key blobs, trusted-keys lines and the key file.
@Suite("attestation formats")
struct AttestationTests {
    /// The seed 00 01 02 … 1f: a fixed key, so signatures (Ed25519 is deterministic) are fixed too.
    static var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: Array(0..<32) as [UInt8]) }

    static func record(verdict: Verdict = .pass) -> VerdictRecord {
        let commit = ObjectID(hex: "1111111111111111111111111111111111111111")!
        let tree = ObjectID(hex: "2222222222222222222222222222222222222222")!
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        var record = VerdictRecord(verdict: verdict, tier: .cleanRoom, commit: commit, tree: tree, digest: String(repeating: "ab", count: 32),
                                   backend: "local", isolation: .bwrap, startedAt: date, finishedAt: date.addingTimeInterval(1.5), steps: [],
                                   summary: "", failingTests: verdict == .fail ? ["TestWidget"] : nil, log: "/tmp/log", greenlightVersion: "0.1.0")
        record.definition = .trusted
        return record
    }

    /// The example of the DSSE spec (protocol.md): PAE("http://example.com/HelloWorld", "hello world").
    @Test func preAuthenticationEncodingFollowsTheSpec() {
        let encoded = DSSEEnvelope.preAuthenticationEncoding(payloadType: "http://example.com/HelloWorld", payload: Array("hello world".utf8))
        #expect(String(decoding: encoded, as: UTF8.self) == "DSSEv1 29 http://example.com/HelloWorld 11 hello world")
        #expect(String(decoding: DSSEEnvelope.preAuthenticationEncoding(payloadType: "", payload: []), as: UTF8.self) == "DSSEv1 0  0 ")
    }

    /// A known envelope against its expected bytes; the signature is also made and checked by OpenSSL.
    @Test func aKnownEnvelopeHasItsExpectedBytesAndOpenSSLAgrees() throws {
        let payload = try VerdictStatement.payload(for: Self.record(), logSHA256: String(repeating: "cd", count: 32),
                                                   recordSHA256: String(repeating: "ef", count: 32))
        #expect(String(decoding: payload, as: UTF8.self) == #"{"_type":"https://in-toto.io/Statement/v1","predicate":{"configuration":[{"digest":{"sha256":"abababababababababababababababababababababababababababababababab"},"name":".greenlight.yml#clean-room"}],"failedTests":[],"greenlight":{"backend":"local","definition":"trusted","finishedAt":"2026-09-21T14:13:21.500Z","greenlightVersion":"0.1.0","isolation":"bwrap","logSHA256":"cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd","recordSHA256":"efefefefefefefefefefefefefefefefefefefefefefefefefefefefefefefef","startedAt":"2026-09-21T14:13:20.000Z","tier":"clean-room","tree":"2222222222222222222222222222222222222222"},"result":"PASSED","url":"file:///tmp/log"},"predicateType":"https://in-toto.io/attestation/test-result/v0.1","subject":[{"digest":{"gitCommit":"1111111111111111111111111111111111111111"}}]}"#)
        let envelope = try DSSEEnvelope.sign(payload: payload, payloadType: DSSEEnvelope.inTotoPayloadType, with: Self.key)
        #expect(envelope.isSigned(by: Self.key.publicKey))

        // OpenSSL signs the same PAE with the same key (read from our PKCS#8 PEM): Ed25519 is
        // deterministic, so the signature must be byte for byte ours; and it verifies ours with
        // the public key read as SPKI from the trusted-keys line's blob.
        let scratch = ScratchDirectory()
        let pae = DSSEEnvelope.preAuthenticationEncoding(payloadType: envelope.payloadType, payload: payload)
        try Data(pae).write(to: scratch.path("pae"))
        try SigningKeyFile.pem(Self.key).write(to: scratch.path("key.pem"), atomically: true, encoding: .utf8)
        let signed = try FixtureProcess().run(["openssl", "pkeyutl", "-sign", "-rawin", "-inkey", "key.pem", "-in", "pae", "-out", "sig"],
                                              in: scratch.url, environment: TestEnvironment.base)
        #expect(signed.succeeded, "\(signed.stderr)")
        let opensslSignature = try Data(contentsOf: scratch.path("sig"))
        #expect(opensslSignature.base64EncodedString() == envelope.signatures.first?.sig)

        let line = TrustedKey(role: .local, key: SSHEd25519PublicKey(Self.key.publicKey)).line
        let parsed = try #require(try TrustedKey.parse(line, file: "trusted-keys").first)
        let spki = Data([0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00] + parsed.key.raw)
        try ("-----BEGIN PUBLIC KEY-----\n\(spki.base64EncodedString())\n-----END PUBLIC KEY-----\n")
            .write(to: scratch.path("pub.pem"), atomically: true, encoding: .utf8)
        try Data(base64Encoded: try #require(envelope.signatures.first?.sig))!.write(to: scratch.path("ours"))
        let verified = try FixtureProcess().run(["openssl", "pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "pub.pem", "-in", "pae", "-sigfile", "ours"],
                                                in: scratch.url, environment: TestEnvironment.base)
        #expect(verified.succeeded, "\(verified.stdout)\(verified.stderr)")

        #expect(try envelope.line() == #"{"payload":"\#(Data(payload).base64EncodedString())","payloadType":"application/vnd.in-toto+json","signatures":[{"keyid":"\#(SSHEd25519PublicKey(Self.key.publicKey).keyID)","sig":"\#(opensslSignature.base64EncodedString())"}]}"#)
    }

    @Test func aTamperedEnvelopeOrAnotherKeyDoesNotVerify() throws {
        let payload = try VerdictStatement.payload(for: Self.record(), logSHA256: nil, recordSHA256: "")
        let envelope = try DSSEEnvelope.sign(payload: payload, payloadType: DSSEEnvelope.inTotoPayloadType, with: Self.key)
        var swapped = envelope
        swapped.payload = Data(String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "1111111111", with: "3333333333").utf8).base64EncodedString()
        #expect(!swapped.isSigned(by: Self.key.publicKey), "a swapped commit must break the signature")
        var retyped = envelope
        retyped.payloadType = "application/json"
        #expect(!retyped.isSigned(by: Self.key.publicKey), "the payload type is signed too (PAE)")
        #expect(!envelope.isSigned(by: Curve25519.Signing.PrivateKey().publicKey))
        #expect(throws: AttestationError.self) { try VerdictStatement.payload(for: Self.record(verdict: .error), logSHA256: nil, recordSHA256: "") }
        let failed = try VerdictStatement.statement(for: Self.record(verdict: .fail), logSHA256: nil, recordSHA256: "")
        #expect(failed.object?["predicate"]?.object?["result"] == .string("FAILED"))
        #expect(failed.object?["predicate"]?.object?["failedTests"] == .array([.string("TestWidget")]))
    }

    /// OpenSSH's own tool reads our public key line and prints the same fingerprint as our keyid.
    @Test func theKeyLineIsOpenSSHsAndTheKeyIDItsFingerprint() throws {
        let public_ = SSHEd25519PublicKey(Self.key.publicKey)
        #expect(public_.openSSH.hasPrefix("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"))
        #expect(try SSHEd25519PublicKey(base64Blob: String(public_.openSSH.split(separator: " ")[1])) == public_)
        let scratch = ScratchDirectory()
        try (public_.openSSH + " test\n").write(to: scratch.path("key.pub"), atomically: true, encoding: .utf8)
        // ssh-keygen (openssh-client) is not among what install.sh installs: checked where it is there.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen") else { return }
        let fingerprint = try FixtureProcess().run(["ssh-keygen", "-l", "-E", "sha256", "-f", "key.pub"], in: scratch.url, environment: TestEnvironment.base)
        #expect(fingerprint.succeeded, "\(fingerprint.stderr)")
        #expect(fingerprint.stdout.split(separator: " ").dropFirst().first.map(String.init) == public_.keyID)
    }

    @Test func trustedKeyLinesAreParsedAndBadOnesNameTheirLine() throws {
        let local = SSHEd25519PublicKey(Self.key.publicKey)
        let text = "# who may sign verdicts\n\nlocal \(local.openSSH) alice@laptop\ncluster \(local.openSSH)\n"
        let keys = try TrustedKey.parse(text, file: ".greenlight/trusted-keys")
        #expect(keys.map(\.role) == [.local, .cluster])
        #expect(keys.map(\.comment) == ["alice@laptop", ""])
        #expect(keys.first?.line == "local \(local.openSSH) alice@laptop")
        // A CRLF file and tab-separated fields read as they look.
        let windows = try TrustedKey.parse("# keys\r\nlocal\t\(local.openSSH.replacingOccurrences(of: " ", with: "\t"))\r\ncluster \(local.openSSH) ci\r\n", file: "keys")
        #expect(windows.map(\.role) == [.local, .cluster] && windows.map(\.comment) == ["", "ci"] && windows.allSatisfy { $0.key == local })
        let bad: [(String, String)] = [
            ("admin \(local.openSSH)", "unknown role 'admin'; known: local, cluster"),
            ("local ssh-rsa AAAAB3NzaC1yc2E=", "only ssh-ed25519 keys are accepted, not 'ssh-rsa'"),
            ("local ssh-ed25519 !!!", "the key is not base64"),
            ("local ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAAQE=", "an ssh-ed25519 key has 32 bytes and nothing after them"),
            ("local", "expected `<role> ssh-ed25519 <base64 key> [comment]`"),
        ]
        for (line, message) in bad {
            do {
                _ = try TrustedKey.parse("# first\n\(line)\n", file: "keys")
                Issue.record("accepted: \(line)")
            } catch {
                #expect(error.line == 2 && error.file == "keys" && error.message == message, "\(line): \(error)")
            }
        }
    }

    @Test func theKeyFileIsPrivateRefusesToBeReplacedAndStaysOutOfRepositories() throws {
        let scratch = ScratchDirectory()
        let file = SigningKeyFile(url: scratch.path("config/greenlight/signing-key"))
        let key = try file.create(force: false)
        var info = stat()
        #expect(stat(file.url.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(file.url.deletingLastPathComponent().path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(try file.load().rawRepresentation == key.rawRepresentation)
        #expect(throws: FileError.self) { try file.create(force: false) }
        #expect(try file.load().rawRepresentation == key.rawRepresentation, "a refused init leaves the key as it was")
        let replaced = try file.create(force: true)
        #expect(replaced.rawRepresentation != key.rawRepresentation)
        chmod(file.url.path, 0o644)
        #expect(throws: FileError.self) { try file.load() }
        let repo = try ScratchRepository()
        // Inside any working tree, however deep and whether or not the directories exist yet.
        let inside = SigningKeyFile(url: repo.url.appendingPathComponent("not/yet/there/key"))
        #expect(throws: FileError.self) { try inside.create(force: false) }
        #expect(!FileManager.default.fileExists(atPath: repo.url.appendingPathComponent("not").path))
        #expect(SigningKeyFile.defaultLocation(environment: ["HOME": "/home/a"]).path == "/home/a/.config/greenlight/signing-key")
        #expect(SigningKeyFile.defaultLocation(environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "/x"]).path == "/x/greenlight/signing-key")
        // A relative or empty HOME (or XDG_CONFIG_HOME) is not a place: the password database's home is.
        let passwd = String(cString: getpwuid(getuid()).pointee.pw_dir) + "/.config/greenlight/signing-key"
        for environment in [["HOME": "rel"], ["HOME": ""], [:], ["HOME": "rel", "XDG_CONFIG_HOME": "x"]] {
            #expect(SigningKeyFile.defaultLocation(environment: environment).path == passwd, "\(environment)")
        }

        // A link from the config directory into a repository is inside the repository.
        let linked = SigningKeyFile(url: scratch.path("linked/signing-key"))
        try FileManager.default.createDirectory(at: scratch.path("linked"), withIntermediateDirectories: true)
        try SigningKeyFile.pem(Self.key).write(to: repo.url.appendingPathComponent("key"), atomically: true, encoding: .utf8)
        chmod(repo.url.appendingPathComponent("key").path, 0o600)
        try FileManager.default.createSymbolicLink(at: linked.url, withDestinationURL: repo.url.appendingPathComponent("key"))
        #expect { try linked.load() } throws: { ($0 as? FileError)?.reason.hasPrefix("the signing key is inside a repository (") == true }
        // A dangling link and a directory say what they are.
        let dangling = SigningKeyFile(url: scratch.path("linked/dangling"))
        try FileManager.default.createSymbolicLink(atPath: dangling.url.path, withDestinationPath: scratch.path("nowhere").path)
        #expect { try dangling.load() } throws: { ($0 as? FileError)?.reason.hasPrefix("a symbolic link to a file that does not exist") == true }
        #expect { try dangling.loadOrCreate() } throws: { ($0 as? FileError)?.reason.hasPrefix("a symbolic link to a file that does not exist") == true }
        #expect { try SigningKeyFile(url: scratch.path("linked")).load() } throws: { ($0 as? FileError)?.reason == "is a directory, not a signing key" }
        // OpenSSL reads the key file as the standard PKCS#8 it claims to be.
        chmod(file.url.path, 0o600)
        let read = try FixtureProcess().run(["openssl", "pkey", "-in", file.url.path, "-noout", "-text"], in: scratch.url, environment: TestEnvironment.base)
        #expect(read.succeeded && read.stdout.contains("ED25519 Private-Key"), "\(read.stdout)\(read.stderr)")
    }

    /// `greenlight keys init` and `keys show`, as a user runs them.
    @Test func keysInitRefusesToReplaceAndShowPrintsTheTrustedKeysLine() throws {
        let scratch = ScratchDirectory()
        let keyPath = scratch.path("keys/signing-key").path
        let created = try GreenlightBinary.run(["keys", "init", "--output", keyPath], in: scratch.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr == "greenlight: created the signing key at \(keyPath)\n")
        let line = created.stdout.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("local ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"), "\(line)")
        #expect(try TrustedKey.parse(line, file: "stdout").count == 1)
        let again = try GreenlightBinary.run(["keys", "init", "--output", keyPath], in: scratch.url)
        #expect(again.status == 2)
        #expect(again.stderr == "greenlight: error: \(keyPath): a signing key is already there; pass --force to replace it (verdicts it signed stay signed by it)\n", "\(again.stderr)")
        let shown = try GreenlightBinary.run(["keys", "show", "--key", keyPath, "--role", "cluster"], in: scratch.url)
        #expect(shown.status == 0)
        #expect(shown.stdout == line.replacingOccurrences(of: "local ", with: "cluster ") + "\n")
        let missing = try GreenlightBinary.run(["keys", "show", "--key", scratch.path("none").path], in: scratch.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no signing key here (create one with `greenlight keys init`)"), "\(missing.stderr)")
    }

    /// securesystemslib's DSSE reader and in-toto-attestation's Statement and test-result readers
    /// (PyPI, installed by ./install.sh into .build-tools/venv), reading the public key from the
    /// trusted-keys line as `greenlight keys show` prints it.
    static let thirdPartyVerifier = #"""
        import base64, hashlib, json, sys
        from securesystemslib.dsse import Envelope
        from securesystemslib.signer import SSlibKey
        from google.protobuf import json_format
        from in_toto_attestation.v1 import statement_pb2
        from in_toto_attestation.v1.statement import Statement
        from in_toto_attestation.predicates.test_result.v0 import test_result_pb2

        role, algorithm, blob64 = open(sys.argv[1]).read().split()[:3]
        blob = base64.b64decode(blob64)
        def take(data):
            n = int.from_bytes(data[:4], "big")
            return data[4:4 + n], data[4 + n:]
        name, rest = take(blob)
        raw, rest = take(rest)
        assert algorithm == "ssh-ed25519" and name == b"ssh-ed25519" and len(raw) == 32 and rest == b"", "not an ssh-ed25519 key"
        keyid = "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
        key = SSlibKey(keyid, "ed25519", "ed25519", {"public": raw.hex()})
        envelope = Envelope.from_dict(json.loads(open(sys.argv[2]).read()))
        accepted = envelope.verify([key], 1)
        statement = json_format.Parse(envelope.payload.decode(), statement_pb2.Statement())
        Statement.copy_from_pb(statement).validate()
        predicate = json_format.ParseDict(json_format.MessageToDict(statement.predicate), test_result_pb2.TestResult(), ignore_unknown_fields=True)
        print(json.dumps({"keyids": sorted(accepted), "payloadType": envelope.payload_type, "predicateType": statement.predicate_type,
                          "subject": dict(statement.subject[0].digest), "result": predicate.result,
                          "configuration": [dict(c.digest) for c in predicate.configuration]}, sort_keys=True))
        """#

    @Test func whatGreenlightWritesVerifiesWithThirdPartyDSSEAndInTotoReaders() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent(".build-tools/venv/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path),
                     "the test tools are not installed; run ./install.sh (it installs securesystemslib and in-toto-attestation into .build-tools/venv)")
        let repo = try ScratchRepository("interop")
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: ./test.sh}\n")
        try repo.write("test.sh", "#!/bin/sh\necho '--- FAIL: TestWidget (0.00s)'\nexit 1\n", executable: true)
        let commit = try repo.commitAll("fails")
        var environment = TestEnvironment.base
        environment["HOME"] = repo.scratch.url.path
        #expect(try GreenlightBinary.run(["check"], in: repo.url, environment: environment).status == 1)
        let keyLine = try GreenlightBinary.run(["keys", "show"], in: repo.url, environment: environment).stdout
        try keyLine.write(to: repo.scratch.path("trusted-keys"), atomically: true, encoding: .utf8)
        let envelope = try #require(try repo.note(commit)?.split(separator: "\n").first { $0.contains("\"payloadType\"") })
        try String(envelope).write(to: repo.scratch.path("envelope.json"), atomically: true, encoding: .utf8)
        try Self.thirdPartyVerifier.write(to: repo.scratch.path("verify.py"), atomically: true, encoding: .utf8)

        let verified = try FixtureProcess().run([python.path, "verify.py", "trusted-keys", "envelope.json"], in: repo.scratch.url, environment: TestEnvironment.base)
        #expect(verified.succeeded, "\(verified.stderr)")
        let keyID = try SSHEd25519PublicKey(base64Blob: String(keyLine.split(separator: " ")[2]).trimmingCharacters(in: .newlines)).keyID
        let digest = try ConfigLoader().load(fromRoot: repo.url).fast.digest()
        #expect(verified.stdout == #"{"configuration": [{"sha256": "\#(digest)"}], "keyids": ["\#(keyID)"], "payloadType": "application/vnd.in-toto+json", "#
            + #""predicateType": "https://in-toto.io/attestation/test-result/v0.1", "result": "FAILED", "subject": {"gitCommit": "\#(commit)"}}"# + "\n")

        // One payload byte changed: the third party refuses it too.
        var tampered = try JSONDecoder().decode(DSSEEnvelope.self, from: Data(envelope.utf8))
        tampered.payload = Data(String(decoding: try #require(tampered.payloadBytes), as: UTF8.self)
            .replacingOccurrences(of: "FAILED", with: "PASSED").utf8).base64EncodedString()
        try tampered.line().write(to: repo.scratch.path("envelope.json"), atomically: true, encoding: .utf8)
        let refused = try FixtureProcess().run([python.path, "verify.py", "trusted-keys", "envelope.json"], in: repo.scratch.url, environment: TestEnvironment.base)
        #expect(!refused.succeeded && refused.stderr.contains("VerificationError"), "\(refused.stdout)\(refused.stderr)")
    }
}
