import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// The gate definition comes from the trusted ref, never from what the coder controls: an
/// uncommitted or committed weaker `.greenlight.yml` changes nothing for `check`, the hook or
/// `verify`; `--config worktree` tries a change under its own digest.
@Suite("the trusted gate definition", .requiresSandbox, .timeLimit(.minutes(3)))
struct TrustedDefinitionTests {
    /// A pushed default branch whose gate runs `./test.sh`, then a local commit whose tests fail.
    func fixtureWithFailingCommit() throws -> (fixture: PushFixture, failing: String) {
        let fixture = try PushFixture()
        #expect(try fixture.git(["push", "-q", "--no-verify", "origin", "main"]).status == 0)
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        let failing = try fixture.work.commitAll("tests fail")
        return (fixture, failing)
    }

    static let weak = "fast:\n  steps:\n    - {name: unit, run: \"true\"}\nclean_room:\n  steps:\n    - {name: test, run: \"true\"}\n"

    @Test func anUncommittedWeakerGateChangesNothingButSaysSo() throws {
        let (fixture, failing) = try fixtureWithFailingCommit()
        try fixture.work.write(".greenlight.yml", Self.weak)
        let trustedTip = try fixture.work.git("rev-parse", "refs/remotes/origin/main")
        let check = try fixture.greenlight(["check"])
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stderr.hasPrefix("greenlight: warning: .greenlight.yml in the working tree differs from the trusted one; "
            + "using the gate at refs/remotes/origin/main (\(trustedTip.prefix(12))); try yours with `greenlight check --config worktree` "
            + "(its verdicts count only for its own definition)\n"), "\(check.stderr)")
        let records = NoteCodec().decode(try #require(try fixture.work.note())).records
        #expect(records.map(\.definition) == [.trusted])
        #expect(records.map(\.verdict) == [.fail])

        // Trying the changed gate: it passes under its own digest, which the hook does not accept.
        let tried = try fixture.greenlight(["check", "--config", "worktree"])
        #expect(tried.status == 0, "\(tried.stderr)")
        #expect(!tried.stderr.contains("differs from the trusted one"))
        let all = NoteCodec().decode(try #require(try fixture.work.note())).records
        #expect(Set(all.compactMap(\.definition)) == [.trusted, .worktree])
        #expect(Set(all.filter { $0.definition == .worktree }.map(\.digest)).isDisjoint(with: all.filter { $0.definition == .trusted }.map(\.digest)))
        let push = try fixture.git(["push", "origin", "main"])
        #expect(push.status == 1, "\(push.stderr)")
        #expect(try fixture.remoteRef("refs/heads/main") != failing)
    }

    @Test func aCommittedWeakerGateDoesNotPassThePush() throws {
        let (fixture, failing) = try fixtureWithFailingCommit()
        try fixture.work.write(".greenlight.yml", Self.weak)
        let weakened = try fixture.work.commitAll("skip the failing tests")
        let push = try fixture.git(["push", "origin", "main"])
        #expect(push.status == 1, "\(push.stderr)")
        #expect(push.stderr.contains("--- FAIL: TestBroken"), "\(push.stderr)")
        #expect(try fixture.remoteRef("refs/heads/main") != weakened)
        #expect(try fixture.remoteRef("refs/heads/main") != failing)
        // Nor does a GREENLIGHT-style override of the notes: check on the weakened commit still fails.
        #expect(try fixture.greenlight(["check", weakened]).status == 1)
    }

    @Test func theCommitThatAddsTheGateUsesTheWorkingTreesFile() throws {
        let fixture = try PushFixture(installHook: false)
        try fixture.work.git("rm", "-q", "--cached", ".greenlight.yml")
        try fixture.work.git("commit", "-q", "-m", "no gate yet")
        #expect(try fixture.git(["push", "-q", "origin", "main"]).status == 0)
        try fixture.work.git("add", ".greenlight.yml")
        try fixture.work.git("commit", "-q", "-m", "add the gate")
        let check = try fixture.greenlight(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.hasPrefix("greenlight: warning: refs/remotes/origin/main has no .greenlight.yml yet; using the working tree's "
            + "(recorded as \"definition\":\"worktree\")\n"), "\(check.stderr)")
        let records = NoteCodec().decode(try #require(try fixture.work.note())).records
        #expect(records.map(\.definition) == [.worktree, .worktree])
    }

    @Test func aTrustedRefThatNamesNothingIsAClearError() throws {
        let fixture = try PushFixture(installHook: false)
        try fixture.work.git("config", "greenlight.trustedRef", "refs/heads/no-such-branch")
        let check = try fixture.greenlight(["check"])
        #expect(check.status == 2)
        #expect(check.stderr == "greenlight: error: git config: greenlight.trustedRef: 'refs/heads/no-such-branch' "
            + "names no ref here (fetch it, or name one such as refs/remotes/origin/main)\n", "\(check.stderr)")
        // A ref that exists is used, whatever the remote says: here a local branch with a weaker gate.
        try fixture.work.git("branch", "gate")
        try fixture.work.git("config", "greenlight.trustedRef", "gate")
        try fixture.work.write(".greenlight.yml", Self.weak)
        let trusted = try fixture.greenlight(["check"])
        #expect(trusted.stderr.contains("using the gate at refs/heads/gate"), "\(trusted.stderr)")
    }

    @Test func verifyWithoutATrustedRefInARepositoryWithRemotesIsAnError() throws {
        let fixture = try PushFixture(installHook: false)
        let verify = try fixture.greenlight(["verify", "--no-fetch"])
        #expect(verify.status == 2)
        #expect(verify.stderr == "greenlight: error: greenlight verify: --trusted-ref: cannot find the trusted gate definition: "
            + "refs/remotes/origin/HEAD or refs/remotes/origin/main does not exist; fetch the default branch (for example "
            + "`git fetch origin main`) or pass --trusted-ref REF\n", "\(verify.stderr)")
        let explicit = try fixture.greenlight(["verify", "--no-fetch", "--trusted-ref", "main"])
        #expect(explicit.status == 1, "\(explicit.stderr)")
        #expect(explicit.stdout.contains("fast: missing"), "\(explicit.stdout)")
    }
}
