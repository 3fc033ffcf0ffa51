import CProcessSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A spawned child: its process group, and the pipe that wakes its output loop.
final class RunningProcess: @unchecked Sendable {
    let pid: pid_t
    private let wakeWrite: Int32
    private let lock = NSLock()
    private var terminateRequested = false

    init(pid: pid_t, wakeWrite: Int32) {
        self.pid = pid
        self.wakeWrite = wakeWrite
    }

    /// Asks the whole process group to stop (SIGTERM now; the output loop escalates to SIGKILL).
    func terminate() {
        lock.lock()
        let first = !terminateRequested
        terminateRequested = true
        lock.unlock()
        guard first else { return }
        kill(-pid, SIGTERM)
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWrite, &byte, 1)
    }

    var wasTerminated: Bool {
        lock.lock()
        defer { lock.unlock() }
        return terminateRequested
    }
}
