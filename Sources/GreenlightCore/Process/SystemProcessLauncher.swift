import CProcessSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs real child processes: `/bin/sh -c`, each the leader of its own process group,
/// output read on a dedicated thread with bounded buffers, timeouts that kill the group.
public struct SystemProcessLauncher: ProcessLauncher {
    /// How long a group gets between SIGTERM and SIGKILL.
    public var killGrace: TimeInterval
    /// How long to keep reading after the shell exited, for output still in flight from its children.
    public var drainGrace: TimeInterval

    public init(killGrace: TimeInterval = 2, drainGrace: TimeInterval = 0.5) {
        self.killGrace = killGrace
        self.drainGrace = drainGrace
    }

    public struct SpawnError: Error, CustomStringConvertible, LocalizedError {
        public let command: String
        public let directory: String
        public let errno: Int32
        public var description: String {
            "cannot start /bin/sh -c '\(command)' in \(directory): \(String(cString: strerror(errno)))"
        }
        public var errorDescription: String? { description }
    }

    public func run(_ spec: ProcessSpec, output: OutputSink, group: ProcessGroupSet) async throws -> ProcessOutcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try runBlocking(spec, output: output, group: group))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    func runBlocking(_ spec: ProcessSpec, output: OutputSink, group: ProcessGroupSet) throws -> ProcessOutcome {
        var outputPipe: [Int32] = [-1, -1]
        var wakePipe: [Int32] = [-1, -1]
        guard greenlight_pipe_cloexec(&outputPipe) == 0 else { throw SpawnError(command: spec.command, directory: spec.directory.path, errno: errno) }
        guard greenlight_pipe_cloexec(&wakePipe) == 0 else {
            close(outputPipe[0]); close(outputPipe[1])
            throw SpawnError(command: spec.command, directory: spec.directory.path, errno: errno)
        }
        defer { close(wakePipe[0]); close(wakePipe[1]) }

        let start = Date()
        var pid: pid_t = 0
        let spawnResult = Self.withCStrings(["/bin/sh", "-c", spec.command]) { argv in
            Self.withCStrings(spec.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) { envp in
                greenlight_spawn("/bin/sh", argv, envp, spec.directory.path, outputPipe[1], &pid)
            }
        }
        close(outputPipe[1])
        guard spawnResult == 0 else {
            close(outputPipe[0])
            throw SpawnError(command: spec.command, directory: spec.directory.path, errno: spawnResult)
        }
        defer { close(outputPipe[0]) }

        let process = RunningProcess(pid: pid, wakeWrite: wakePipe[1])
        let token = group.add(process)
        defer { group.remove(token) }

        // waitpid blocks, so it gets its own thread; it wakes the loop below when the shell exits.
        let exit = ExitWatcher(pid: pid, wakeWrite: wakePipe[1])
        exit.start()

        let deadline = spec.timeout.map { start.addingTimeInterval($0) }
        var timedOut = false
        var killAt: Date?
        var exitedAt: Date?
        var outputOpen = true
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        while true {
            let now = Date()
            if exitedAt == nil, exit.status != nil { exitedAt = now }
            if let exitedAt, !outputOpen || now.timeIntervalSince(exitedAt) >= drainGrace { break }
            if let deadline, !timedOut, now >= deadline {
                timedOut = true
                process.terminate()
            }
            if killAt == nil, process.wasTerminated { killAt = now.addingTimeInterval(killGrace) }
            if let killAt, now >= killAt, exitedAt == nil { kill(-pid, SIGKILL) }

            var wakeAt: [Date] = []
            if let deadline, !timedOut { wakeAt.append(deadline) }
            if let killAt, exitedAt == nil { wakeAt.append(killAt) }
            if let exitedAt { wakeAt.append(exitedAt.addingTimeInterval(drainGrace)) }
            let timeoutMs: Int32 = wakeAt.min().map { Int32(max(0, min($0.timeIntervalSince(now) * 1000 + 1, 60_000))) } ?? 60_000

            var fds = [pollfd(fd: outputOpen ? outputPipe[0] : -1, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakePipe[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeoutMs)
            if ready < 0 { if errno == EINTR { continue }; break }
            if fds[1].revents != 0 {
                var sink = [UInt8](repeating: 0, count: 64)
                _ = read(wakePipe[0], &sink, sink.count)
            }
            if outputOpen, fds[0].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(outputPipe[0], $0.baseAddress, $0.count) }
                if count > 0 {
                    buffer.withUnsafeBytes { output.write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    outputOpen = false
                }
            }
        }
        // Whatever the shell left behind in its group (background jobs) does not outlive the step.
        kill(-pid, SIGKILL)
        let status = exit.waitForStatus()
        return Self.outcome(status: status, timedOut: timedOut, terminated: process.wasTerminated && !timedOut,
                            duration: Date().timeIntervalSince(start))
    }

    private static func outcome(status: Int32, timedOut: Bool, terminated: Bool, duration: TimeInterval) -> ProcessOutcome {
        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        if signalled {
            let signal = status & 0x7f
            return ProcessOutcome(exitCode: 128 + signal, signal: signal, timedOut: timedOut, terminated: terminated, duration: duration)
        }
        return ProcessOutcome(exitCode: (status >> 8) & 0xff, signal: nil, timedOut: timedOut, terminated: terminated, duration: duration)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// Waits for one child on its own thread and records its status.
private final class ExitWatcher: @unchecked Sendable {
    private let pid: pid_t
    private let wakeWrite: Int32
    private let condition = NSCondition()
    private var recorded: Int32?

    init(pid: pid_t, wakeWrite: Int32) {
        self.pid = pid
        self.wakeWrite = wakeWrite
    }

    func start() {
        let thread = Thread { [self] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            condition.lock()
            recorded = status
            condition.broadcast()
            condition.unlock()
            var byte: UInt8 = 1
            _ = Glibc.write(wakeWrite, &byte, 1)
        }
        thread.stackSize = 64 * 1024
        thread.start()
    }

    var status: Int32? {
        condition.lock()
        defer { condition.unlock() }
        return recorded
    }

    func waitForStatus() -> Int32 {
        condition.lock()
        defer { condition.unlock() }
        while recorded == nil { condition.wait() }
        return recorded!
    }
}
