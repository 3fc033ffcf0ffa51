import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// `check`, `status` and `verify` apply one rule of which verdict counts.
@Suite("one rule, every command", .timeLimit(.minutes(2)))
struct VerdictRuleCommandTests {
    @Test func aNewerFailWinsEverywhereAndAFutureDatedPassDoesNot() throws {
        let repo = try ScratchRepository("rule")
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: 'test -z \"$BREAK_IT\"'}\n")
        let head = try repo.commitAll("initial")
        var environment = TestEnvironment.base
        environment["HOME"] = repo.scratch.url.path
        func greenlight(_ arguments: [String], _ extra: [String: String] = [:]) throws -> Command.Result {
            try GreenlightBinary.run(arguments, in: repo.url, environment: environment.merging(extra) { $1 })
        }
        #expect(try greenlight(["check"]).status == 0)
        #expect(try greenlight(["verify", "--no-fetch"]).status == 0)

        // Re-run after something broke: the newest decisive verdict is a fail.
        #expect(try greenlight(["check", "--no-cache"], ["BREAK_IT": "1"]).status == 1)
        #expect(try greenlight(["check"]).status == 1, "the cached verdict is the newer fail")
        let verify = try greenlight(["verify", "--no-fetch"])
        #expect(verify.status == 1, "verify must not accept the older pass: \(verify.stdout)")
        #expect(verify.stdout.contains("fast: failed:"))
        let status = try greenlight(["status"])
        #expect(status.stdout.contains("PASS  fast") && status.stdout.contains("[current, superseded by a newer verdict]"), "\(status.stdout)")

        // A pass line edited to be dated a day ahead no longer matches its signature: it does not count at all.
        let note = try #require(try repo.note(head))
        let passLine = try #require(note.split(separator: "\n").first { $0.contains("\"verdict\":\"pass\"") })
        let future = Date().addingTimeInterval(86_400)
        let forged = String(passLine).replacingOccurrences(of: #""finished_at":"[^"]*""#, with: "\"finished_at\":\"\(Timestamp.format(future))\"",
                                                           options: .regularExpression)
        try repo.git("notes", "--ref=greenlight", "append", "-m", forged, head)
        #expect(try greenlight(["check"]).status == 1)
        let ignored = try greenlight(["status"])
        #expect(ignored.stdout.contains("[current, does not count: no trusted key vouches for it]\n        unsigned\n"), "\(ignored.stdout)")

        // A signed pass dated a day ahead (a machine whose clock is off) is suspicious: it does not win over the local fail.
        let signer = VerdictSigner(key: try SigningKeyFile.at(nil, environment: environment).load())
        let repository = try repo.open()
        let resolved = try repository.resolve(head)
        let config = try ConfigLoader().load(fromRoot: repo.url)
        let ahead = VerdictRecord(verdict: .pass, tier: .fast, commit: resolved.commit, tree: resolved.tree, digest: try config.fast.digest(),
                                  backend: "workspace", startedAt: future, finishedAt: future, steps: [], summary: "")
        try VerdictStore(repository: repository).append(ahead) { try signer.attestationLines(for: ahead, recordLine: $0) }
        let check = try greenlight(["check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("in the future of this machine's clock"), "\(check.stderr)")
        #expect(try greenlight(["verify", "--no-fetch"]).status == 1)
    }
}
