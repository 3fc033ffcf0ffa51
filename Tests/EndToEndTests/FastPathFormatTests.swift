import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// The C fast path against files written by the Swift side (`FastPathCache`), one edge at a time.
/// The fast path may only ever be more conservative than the full binary: it answers `pass`
/// (exit 0) only for what Swift decided, hands everything else to greenlight with the whole
/// input byte for byte, and refuses (exit 1) when it cannot.
@Suite("fast path file format", .timeLimit(.minutes(3)))
struct FastPathFormatTests {
    /// What the run of greenlight-fastpath led to.
    enum Answer: Equatable {
        case pass(String)
        /// The stand-in greenlight ran with these arguments and exactly this input.
        case handedOver(arguments: [String], inputMatches: Bool)
        case refused(Int32, String)
    }

    /// A repository with a passing commit, a failing commit, and Swift-written fast-path files.
    final class Fixture: @unchecked Sendable {
        let repo: ScratchRepository
        let passing: String
        let failing: String
        let standIn: URL
        let config: GateConfig
        /// Whether `run` first writes the definition file for its remote (off: the test manages it).
        var rewritesDefinition = true

        init(remotes: [String] = ["origin"]) throws {
            repo = try ScratchRepository("fastpath")
            try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: ./test.sh}\nclean_room:\n  steps:\n    - {name: test, run: ./test.sh}\n")
            passing = try repo.commitAll("passing")
            try repo.write("broken", "x")
            failing = try repo.commitAll("failing")
            let repository = try repo.open()
            config = try ConfigLoader().load(fromRoot: repo.url)
            let store = VerdictStore(repository: repository)
            let now = Date()
            for tier in Tier.allCases {
                let digest = try config.definition(of: tier).digest()
                for (sha, verdict) in [(passing, Verdict.pass), (failing, tier == .fast ? .pass : .fail)] {
                    let resolved = try repository.resolve(sha)
                    try store.append(VerdictRecord(verdict: verdict, tier: tier, commit: resolved.commit, tree: resolved.tree, digest: digest,
                                                   backend: "test", startedAt: now, finishedAt: now, steps: [], summary: ""))
                }
            }
            standIn = repo.scratch.path("bin/greenlight")
            try FileManager.default.createDirectory(at: standIn.deletingLastPathComponent(), withIntermediateDirectories: true)
            try ExecutableFile.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.args\"\ncat > \"$0.stdin\"\nexit 42\n", to: standIn)
            try write(remotes: remotes)
        }

        /// Everything the full binary writes after a push it decided.
        func write(remotes: [String]) throws {
            let repository = try repo.open()
            let cache = FastPathCache(repository: repository)
            try writeDefinition(for: "origin")
            let store = VerdictStore(repository: repository)
            for sha in [passing, failing] {
                try cache.writeCommit(try #require(ObjectID(hex: sha)), config: config) { try store.records(for: $0).records }
            }
            for remote in remotes { try cache.writeRemote(remote, notesTip: try repository.referenceTarget(Repository.defaultNotesRef)) }
        }

        /// The definition file as the full binary writes it for pushes to `remote`.
        func writeDefinition(for remote: String) throws {
            let repository = try repo.open()
            let definition = try GateDefinition.load(repository: repository, remote: remote)
            guard let stamp = definition.fastPathStamp else { return }
            try FastPathCache(repository: repository).writeDefinition(definition.config, stamp: stamp)
        }

        func line(_ sha: String, _ ref: String = "refs/heads/main") -> String {
            "refs/heads/main \(sha) \(ref) \(String(repeating: "0", count: 40))\n"
        }

        /// Runs the fast path for a push to `remote`; its definition file is first written for that
        /// remote unless `definitionFor` names another one.
        func run(_ input: String, remote: String = "origin", definitionFor: String? = nil, environment extra: [String: String] = [:],
                 greenlight: URL? = nil) throws -> Answer {
            if rewritesDefinition { try writeDefinition(for: definitionFor ?? remote) }
            var environment = TestEnvironment.base
            for (key, value) in extra { environment[key] = value }
            let fastPath = GreenlightBinary.url.deletingLastPathComponent().appendingPathComponent("greenlight-fastpath")
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: standIn.path + ".stdin"))
            let result = try Command.run([fastPath.path, (greenlight ?? standIn).path, remote, "/some/url"], in: repo.url,
                                         environment: environment, stdin: input)
            switch result.status {
            case 0: return .pass(result.stderr)
            case 42:
                let arguments = try String(contentsOfFile: standIn.path + ".args", encoding: .utf8).split(separator: "\n").map(String.init)
                let replayed = FileManager.default.contents(atPath: standIn.path + ".stdin") ?? Data()
                return .handedOver(arguments: arguments, inputMatches: replayed == Data(input.utf8))
            default: return .refused(result.status, result.stderr)
            }
        }
    }

    private static let handedOver = Answer.handedOver(arguments: ["pre-push", "--", "origin", "/some/url"], inputMatches: true)

    /// The fast path's own answer for one line at `sha` to `ref`.
    private static func passed(_ sha: String, _ ref: String = "refs/heads/main") -> Answer {
        .pass("greenlight: pass (cached, fast path): \(sha.prefix(12)) \(ref)\n")
    }

    @Test func aPassedCommitPassesAndAFailedOneIsHandedOver() throws {
        let fixture = try Fixture()
        #expect(try fixture.run(fixture.line(fixture.passing)) == .pass("greenlight: pass (cached, fast path): \(fixture.passing.prefix(12)) refs/heads/main\n"))
        #expect(try fixture.run(fixture.line(fixture.failing)) == Self.handedOver)
        #expect(try fixture.run(fixture.line(fixture.passing) + fixture.line(fixture.failing, "refs/heads/other")) == Self.handedOver)
    }

    @Test func theWholeInputIsJudgedAndReplayedWhateverItsSize() throws {
        let fixture = try Fixture()
        // ~9 MB of branches at the passed commit, then one at the failing commit.
        let many = (0..<40_000).map { fixture.line(fixture.passing, "refs/heads/feature/a-rather-long-branch-name-to-make-the-input-large-\($0)") }.joined()
        #expect(try fixture.run(many + fixture.line(fixture.failing, "refs/heads/last")) == Self.handedOver)
        guard case let .pass(message) = try fixture.run(many) else { Issue.record("40,000 passed lines were not passed"); return }
        #expect(message.hasSuffix("; and 39997 more\n"))
        // The full binary reads the same large input whole (the stand-in's replay is what it would get).
        let full = try GreenlightBinary.run(["pre-push", "origin", "/some/url"], in: fixture.repo.url,
                                            environment: TestEnvironment.base.merging(["GREENLIGHT_NO_FASTPATH": "1"]) { $1 },
                                            stdin: many + fixture.line(fixture.failing, "refs/heads/last"))
        #expect(full.status == 1, "\(full.stderr.suffix(400))")
    }

    @Test func deletionsAndNotesNeedNoVerdictEverythingElseIsGated() throws {
        let fixture = try Fixture()
        let zero = String(repeating: "0", count: 40)
        let unknown = String(repeating: "a", count: 40)
        #expect(try fixture.run("(delete) \(zero) refs/heads/gone \(fixture.passing)\n") == .pass("greenlight: nothing to gate in this push\n"))
        #expect(try fixture.run("refs/notes/greenlight \(unknown) refs/notes/greenlight \(zero)\n") == .pass("greenlight: nothing to gate in this push\n"))
        // Tags and refs outside refs/heads are gated too (more conservative than hooks.pre_push.refs).
        #expect(try fixture.run(fixture.line(fixture.passing, "refs/tags/v1")) == .pass("greenlight: pass (cached, fast path): \(fixture.passing.prefix(12)) refs/tags/v1\n"))
        #expect(try fixture.run(fixture.line(unknown, "refs/tags/v2")) == Self.handedOver)
        #expect(try fixture.run(fixture.line(fixture.failing, "refs/for/review")) == Self.handedOver)
        // An annotated tag's object is not a commit greenlight recorded: the full binary decides.
        try fixture.repo.git("tag", "-a", "-m", "release", "v3", fixture.passing)
        let tagObject = try fixture.repo.git("rev-parse", "v3")
        #expect(try fixture.run(fixture.line(tagObject, "refs/tags/v3")) == Self.handedOver)
    }

    @Test(arguments: [
        "refs/heads/main\t{P}\trefs/heads/main\t{Z}\n",          // tabs
        "refs/heads/main {P} refs/heads/main {Z} extra\n",      // five fields
        "refs/heads/main {P} refs/heads/main {Z}\r\n",          // CRLF
        "refs/heads/main {P} refs/heads/main\n",                // three fields
        " refs/heads/main {P} refs/heads/main {Z}\n",           // leading space
        "refs/heads/main  {P} refs/heads/main {Z}\n",           // two spaces
        "refs/heads/main {U} refs/heads/main {Z}\n",            // uppercase hex
        "refs/heads/main {S} refs/heads/main {Z}\n",            // short sha
        "refs/heads/main {P} refs/heads/main {Z}\n garbage\n",  // a second, unknown line
    ])
    func unknownLineShapesAreHandedOverUntouched(template: String) throws {
        let fixture = try Fixture()
        let input = template.replacingOccurrences(of: "{P}", with: fixture.passing)
            .replacingOccurrences(of: "{U}", with: fixture.passing.uppercased())
            .replacingOccurrences(of: "{S}", with: String(fixture.passing.prefix(12)))
            .replacingOccurrences(of: "{Z}", with: String(repeating: "0", count: 40))
        #expect(try fixture.run(input) == Self.handedOver)
    }

    @Test func remoteNamesAreBytesSpelledTheSameOnBothSides() throws {
        let fixture = try Fixture(remotes: ["dépôt", "https://example.com/a b.git"])
        #expect(try fixture.run(fixture.line(fixture.passing), remote: "dépôt") == .pass("greenlight: pass (cached, fast path): \(fixture.passing.prefix(12)) refs/heads/main\n"))
        #expect(try fixture.run(fixture.line(fixture.passing), remote: "https://example.com/a b.git") == Self.passed(fixture.passing))
        // A remote the full binary never cleared for notes: handed over.
        #expect(try fixture.run(fixture.line(fixture.passing), remote: "depot")
                == .handedOver(arguments: ["pre-push", "--", "depot", "/some/url"], inputMatches: true))
        // A remote named like an option stays an argument of pre-push.
        #expect(try fixture.run(fixture.line(fixture.passing), remote: "-h")
                == .handedOver(arguments: ["pre-push", "--", "-h", "/some/url"], inputMatches: true))
    }

    @Test func missingStaleOrPartialFilesAreHandedOver() throws {
        let fixture = try Fixture()
        fixture.rewritesDefinition = false
        let input = fixture.line(fixture.passing)
        let git = fixture.repo.url.appendingPathComponent(".git")
        let commitFile = git.appendingPathComponent("greenlight/fastpath/commits/\(fixture.passing)")
        let definition = git.appendingPathComponent("greenlight-fastpath")
        let original = try Data(contentsOf: commitFile)
        #expect(try fixture.run(input) == .pass("greenlight: pass (cached, fast path): \(fixture.passing.prefix(12)) refs/heads/main\n"))

        // The commit file: missing, truncated to its header, another version, a missing tier.
        try FileManager.default.removeItem(at: commitFile)
        #expect(try fixture.run(input) == Self.handedOver)
        try Data(original.prefix(original.firstIndex(of: 10)! + 1)).write(to: commitFile)
        #expect(try fixture.run(input) == Self.handedOver)
        try Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "greenlight-fastpath 3", with: "greenlight-fastpath 4").utf8).write(to: commitFile)
        #expect(try fixture.run(input) == Self.handedOver)
        let oneTier = String(decoding: original, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("pass clean-room") }.joined(separator: "\n") + "\n"
        try Data(oneTier.utf8).write(to: commitFile)
        #expect(try fixture.run(input) == Self.handedOver)
        try original.write(to: commitFile)
        #expect(try fixture.run(input) == Self.passed(fixture.passing))

        // A new note anywhere moves the notes tip: every stamp is stale until greenlight rewrites it.
        try fixture.repo.git("notes", "--ref=greenlight", "append", "-m", "someone else's line", fixture.failing)
        #expect(try fixture.run(input) == Self.handedOver)
        try fixture.write(remotes: ["origin"])
        #expect(try fixture.run(input) == Self.passed(fixture.passing))

        // The definition: missing, an edited .greenlight.yml (same bytes, new stat), another worktree.
        let definitionText = try Data(contentsOf: definition)
        try FileManager.default.removeItem(at: definition)
        #expect(try fixture.run(input) == Self.handedOver)
        try definitionText.write(to: definition)
        #expect(try fixture.run(input) == Self.passed(fixture.passing))
        try fixture.repo.write(".greenlight.yml", try fixture.repo.read(".greenlight.yml"))
        #expect(try fixture.run(input) == Self.handedOver)
        try fixture.write(remotes: ["origin"])
        #expect(try fixture.run(input) == Self.passed(fixture.passing))
        try Data(String(decoding: definitionText, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("require") }
            .map { $0 + "\n" }.joined().utf8).write(to: definition)
        #expect(try fixture.run(input) == Self.handedOver)
    }

    /// The definition follows the trusted ref, not only the working tree's file: a fetch that
    /// creates or moves it, a new `origin/HEAD`, a changed `.git/config` (where
    /// greenlight.trustedRef lives) or a push to another remote sends the push to the full binary.
    @Test func aMovedTrustedRefAnotherRemoteOrAChangedGitConfigIsHandedOver() throws {
        let fixture = try Fixture()
        fixture.rewritesDefinition = false
        let input = fixture.line(fixture.passing)
        try fixture.writeDefinition(for: "origin")
        #expect(try fixture.run(input) == Self.passed(fixture.passing))
        #expect(try fixture.run(input, remote: "upstream") == .handedOver(arguments: ["pre-push", "--", "upstream", "/some/url"], inputMatches: true))

        try fixture.repo.git("update-ref", "refs/remotes/origin/main", fixture.passing)
        #expect(try fixture.run(input) == Self.handedOver, "the trusted ref appeared")
        try fixture.writeDefinition(for: "origin")
        #expect(try fixture.run(input) == Self.passed(fixture.passing))
        try fixture.repo.git("update-ref", "refs/remotes/origin/main", fixture.failing)
        #expect(try fixture.run(input) == Self.handedOver, "the trusted ref moved")
        try fixture.writeDefinition(for: "origin")
        #expect(try fixture.run(input) == Self.passed(fixture.passing))
        try fixture.repo.git("pack-refs", "--all")
        #expect(try fixture.run(input) == Self.passed(fixture.passing), "a packed ref is the same ref")
        try fixture.repo.git("update-ref", "refs/remotes/origin/main", fixture.passing)
        #expect(try fixture.run(input) == Self.handedOver, "the packed trusted ref moved")
        try fixture.writeDefinition(for: "origin")
        try fixture.repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
        #expect(try fixture.run(input) == Self.handedOver, "origin/HEAD appeared")
        try fixture.writeDefinition(for: "origin")
        #expect(try fixture.run(input) == Self.passed(fixture.passing))
        try fixture.repo.git("config", "greenlight.trustedRef", "refs/remotes/origin/main")
        #expect(try fixture.run(input) == Self.handedOver, ".git/config changed")
        // A config file included from .git/config can change greenlight.trustedRef behind its
        // stat: with includes, the definition is never written, so every push takes greenlight.
        let included = fixture.repo.scratch.path("included.cfg")
        try "[greenlight]\n\ttrustedRef = refs/remotes/origin/main\n".write(to: included, atomically: true, encoding: .utf8)
        try fixture.repo.git("config", "include.path", included.path)
        try fixture.writeDefinition(for: "origin")
        #expect(try fixture.run(input) == Self.handedOver, "a config with includes is never stamped")
        try "".write(to: included, atomically: true, encoding: .utf8)
        #expect(try fixture.run(input) == Self.handedOver)
        try fixture.repo.git("config", "--unset", "include.path")
        try fixture.repo.git("config", "--unset", "greenlight.trustedRef")
        let definition = try String(contentsOf: fixture.repo.url.appendingPathComponent(".git/greenlight-fastpath"), encoding: .utf8)
        #expect(definition.contains("\nref refs/remotes/origin/HEAD ref:refs/remotes/origin/main\nref refs/remotes/origin/main \(fixture.passing)\n"), "\(definition)")
    }

    /// Whether a future-dated record counts depends on the clock, which no stamp can see: such a
    /// commit is never answered by the fast path, whichever record wins today.
    @Test func aDecisionInvolvingAFutureDatedRecordIsNotCached() throws {
        let fixture = try Fixture()
        let note = try #require(try fixture.repo.note(fixture.passing))
        let pass = try #require(note.split(separator: "\n").first { $0.contains("\"tier\":\"clean-room\"") })
        let future = Timestamp.format(Date().addingTimeInterval(3600))
        let fail = String(pass).replacingOccurrences(of: "\"verdict\":\"pass\"", with: "\"verdict\":\"fail\"")
            .replacingOccurrences(of: #""finished_at":"[^"]*""#, with: "\"finished_at\":\"\(future)\"", options: .regularExpression)
        try fixture.repo.git("notes", "--ref=greenlight", "append", "-m", fail, fixture.passing)
        try fixture.write(remotes: ["origin"])
        // Today the pass wins (the fail is suspicious), but within the hour it will not.
        let answer = try fixture.run(fixture.line(fixture.passing))
        let commitFile = try String(contentsOf: fixture.repo.url.appendingPathComponent(".git/greenlight/fastpath/commits/\(fixture.passing)"), encoding: .utf8)
        #expect(answer == Self.handedOver, "\(answer); commit file: \(commitFile)")
    }

    @Test func optingOutOrFailingToHandOverNeverPasses() throws {
        let fixture = try Fixture()
        let input = fixture.line(fixture.passing)
        #expect(try fixture.run(input, environment: ["GREENLIGHT_NO_FASTPATH": "1"]) == Self.handedOver)
        // greenlight cannot be run: the push is refused, not passed.
        let missing = fixture.repo.scratch.path("bin/not-there")
        guard case let .refused(status, message) = try fixture.run(fixture.line(fixture.failing), greenlight: missing) else {
            Issue.record("a fast path that cannot run greenlight must refuse"); return
        }
        #expect(status == 1)
        #expect(message.contains("cannot run \(missing.path)"))
    }
}
