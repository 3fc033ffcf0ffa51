import CProcessSpawn
import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// A spawned child: its process group, and the pipe that wakes its output loop.
final class RunningProcess: Sendable {
    let pid: pid_t
    private let wakeWrite: Int32
    private let terminateRequested = NIOLockedValueBox(false)

    init(pid: pid_t, wakeWrite: Int32) {
        self.pid = pid
        self.wakeWrite = wakeWrite
    }

    /// Asks the whole process group to stop (SIGTERM now; the output loop escalates to SIGKILL).
    func terminate() {
        let first = terminateRequested.withLockedValue { requested in
            defer { requested = true }
            return !requested
        }
        guard first else { return }
        Glibc.kill(-pid, SIGTERM)
        wake()
    }

    /// Kills the whole process group at once (a second Ctrl-C): SIGKILL cannot be ignored.
    func kill() {
        terminateRequested.withLockedValue { $0 = true }
        Glibc.kill(-pid, SIGKILL)
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWrite, &byte, 1)
    }

    var wasTerminated: Bool { terminateRequested.withLockedValue { $0 } }
}
