import Foundation

/// How a child process ended.
public struct ProcessResult: Sendable, Equatable {
    /// The exit status, or 128 + signal number when a signal ended it (as shells report it).
    public var exitCode: Int32
    /// The signal that ended it, if one did.
    public var signal: Int32?
    /// Its timeout (or idle timeout) fired and greenlight killed its process group.
    public var timedOut: Bool
    /// It was its idle timeout that fired: no output for that long.
    public var idleTimedOut: Bool = false
    /// The processes asked for their state before the kill (`ProcessSpec.stateDumpGrace`).
    public var stateRequests: [StateRequest] = []
    /// It was stopped on request (fail-fast, tier deadline, Ctrl-C).
    public var terminated: Bool
    /// Seconds from spawn to exit.
    public var duration: TimeInterval

    public var succeeded: Bool { exitCode == 0 && !timedOut && !terminated }
}
