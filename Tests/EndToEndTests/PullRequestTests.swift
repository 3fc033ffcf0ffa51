import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// `gh pr create` through the shim, with a recording stand-in for gh (the real one needs GitHub).
@Suite("gh pr create through greenlight", .requiresSandbox, .timeLimit(.minutes(5)))
struct PullRequestTests {
    /// A directory with a fake `gh` that records its arguments (NUL-separated) and stdin, and one with the shim.
    private func ghSetup(_ fixture: PushFixture) throws -> (environment: [String: String], record: URL) {
        let fakeDir = fixture.scratch.path("fake-gh")
        let record = fixture.scratch.path("gh-record")
        try FileManager.default.createDirectory(at: fakeDir, withIntermediateDirectories: true)
        let fake = "#!/bin/sh\nprintf '%s\\0' \"$@\" > '\(record.path).args'\ncat > '\(record.path).stdin'\necho fake-gh-ran\n"
        try ExecutableFile.write(fake, to: fakeDir.appendingPathComponent("gh"))
        let shimDir = fixture.scratch.path("shim")
        let install = try fixture.greenlight(["install", "--gh-shim", shimDir.path])
        #expect(install.status == 0, "\(install.stderr)")
        var environment = fixture.environment
        environment["PATH"] = "\(shimDir.path):\(fakeDir.path):\(environment["PATH"] ?? "/usr/bin:/bin")"
        return (environment, record)
    }

    private func recordedArguments(_ record: URL) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: record.path + ".args"))
        return String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func prCreatePassesArgumentsAndStdinUnchangedForAVerifiedPushedCommit() throws {
        let fixture = try PushFixture()
        let (environment, record) = try ghSetup(fixture)
        #expect(try fixture.git(["push", "-q", "-u", "origin", "main"]).status == 0)
        let arguments = ["--title", "a title with  spaces and \"quotes\"", "--body-file", "-", "--label", "multi\nline"]
        let result = try Command.run(["gh", "pr", "create"] + arguments, in: fixture.work.url, environment: environment,
                                     stdin: "body from stdin\nsecond line\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("fake-gh-ran"))
        #expect(try recordedArguments(record) == ["pr", "create"] + arguments)
        #expect(try String(contentsOfFile: record.path + ".stdin", encoding: .utf8) == "body from stdin\nsecond line\n")
    }

    @Test func otherGhCommandsGoStraightToTheRealGh() throws {
        let fixture = try PushFixture()
        let (environment, record) = try ghSetup(fixture)
        // Broken config: proof that greenlight is not involved at all.
        try fixture.work.write(".greenlight.yml", "nonsense: [")
        let result = try Command.run(["gh", "repo", "view", "--json", "name"], in: fixture.work.url, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try recordedArguments(record) == ["repo", "view", "--json", "name"])
    }

    @Test func unverifiedCommitIsRefusedAndGhIsNotCalled() throws {
        let fixture = try PushFixture()
        let (environment, record) = try ghSetup(fixture)
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.commitAll("broken")
        _ = try fixture.git(["push", "--no-verify", "-q", "-u", "origin", "main"])
        let result = try Command.run(["gh", "pr", "create", "--title", "x", "--body", "y"], in: fixture.work.url, environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("TestBroken"))
        #expect(result.stderr.contains("no pull request was opened"))
        #expect(!FileManager.default.fileExists(atPath: record.path + ".args"))
    }

    @Test func commitNotOnTheRemoteIsRefusedUnlessPushIsAsked() throws {
        let fixture = try PushFixture()
        let (environment, record) = try ghSetup(fixture)
        try fixture.work.git("checkout", "-q", "-b", "topic")
        try fixture.work.write("topic.txt", "t\n")
        try fixture.work.commitAll("topic")
        let refused = try Command.run(["gh", "pr", "create", "--title", "t"], in: fixture.work.url, environment: environment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("does not have"))
        #expect(refused.stderr.contains("greenlight push origin topic"))
        #expect(!FileManager.default.fileExists(atPath: record.path + ".args"))

        let pushed = try Command.run(["gh", "pr", "create", "--push", "--title", "t", "--head", "topic"], in: fixture.work.url, environment: environment)
        #expect(pushed.status == 0, "\(pushed.stderr)")
        #expect(try fixture.remoteRef("refs/heads/topic") == (try fixture.work.git("rev-parse", "HEAD")))
        #expect(try recordedArguments(record) == ["pr", "create", "--title", "t", "--head", "topic"])
    }
}
