import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// `notes.publish: github`: each recorded verdict becomes one commit status through `gh api`,
/// here a stand-in `gh` on PATH that records its arguments.
@Suite("verdicts as GitHub commit statuses")
struct GitHubStatusTests {
    @Test func eachRecordedVerdictPostsOneStatusAndAFailureToPublishIsAWarning() throws {
        let repo = try ScratchRepository("statuses")
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - {name: unit, run: ./test.sh}
            clean_room:
              isolation: best-effort
              steps:
                - {name: e2e, run: ./test.sh}
            notes:
              publish: github
            """)
        try repo.write("test.sh", "#!/bin/sh\nexit 0\n", executable: true)
        let head = try repo.commitAll("publish")
        let bin = repo.scratch.path("bin")
        let calls = repo.scratch.path("gh-calls")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        // One line per call: the arguments separated by a unit separator.
        try ExecutableFile.write("#!/bin/sh\nprintf '%s\\037' \"$@\" >> \"\(calls.path)\"\necho >> \"\(calls.path)\"\necho '{}'\n", to: bin.appendingPathComponent("gh"))
        var environment = TestEnvironment.base
        environment["HOME"] = repo.scratch.url.path
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let checked = try GreenlightBinary.run(["check"], in: repo.url, environment: environment)
        #expect(checked.status == 0, "\(checked.stderr)")
        let lines = try String(contentsOf: calls, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        #expect(lines == [
            ["api", "--method", "POST", "repos/{owner}/{repo}/statuses/\(head)", "-f", "state=success", "-f", "context=greenlight/fast",
             "-f", "description=pass (workspace)"],
            ["api", "--method", "POST", "repos/{owner}/{repo}/statuses/\(head)", "-f", "state=success", "-f", "context=greenlight/clean-room",
             "-f", "description=pass (local)"],
        ], "\(lines)")
        // Served from the notes: nothing is posted again.
        #expect(try GreenlightBinary.run(["check"], in: repo.url, environment: environment).status == 0)
        #expect(try String(contentsOf: calls, encoding: .utf8).split(separator: "\n").count == 2)

        // A failing verdict posts `failure` with the summary; a gh that fails is a warning, the verdict stands.
        try repo.write("test.sh", "#!/bin/sh\necho '--- FAIL: TestThing (0.00s)'\nexit 1\n", executable: true)
        let broken = try repo.commitAll("broken")
        try ExecutableFile.write("#!/bin/sh\nprintf '%s\\037' \"$@\" >> \"\(calls.path)\"\necho >> \"\(calls.path)\"\necho 'HTTP 404: Not Found' >&2\nexit 1\n",
                                 to: bin.appendingPathComponent("gh"))
        let failed = try GreenlightBinary.run(["check"], in: repo.url, environment: environment)
        #expect(failed.status == 1)
        let last = try #require(try String(contentsOf: calls, encoding: .utf8).split(separator: "\n").last).split(separator: "\u{1F}").map(String.init)
        #expect(last.contains("repos/{owner}/{repo}/statuses/\(broken)") && last.contains("state=failure") && last.contains("context=greenlight/fast"))
        #expect(last.contains { $0.hasPrefix("description=step 'unit' failed with exit code 1") }, "\(last)")
        #expect(failed.stderr.contains("greenlight: warning: could not publish the fast verdict of \(broken.prefix(12)) as a GitHub commit status (gh api: HTTP 404: Not Found)"),
                "\(failed.stderr)")
        #expect(try repo.note(broken)?.contains("\"verdict\":\"fail\"") == true)
        // An unknown place is a configuration error naming the key.
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: ./test.sh}\nnotes:\n  publish: gitlab\n")
        let bad = try GreenlightBinary.run(["check", "--config", "worktree"], in: repo.url, environment: environment)
        #expect(bad.status == 2 && bad.stderr.contains("notes.publish") && bad.stderr.contains("unknown place 'gitlab'; known: github"), "\(bad.stderr)")
    }
}
