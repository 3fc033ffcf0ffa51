import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

@Suite("push planning")
struct PushPlanTests {
    let a = String(repeating: "a", count: 40)
    let b = String(repeating: "b", count: 40)
    let zero = PushedRef.zero

    @Test func parsesEveryLineAndRejectsGarbageNamingTheLine() throws {
        let refs = try PushedRef.parse("refs/heads/x \(a) refs/heads/x \(zero)\n\nrefs/heads/y \(b) refs/heads/y \(a)\n")
        #expect(refs.count == 2)
        #expect(refs[0].isNewRef)
        let error = #expect(throws: PushedRef.ParseError.self) { try PushedRef.parse("refs/heads/x \(a) refs/heads/x \(zero)\nnonsense\n") }
        #expect(error?.line == 2)
    }

    @Test func decidesPerRefAndGatesEachCommitOnce() throws {
        let updates = try PushedRef.parse("""
            refs/heads/one \(a) refs/heads/one \(zero)
            refs/heads/two \(a) refs/heads/two \(b)
            (delete) \(zero) refs/heads/gone \(b)
            refs/notes/greenlight \(b) refs/notes/greenlight \(zero)
            refs/tags/v1 \(b) refs/tags/v1 \(zero)
            refs/heads/three \(b) refs/heads/three \(a)
            """)
        let plan = PushPlan(updates: updates, patterns: RefPattern(GateConfig.defaultPrePushRefs))
        #expect(plan.gated.map(\.commit.hex) == [a, b])
        #expect(plan.gated[0].refs == ["refs/heads/one", "refs/heads/two"])
        #expect(plan.passed.map(\.ref) == ["refs/heads/gone", "refs/notes/greenlight", "refs/tags/v1"])
        let withTags = PushPlan(updates: updates, patterns: RefPattern(["refs/heads/*", "refs/tags/*"]))
        #expect(withTags.gated.first { $0.commit.hex == b }?.refs == ["refs/tags/v1", "refs/heads/three"])
        #expect(RefPattern(["refs/heads/*"]).matches("refs/heads/feature/deep"))
    }

    @Test func pushArgumentsResolveWithoutTheNetwork() throws {
        let repo = try ScratchRepository()
        let first = try repo.commitAll("first")
        try repo.git("branch", "topic")
        try repo.git("tag", "v1")
        try repo.git("remote", "add", "upstream", "/nowhere")
        try repo.git("config", "branch.main.remote", "upstream")
        let repository = try repo.open()

        let bare = PushArguments([])
        #expect(try bare.resolvedRemote(in: repository) == "upstream")
        #expect(try bare.targets(in: repository).map(\.remoteRef) == ["refs/heads/main"])

        let explicit = PushArguments(["-u", "--force-with-lease", "-o", "ci.skip", "origin", "+topic:release", "HEAD:refs/heads/x", ":gone"])
        #expect(explicit.remote == "origin")
        let targets = try explicit.targets(in: repository)
        #expect(targets.map(\.remoteRef) == ["refs/heads/release", "refs/heads/x"])
        #expect(targets.allSatisfy { $0.commit.hex == first })

        #expect(try PushArguments(["origin", "--tags"]).targets(in: repository).map(\.remoteRef) == ["refs/tags/v1"])
        #expect(try PushArguments(["origin", "--all"]).targets(in: repository).map(\.remoteRef) == ["refs/heads/main", "refs/heads/topic"])
        #expect(try PushArguments(["origin", "refs/heads/*:refs/heads/mirror/*"]).targets(in: repository).map(\.remoteRef)
                == ["refs/heads/mirror/main", "refs/heads/mirror/topic"])
        #expect(try PushArguments(["origin", "--delete", "topic"]).targets(in: repository).isEmpty)

        #expect(try repository.fetchRemote() == "upstream")
        try repo.git("config", "branch.topic.pushRemote", "fork")
        #expect(try repository.pushRemote(forBranch: "topic") == "fork")
        let target = try PullRequestTarget.resolve(headBranch: "topic", in: repository)
        #expect(target.branchRef == "refs/heads/topic" && target.branch == "topic" && target.remote == "fork")
        #expect(target.commit.hex == first)
        try repo.git("checkout", "-q", "--detach")
        #expect(throws: PullRequestTarget.DetachedHead.self) { try PullRequestTarget.resolve(headBranch: nil, in: repository) }
    }

    @Test func pullRequestArgumentsKeepEverythingButPush() {
        let parsed = PullRequestArguments(["--title", "--push", "--push", "-H", "me:topic", "--body", "x"])
        #expect(parsed.ghArguments == ["--title", "--push", "-H", "me:topic", "--body", "x"])
        #expect(parsed.push)
        #expect(parsed.headBranch == "topic")
        #expect(PullRequestArguments(["--head=feature"]).headBranch == "feature")
    }

    @Test func divergentNotesMergeByUnionAndFastForwardBothWays() throws {
        let repo = try ScratchRepository()
        let first = try repo.commitAll("first")
        let second = try repo.commitAll("second")
        let repository = try repo.open()
        let one = try #require(ObjectID(hex: first))
        let two = try #require(ObjectID(hex: second))
        try repository.appendToNote(on: one, lines: ["shared"])
        let base = try #require(try repository.referenceTarget(Repository.defaultNotesRef))
        try repository.appendToNote(on: one, lines: ["theirs"])
        try repository.appendToNote(on: two, lines: ["theirs on two"])
        let theirs = try #require(try repository.referenceTarget(Repository.defaultNotesRef))
        try repository.setReference(Repository.defaultNotesRef, to: base, message: "rewind")
        try repository.appendToNote(on: one, lines: ["ours"])

        let result = try repository.mergeNotes(from: theirs)
        #expect(result == .merged(notes: 2))
        #expect(try repository.note(on: one) == Data("shared\nours\ntheirs\n".utf8))
        #expect(try repository.note(on: two) == Data("theirs on two\n".utf8))
        // git agrees, and the merge has both sides as parents.
        let merged = try #require(try repository.referenceTarget(Repository.defaultNotesRef))
        #expect(try repo.git("rev-parse", "\(merged.hex)^2") == theirs.hex)
        #expect(try repository.mergeNotes(from: theirs) == .upToDate)
        try repository.setReference(Repository.defaultNotesRef, to: base, message: "rewind")
        #expect(try repository.mergeNotes(from: theirs) == .fastForwarded)
    }
}
