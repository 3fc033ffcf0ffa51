import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// The built `greenlight` binary, run as a user would in scratch repositories.
@Suite("greenlight CLI", .requiresSandbox, .timeLimit(.minutes(5)))
struct CheckCommandTests {
    private func project(cleanRoomTest: String = "./test.sh") throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.write(".gitignore", "fixture.txt\n")
        try repo.write("test.sh", "#!/bin/sh\necho running tests\ncat fixture.txt >/dev/null 2>&1 || { echo '--- FAIL: TestNeedsFixture (0.00s)'; exit 1; }\n", executable: true)
        try repo.write("fixture.txt", "local only\n")
        try repo.write(".greenlight.yml", """
            fast:
              steps:
                - {name: unit, run: ./test.sh}
            clean_room:
              timeout: 1m
              steps:
                - {name: test, run: '\(cleanRoomTest)'}
            """)
        try repo.commitAll("initial")
        return repo
    }

    /// `doctor` with the local backend starts the sandbox once, as a run would, and says what it found;
    /// a mount that does not exist is a failed check that names it (exit 1), not a silent pass.
    @Test func doctorChecksTheLocalSandbox() throws {
        let repo = try project()
        var environment = TestEnvironment.base
        environment["TMPDIR"] = repo.scratch.url.path
        let healthy = try GreenlightBinary.run(["doctor"], in: repo.url, environment: environment)
        #expect(healthy.status == 0, "\(healthy.stdout)\(healthy.stderr)")
        #expect(healthy.stdout.hasPrefix("ok   local clean room: steps run sealed by bubblewrap (/"), "\(healthy.stdout)")
        let lines = healthy.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("), network on") == true && lines.count == 2, "\(healthy.stdout)")
        #expect(lines.last?.hasPrefix("ok   signing key: ") == true, "\(healthy.stdout)")
        try repo.write(".greenlight.yml", "clean_room:\n  mounts: [/nonexistent/toolchain]\n  steps:\n    - {name: test, run: ./test.sh}\n")
        let broken = try GreenlightBinary.run(["doctor"], in: repo.url, environment: environment)
        #expect(broken.status == 1, "\(broken.stdout)\(broken.stderr)")
        #expect(broken.stdout.hasPrefix("FAIL local clean room: the clean room cannot be sealed: bubblewrap could not start the sandbox ("), "\(broken.stdout)")
        #expect(broken.stdout.contains("/nonexistent/toolchain"), "\(broken.stdout)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.scratch.url.path).filter { $0.hasPrefix("greenlight-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func failingCommitExitsOneWithTheReport() throws {
        let repo = try project()
        let result = try GreenlightBinary.run(["check"], in: repo.url)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("greenlight: FAIL"))
        #expect(result.stdout.contains("clean-room tier: FAIL"))
        #expect(result.stdout.contains("- TestNeedsFixture"))
        #expect(result.stdout.contains("full log: \(repo.url.path)/.git/greenlight/logs/"))
        // Not a terminal: plain progress lines, no carriage returns or escape codes.
        #expect(result.stderr.contains("greenlight: clean-room tier: 1 step (test)"))
        #expect(!result.stderr.contains("\r"))
        #expect(!result.stderr.contains("\u{1B}["))
        // git itself shows the verdicts.
        let notes = try repo.git("log", "-1", "--notes=greenlight", "--format=%N")
        #expect(notes.contains("\"verdict\":\"fail\""))
        #expect(notes.contains("\"verdict\":\"pass\""))
    }

    @Test func passingCommitExitsZeroAndTheSecondRunIsCached() throws {
        let repo = try project(cleanRoomTest: "echo clean room ok")
        let first = try GreenlightBinary.run(["check"], in: repo.url)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let second = try GreenlightBinary.run(["check"], in: repo.url.appendingPathComponent(".git"))
        #expect(second.status == 0)
        #expect(second.stdout.contains("PASS"))
        #expect(second.stdout.contains("(cached)"))
        #expect(!second.stderr.contains("started"))
    }

    @Test func jsonDocumentHasTheDocumentedShape() throws {
        let repo = try project()
        let result = try GreenlightBinary.run(["check", "--json"], in: repo.url)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["commit"] as? String == (try repo.git("rev-parse", "HEAD")))
        #expect(object["verdict"] as? String == "fail")
        #expect(object["cached"] as? Bool == false)
        let tiers = try #require(object["tiers"] as? [[String: Any]])
        #expect(tiers.map { $0["name"] as? String } == ["fast", "clean-room"])
        #expect(tiers.map { $0["verdict"] as? String } == ["pass", "fail"])
        let steps = try #require(tiers[1]["steps"] as? [[String: Any]])
        #expect(steps.first?["name"] as? String == "test")
        #expect(steps.first?["exit_code"] as? Int == 1)
        #expect(steps.first?["verdict"] as? String == "fail")
        #expect(steps.first?["duration_s"] is Double)
        #expect((steps.first?["log"] as? String)?.hasSuffix(".log") == true)
        #expect(tiers[1]["failing_tests"] as? [String] == ["TestNeedsFixture"])

        let cached = try GreenlightBinary.run(["check", "--json"], in: repo.url)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(cached.stdout.utf8)) as? [String: Any])
        #expect(again["cached"] as? Bool == true)
    }

    @Test func tierSelectionAndNoCache() throws {
        let repo = try project(cleanRoomTest: "echo ok")
        let fast = try GreenlightBinary.run(["check", "--tier", "fast"], in: repo.url)
        #expect(fast.status == 0)
        #expect(!fast.stdout.contains("clean-room: pass"))
        let status = try GreenlightBinary.run(["status", "--json"], in: repo.url)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let records = try #require(document["records"] as? [[String: Any]])
        #expect(records.map { $0["tier"] as? String } == ["fast"])
        #expect(records.first?["current"] as? Bool == true)

        let rerun = try GreenlightBinary.run(["check", "--tier", "fast", "--no-cache"], in: repo.url)
        #expect(rerun.stderr.contains("unit started"))
        let bad = try GreenlightBinary.run(["check", "--tier", "slow"], in: repo.url)
        #expect(bad.status == 64)
    }

    @Test func malformedConfigurationExitsTwoNamingFileLineAndKey() throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - name: build\n      run: make\n      retries: 3\n")
        try repo.commitAll("initial")
        let result = try GreenlightBinary.run(["check"], in: repo.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".greenlight.yml:5:7: fast.steps[0].retries: unknown key"))
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try repo.note() == nil)
    }

    @Test func outsideARepositoryAndBadRevisionsExitTwo() throws {
        let scratch = ScratchDirectory("outside")
        let outside = try GreenlightBinary.run(["check"], in: scratch.url)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("not a git repository"))
        let repo = try project()
        let badRevision = try GreenlightBinary.run(["check", "nope"], in: repo.url)
        #expect(badRevision.status == 2)
        #expect(badRevision.stderr.contains("cannot resolve revision 'nope'"))
    }

    @Test func statusShowsRecordedVerdictsAndStaleness() throws {
        let repo = try project()
        _ = try GreenlightBinary.run(["check"], in: repo.url)
        let status = try GreenlightBinary.run(["status"], in: repo.url)
        #expect(status.status == 0)
        #expect(status.stdout.contains("FAIL  clean-room"))
        #expect(status.stdout.contains("[current]"))
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: ./test.sh -v}\nclean_room:\n  steps:\n    - {name: test, run: ./test.sh}\n")
        let stale = try GreenlightBinary.run(["status"], in: repo.url)
        #expect(stale.stdout.contains("stale: gate definition changed"))
    }

    @Test func initWritesAStarterForTheProjectAndRefusesToOverwrite() throws {
        let repo = try ScratchRepository()
        try repo.write("go.mod", "module example.com/x\n")
        let first = try GreenlightBinary.run(["init"], in: repo.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("for a Go project"))
        let written = try repo.read(".greenlight.yml")
        #expect(written.contains("go vet ./..."))
        // The starter is valid configuration.
        _ = try ConfigLoader().parse(written, file: "starter")
        let second = try GreenlightBinary.run(["init"], in: repo.url)
        #expect(second.status == 2)
        #expect(second.stderr.contains("already exists"))
        #expect(try repo.read(".greenlight.yml") == written)
    }

    /// Every starter parses; each language's offers that language's content-addressed caches, and
    /// a project greenlight does not know gets none.
    @Test func everyStarterParsesWithTheCachesOfItsLanguage() throws {
        let expected: [StarterConfig.ProjectKind: [String: [String: String]]] = [
            .go: ["go": ["GOMODCACHE": "mod", "GOCACHE": "build"]], .python: ["pip": ["PIP_CACHE_DIR": "pip"]],
            .rust: ["cargo": ["CARGO_HOME": "home"]], .node: ["npm": ["npm_config_cache": "npm"]],
            .swift: ["swiftpm": ["XDG_CACHE_HOME": "xdg"]], .make: [:], .unknown: [:],
        ]
        for kind in StarterConfig.ProjectKind.allCases {
            let config = try ConfigLoader().parse(StarterConfig().text(for: kind), file: kind.rawValue)
            let caches = Dictionary(uniqueKeysWithValues: config.cleanRoom.caches.map { ($0.name, $0.env) })
            #expect(caches == expected[kind], "\(kind)")
            #expect(config.cleanRoom.caches.allSatisfy { $0.path == nil }, "a starter keeps caches in the repository's git dir")
        }
    }

    @Test func helpExplainsExitCodes() throws {
        let scratch = ScratchDirectory("help")
        let help = try GreenlightBinary.run(["check", "--help"], in: scratch.url)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--no-cache"))
        #expect(help.stdout.contains("0 pass, 1 fail, 2 error"))
    }
}
