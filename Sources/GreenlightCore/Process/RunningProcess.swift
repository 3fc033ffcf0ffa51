import CProcessSpawn
import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// A spawned child: its process group, and the pipe that wakes its output loop. Signals
/// and wake-ups go out under one lock with the `finished` flag, so none reaches the group
/// after its leader was reaped (its pid could be reused) or the pipe after it was closed
/// (its descriptor number could be reused).
final class RunningProcess: Sendable {
    private struct State {
        var terminateRequested = false
        /// The leader had already exited (a zombie not yet reaped) when the stop was first asked for.
        var endedBeforeStop = false
        var finished = false
    }

    let pid: pid_t
    private let wakeWrite: Int32
    private let state = NIOLockedValueBox(State())
    /// Whether the leader has exited (it stays unreaped, so this cannot be another process).
    private let leaderExited: @Sendable () -> Bool

    init(pid: pid_t, wakeWrite: Int32, leaderExited: @escaping @Sendable () -> Bool = { false }) {
        self.pid = pid
        self.wakeWrite = wakeWrite
        self.leaderExited = leaderExited
    }

    /// Asks the whole process group to stop (SIGTERM now; the output loop escalates to SIGKILL).
    func terminate() {
        state.withLockedValue { state in
            guard !state.finished, !state.terminateRequested else { return }
            state.terminateRequested = true
            state.endedBeforeStop = leaderExited()
            Glibc.kill(-pid, SIGTERM)
            wake()
        }
    }

    /// Kills the whole process group at once (a second Ctrl-C): SIGKILL cannot be ignored.
    func kill() {
        state.withLockedValue { state in
            guard !state.finished else { return }
            if !state.terminateRequested { state.endedBeforeStop = leaderExited() }
            state.terminateRequested = true
            Glibc.kill(-pid, SIGKILL)
            wake()
        }
    }

    /// The leader is about to be reaped and the pipe closed: nothing is sent any more.
    func finish() {
        state.withLockedValue { $0.finished = true }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWrite, &byte, 1)
    }

    var wasTerminated: Bool { state.withLockedValue { $0.terminateRequested } }

    /// Whether the leader had ended by itself before a stop was asked for.
    var endedBeforeStop: Bool { state.withLockedValue { $0.endedBeforeStop } }
}
