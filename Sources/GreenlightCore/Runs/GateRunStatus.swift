import Foundation

/// What a detached gate run says about itself, in `<common git dir>/greenlight/runs/<key>.json`
/// (written whole and renamed into place, so a reader never sees half of it).
public struct GateRunStatus: Codable, Sendable {
    public enum State: String, Codable, Sendable {
        case running
        case finished
        /// Stopped by a signal: by `greenlight cancel`, or because a newer commit's rehearsal replaced it.
        case cancelled
    }

    /// Short and random: how a run is named to the user.
    public var id: String
    public var commit: String
    public var gateDigest: String
    /// The running process (its session leader).
    public var pid: Int32
    /// The working tree it was started from.
    public var worktree: String
    public var startedAt: Date
    public var state: State
    /// The latest progress line (`clean-room: test started`).
    public var current: String?
    public var finishedAt: Date?
    /// The gate's exit status once finished: 0 pass, 1 fail, 2 error.
    public var exitCode: Int32?
    /// The report, as `greenlight check` prints it, once finished.
    public var report: String?
    /// The result itself, once finished, so a waiter reports it exactly as the run saw it.
    public var result: GateResult?
    /// The commit whose rehearsal replaced this run, when that is why it was cancelled.
    public var supersededBy: String?
    /// Started by the post-commit hook (`greenlight install --rehearse`).
    public var rehearsal: Bool

    public init(id: String, key: GateRunKey, pid: Int32, worktree: String, startedAt: Date, rehearsal: Bool) {
        self.id = id
        commit = key.commit.hex
        gateDigest = key.gateDigest
        self.pid = pid
        self.worktree = worktree
        self.startedAt = startedAt
        state = .running
        self.rehearsal = rehearsal
    }

    /// A new run id: 8 hex characters.
    public static func newID() -> String {
        String(format: "%08x", UInt32.random(in: 0...UInt32.max))
    }
}
