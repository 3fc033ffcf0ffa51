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

        // A pass dated a day ahead (a forged line, or a machine whose clock is off) does not win over the local fail.
        let note = try #require(try repo.note(head))
        let passLine = try #require(note.split(separator: "\n").first { $0.contains("\"verdict\":\"pass\"") })
        let future = Timestamp.format(Date().addingTimeInterval(86_400))
        let forged = String(passLine).replacingOccurrences(of: #""finished_at":"[^"]*""#, with: "\"finished_at\":\"\(future)\"", options: .regularExpression)
        try repo.git("notes", "--ref=greenlight", "append", "-m", forged, head)
        let check = try greenlight(["check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("in the future of this machine's clock"), "\(check.stderr)")
        #expect(try greenlight(["verify", "--no-fetch"]).status == 1)
    }
}
