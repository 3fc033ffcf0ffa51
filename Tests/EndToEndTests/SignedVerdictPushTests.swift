import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Signed verdicts through real pushes: the trusted keys live at the trusted ref, the hook and
/// CI's `verify` count only what they vouch for, and a forged note, a foreign key or a local key
/// under `--require cluster` is listed as ignored, never counted.
@Suite("signed verdicts through git push", .requiresSandbox, .timeLimit(.minutes(5)))
struct SignedVerdictPushTests {
    /// A fixture whose main branch trusts this user's key (`alice`), already pushed.
    static func trustingFixture() throws -> (fixture: PushFixture, keyLine: String, keyID: String) {
        let fixture = try PushFixture()
        let created = try fixture.greenlight(["keys", "init"])
        #expect(created.status == 0, "\(created.stderr)")
        let keyLine = created.stdout.trimmingCharacters(in: .newlines)
        try fixture.work.write(".greenlight/trusted-keys", "# who may vouch for a verdict\n\(keyLine) alice\n")
        try fixture.work.commitAll("trust alice")
        let pushed = try fixture.git(["push", "origin", "main"])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        let keyID = try SSHEd25519PublicKey(base64Blob: String(keyLine.split(separator: " ")[2])).keyID
        return (fixture, keyLine, keyID)
    }

    func golden(_ fixture: PushFixture, keyIDs: [(String, String)]) -> Golden {
        Golden(paths: [(fixture.work.url.path, "<repo>"), (fixture.remote.path, "<remote>"), (fixture.scratch.url.path, "<scratch>")] + keyIDs)
    }

    func expectGolden(_ actual: String, _ expected: String, _ golden: Golden, sourceLocation: SourceLocation = #_sourceLocation) {
        let normalized = golden.normalize(actual)
        #expect(normalized == expected, "\(Golden.difference(expected: expected, actual: normalized))", sourceLocation: sourceLocation)
    }

    /// The real thing verifies in CI, with who signed; a passing commit's note lines copied onto a
    /// failing commit (SHAs and tree swapped) fool neither the hook nor `verify`.
    @Test func theRealThingVerifiesAndAForgedNoteDoesNot() throws {
        let (fixture, _, keyID) = try Self.trustingFixture()
        let golden = golden(fixture, keyIDs: [(keyID, "<alice>")])
        try fixture.work.write("feature.txt", "works\n")
        let good = try fixture.work.commitAll("a working feature")
        let pushed = try fixture.git(["push", "origin", "main"])
        #expect(pushed.status == 0, "\(pushed.stderr)")

        let ci = try fixture.clone("ci")
        let verified = try fixture.greenlight(["verify", good], in: ci.url)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        expectGolden(verified.stdout, """
            greenlight verify <sha1>: verified
              fast: pass (workspace, <time>, signed by local <alice> alice)
              clean-room: pass (local, <time>, signed by local <alice> alice)

            """, golden)
        let status = try fixture.greenlight(["status", good], in: ci.url)
        #expect(status.stdout.components(separatedBy: "        signed by local \(keyID) alice\n").count == 3, "\(status.stdout)")

        // A failing commit, never gated; its note forged from the good one's.
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        let bad = try fixture.work.commitAll("tests fail")
        let repository = try fixture.work.open()
        let goodTree = try repository.resolve(good).tree.hex
        let badTree = try repository.resolve(bad).tree.hex
        let forged = try #require(try fixture.work.note(good))
            .replacingOccurrences(of: good, with: bad).replacingOccurrences(of: goodTree, with: badTree)
        #expect(try fixture.git(["notes", "--ref=greenlight", "append", "-m", forged.trimmingCharacters(in: .newlines), bad]).status == 0)

        // The hook does not take the forged pass: it runs the tier, which fails, and says why it ran.
        let refused = try fixture.git(["push", "origin", "main"])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("greenlight: warning: 1 recorded verdict(s) for \(bad.prefix(12)) (fast) are not vouched for by a trusted key "
            + "(newest: pass, unsigned); the tier runs again\n"), "\(refused.stderr)")
        #expect(refused.stderr.contains("TestBroken"))

        // Pushed anyway with the forged note; CI lists the forged lines as ignored.
        #expect(try fixture.git(["push", "--no-verify", "origin", "main:refs/heads/sneaky", "refs/notes/greenlight"]).status == 0)
        _ = try ci.git("fetch", "-q", "origin")
        let rejected = try fixture.greenlight(["verify", bad], in: ci.url)
        #expect(rejected.status == 1)
        expectGolden(rejected.stdout, """
            greenlight verify <sha1>: NOT verified
              fast: failed: step 'unit' failed with exit code 1 after <d>s (signed by local <alice> alice)
                ignored: pass (workspace, <time>): unsigned
              clean-room: missing: no verdict vouched for by a trusted key
                ignored: pass (local, <time>): unsigned

            """, golden)
    }

    /// Another user's key signs their verdicts: `verify` ignores it until it is trusted, and a
    /// local key never satisfies `--require cluster`.
    @Test func aForeignKeyCountsOnlyOnceTrustedAndLocalKeysNeverSatisfyRequireCluster() throws {
        let (fixture, _, aliceID) = try Self.trustingFixture()
        var bobEnvironment = fixture.environment
        bobEnvironment["HOME"] = fixture.scratch.path("bob-home").path
        let bob = fixture.scratch.path("bob")
        try Command.check(["git", "clone", "-q", fixture.remote.path, bob.path], in: fixture.scratch.url, environment: bobEnvironment)
        #expect(try fixture.greenlight(["install"], in: bob, environment: bobEnvironment).status == 0)
        try "bob's change\n".write(to: bob.appendingPathComponent("bob.txt"), atomically: true, encoding: .utf8)
        try Command.check(["git", "add", "-A"], in: bob, environment: bobEnvironment)
        try Command.check(["git", "commit", "-qm", "bob's change"], in: bob, environment: bobEnvironment)
        let commit = try Command.check(["git", "rev-parse", "HEAD"], in: bob, environment: bobEnvironment).trimmingCharacters(in: .whitespacesAndNewlines)
        // Bob's own hook trusts Bob's key (created on first use), so his push goes through.
        let pushed = try Command.run(["git", "push", "origin", "main"], in: bob, environment: bobEnvironment)
        #expect(pushed.status == 0, "\(pushed.stderr)")
        let bobLine = try fixture.greenlight(["keys", "show"], in: bob, environment: bobEnvironment).stdout.trimmingCharacters(in: .newlines)
        let bobID = try SSHEd25519PublicKey(base64Blob: String(bobLine.split(separator: " ")[2])).keyID
        let golden = golden(fixture, keyIDs: [(aliceID, "<alice>"), (bobID, "<bob>")])

        let ci = try fixture.clone("ci")
        let untrusted = try fixture.greenlight(["verify", commit], in: ci.url)
        #expect(untrusted.status == 1)
        expectGolden(untrusted.stdout, """
            greenlight verify <sha1>: NOT verified
              fast: missing: no verdict vouched for by a trusted key
                ignored: pass (workspace, <time>): untrusted key <bob>
              clean-room: missing: no verdict vouched for by a trusted key
                ignored: pass (local, <time>): untrusted key <bob>

            """, golden)

        let bobFile = fixture.scratch.path("bob.keys")
        try bobLine.write(to: bobFile, atomically: true, encoding: .utf8)
        let trusted = try fixture.greenlight(["verify", commit, "--trust", bobFile.path], in: ci.url)
        #expect(trusted.status == 0, "\(trusted.stdout)")
        expectGolden(trusted.stdout, """
            greenlight verify <sha1>: verified
              fast: pass (workspace, <time>, signed by local <bob>)
              clean-room: pass (local, <time>, signed by local <bob>)

            """, golden)

        let strict = try fixture.greenlight(["verify", commit, "--trust", bobFile.path, "--require", "cluster"], in: ci.url)
        #expect(strict.status == 1)
        expectGolden(strict.stdout, """
            greenlight verify <sha1>: NOT verified
              fast: pass (workspace, <time>, signed by local <bob>)
              clean-room: missing: no verdict vouched for by a trusted key with role cluster
                ignored: pass (local, <time>): signed by local <bob>: --require cluster accepts only cluster keys

            """, golden)

        // The same key listed with role cluster (as an attestor's would be) satisfies it.
        let asCluster = fixture.scratch.path("bob-as-cluster.keys")
        try bobLine.replacingOccurrences(of: "local ", with: "cluster ").write(to: asCluster, atomically: true, encoding: .utf8)
        let cluster = try fixture.greenlight(["verify", commit, "--trust", asCluster.path, "--require", "cluster", "--json"], in: ci.url)
        #expect(cluster.status == 0, "\(cluster.stdout)")
        let document = try JSONValue.parse(Data(cluster.stdout.utf8))
        #expect(document["cryptographic"] == .bool(true))
        #expect(document["tiers"]?.array?.compactMap { $0["signer"]?.string } == ["signed by cluster \(bobID)", "signed by cluster \(bobID)"])

        // doctor tells each of them whether CI will count their verdicts.
        let aliceDoctor = try fixture.greenlight(["doctor"])
        #expect(aliceDoctor.status == 0, "\(aliceDoctor.stdout)")
        #expect(aliceDoctor.stdout.hasSuffix("ok   signing key: \(aliceID) at \(fixture.scratch.url.path)/.config/greenlight/signing-key, "
            + "trusted as local by refs/remotes/origin/main:.greenlight/trusted-keys\n"), "\(aliceDoctor.stdout)")
        let bobDoctor = try fixture.greenlight(["doctor"], in: bob, environment: bobEnvironment)
        #expect(bobDoctor.status == 1, "\(bobDoctor.stdout)")
        #expect(bobDoctor.stdout.hasSuffix("FAIL signing key: \(bobID) at \(bobEnvironment["HOME"]!)/.config/greenlight/signing-key is not in "
            + "refs/remotes/origin/main:.greenlight/trusted-keys: greenlight verify ignores verdicts it signs; a maintainer adds this line "
            + "on the trusted branch: \(bobLine)\n"), "\(bobDoctor.stdout)")

        // A --trust file that cannot be read is an error naming it, not an empty list.
        let missing = try fixture.greenlight(["verify", commit, "--trust", "/nonexistent/keys"], in: ci.url)
        #expect(missing.status == 2)
        #expect(missing.stderr == "greenlight: error: /nonexistent/keys: cannot read this trusted-keys file\n", "\(missing.stderr)")
    }

    /// A bad line in the trusted ref's trusted-keys stops the gate with the file and line named.
    @Test func aBadTrustedKeysLineIsNamed() throws {
        let (fixture, _, _) = try Self.trustingFixture()
        try fixture.work.write(".greenlight/trusted-keys", "local ssh-rsa AAAA\n")
        try fixture.work.commitAll("break the keys")
        #expect(try fixture.git(["push", "--no-verify", "origin", "main"]).status == 0)
        let check = try fixture.greenlight(["check"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("refs/remotes/origin/main:.greenlight/trusted-keys:1: only ssh-ed25519 keys are accepted, not 'ssh-rsa'"), "\(check.stderr)")
    }

    /// Commits pushed straight to the trusted branch are judged by their first parent's trusted
    /// keys, so a chain that adds a key and then uses it verifies against the repository's keys
    /// (the README says so); keys pinned in CI (`--trust`, `--no-repository-keys`) do not move.
    @Test func keysPinnedOutsideTheRepositoryResistAKeyAddedOnTheTrustedBranch() throws {
        let (fixture, aliceLine, _) = try Self.trustingFixture()
        var malloryEnvironment = fixture.environment
        malloryEnvironment["HOME"] = fixture.scratch.path("mallory-home").path
        let malloryLine = try fixture.greenlight(["keys", "init"], environment: malloryEnvironment).stdout.trimmingCharacters(in: .newlines)
        try fixture.work.write(".greenlight/trusted-keys", "\(aliceLine) alice\n\(malloryLine.replacingOccurrences(of: "local ", with: "cluster ")) mallory\n")
        try fixture.work.commitAll("trust mallory")
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        let broken = try fixture.work.commitAll("tests fail")
        // Mallory signs passes for the broken commit with her own key, under the trusted digest.
        let repository = try fixture.work.open()
        let commit = try repository.resolve(broken)
        let config = try ConfigLoader().load(fromRoot: fixture.work.url)
        let signer = VerdictSigner(key: try SigningKeyFile.at(nil, environment: malloryEnvironment).load())
        let store = VerdictStore(repository: repository)
        for tier in Tier.allCases {
            let record = VerdictRecord(verdict: .pass, tier: tier, commit: commit.commit, tree: commit.tree, digest: try config.definition(of: tier).digest(),
                                       backend: tier == .fast ? "workspace" : "local", startedAt: Date(), finishedAt: Date(), steps: [], summary: "")
            try store.append(record) { try signer.attestationLines(for: record, recordLine: $0) }
        }
        #expect(try fixture.git(["push", "--no-verify", "origin", "main", "refs/notes/greenlight"]).status == 0)

        let ci = try fixture.clone("ci")
        let pinned = fixture.scratch.path("pinned.keys")
        try "\(aliceLine) alice\n".write(to: pinned, atomically: true, encoding: .utf8)
        // The repository's keys at the first parent include Mallory's: that is the documented limit.
        #expect(try fixture.greenlight(["verify", broken], in: ci.url).status == 0)
        let strict = try fixture.greenlight(["verify", broken, "--trust", pinned.path, "--no-repository-keys", "--require", "signed"], in: ci.url)
        #expect(strict.status == 1, "\(strict.stdout)")
        #expect(strict.stdout.contains("    ignored: pass (workspace, ") && strict.stdout.contains("): untrusted key SHA256:"), "\(strict.stdout)")
        let json = try JSONValue.parse(Data(try fixture.greenlight(["verify", broken, "--trust", pinned.path, "--no-repository-keys", "--json"], in: ci.url).stdout.utf8))
        #expect(json["trusted_keys"] == .array([.string(pinned.path)]) && json["verified"] == .bool(false))
    }

    /// A repository that trusts keys refuses to record unsigned verdicts that CI would ignore:
    /// a key others can read stops the gate at once, saying what to fix.
    @Test func anUnusableKeyStopsTheGateWhenTheRepositoryTrustsKeys() throws {
        let (fixture, _, _) = try Self.trustingFixture()
        let keyPath = fixture.scratch.path(".config/greenlight/signing-key").path
        chmod(keyPath, 0o644)
        try fixture.work.write("more.txt", "more\n")
        try fixture.work.commitAll("more")
        let refused = try fixture.git(["push", "origin", "main"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("greenlight: error: verdicts are recorded unsigned, so no trusted key vouches for them: \(keyPath): the signing key "
            + "is readable by others (mode 644); chmod 600 it; refs/remotes/origin/main:.greenlight/trusted-keys lists the keys verify trusts, "
            + "so fix the key (see `greenlight doctor`) before checking\n"), "\(refused.stderr)")
        chmod(keyPath, 0o600)
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
    }

    /// `git push origin main refs/notes/greenlight` through the hook: git sends the notes ref as it
    /// was before the gate ran, so the hook does not race it with a push of its own, and says to
    /// push the new verdicts afterwards.
    @Test func aPushThatSendsTheNotesItselfIsNotRacedByTheHook() throws {
        let (fixture, _, _) = try Self.trustingFixture()
        // A local notes change the remote lacks, so git's push does include the notes ref.
        let reviewed = try fixture.work.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try fixture.git(["notes", "--ref=greenlight", "append", "-m", "reviewed by bob", reviewed]).status == 0)
        try fixture.work.write("more.txt", "more\n")
        let commit = try fixture.work.commitAll("more")
        let pushed = try fixture.git(["push", "origin", "main", "refs/notes/greenlight"])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        #expect(pushed.stderr.contains("greenlight: warning: this push sends refs/notes/greenlight itself, as it was before the gate ran, so the "
            + "verdicts just recorded are not in it; push them afterwards: git push origin refs/notes/greenlight\n"), "\(pushed.stderr)")
        #expect(try fixture.remoteNote(commit) == nil)
        #expect(try fixture.remoteNote(reviewed)?.contains("reviewed by bob") == true, "git's own update of the notes went through")
        #expect(try fixture.git(["push", "origin", "refs/notes/greenlight"]).status == 0)
        #expect(try fixture.remoteNote(commit)?.contains("\"payloadType\"") == true)
    }
}
