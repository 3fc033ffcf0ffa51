import Foundation

/// One tier's verdict for one commit under one gate definition: a line of the git note.
public struct VerdictRecord: Codable, Equatable, Sendable {
    public var verdict: Verdict
    public var tier: Tier
    public var commit: ObjectID
    public var tree: ObjectID
    /// The tier definition's digest; a record is reused only under the same one.
    public var digest: String
    /// `workspace` or `worktree` for the fast tier; the clean-room backend's name otherwise.
    public var backend: String
    /// How the tier was sealed when it ran; `nil` in records written before greenlight recorded it.
    public var isolation: Isolation?
    /// Which `.greenlight.yml` defined the gate (`trusted` or `worktree`); `nil` in older records.
    public var definition: DefinitionSource?
    public var startedAt: Date
    public var finishedAt: Date
    public var durationSeconds: Double
    public var steps: [StepRecord]
    /// One line saying what failed, or why the gate could not decide; empty on pass.
    public var summary: String
    /// Test names recognised in the failing output.
    public var failingTests: [String]?
    /// Where the full log was written on the machine that ran it.
    public var log: String?
    /// The caches (`clean_room.caches` names) the clean room had mounted read-write: shared state
    /// the run could read and write. `nil` when none (and in records written before caches).
    public var caches: [String]?
    /// Said with this verdict whenever it is served ("the suite shrank from N to M tests"); `nil` when none.
    public var warnings: [String]?
    public var greenlightVersion: String

    public init(verdict: Verdict, tier: Tier, commit: ObjectID, tree: ObjectID, digest: String, backend: String,
                isolation: Isolation? = nil, startedAt: Date, finishedAt: Date, steps: [StepRecord], summary: String,
                failingTests: [String]? = nil, log: String? = nil, greenlightVersion: String = GreenlightVersion.current) {
        self.verdict = verdict
        self.tier = tier
        self.commit = commit
        self.tree = tree
        self.digest = digest
        self.backend = backend
        self.isolation = isolation
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.durationSeconds = (finishedAt.timeIntervalSince(startedAt) * 1000).rounded() / 1000
        self.steps = steps
        self.summary = summary
        self.failingTests = failingTests
        self.log = log
        self.greenlightVersion = greenlightVersion
    }

    enum CodingKeys: String, CodingKey {
        case verdict, tier, commit, tree, digest, backend, isolation, definition, steps, summary, log, warnings, caches
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case durationSeconds = "duration_s"
        case failingTests = "failing_tests"
        case greenlightVersion = "greenlight_version"
    }
}
