import CProcessSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs real child processes, each the leader of its own process group: output read on a
/// dedicated thread with bounded buffers, timeouts that kill the group, every child known to
/// `Descendants` so that what escapes a group is swept when it ends.
public struct SystemProcessLauncher: ProcessLauncher {
    /// Seconds a group gets between SIGTERM and SIGKILL.
    public var killGrace: TimeInterval
    /// Seconds to keep reading after the leader exited, for output still in flight from its children.
    public var drainGrace: TimeInterval

    public init(killGrace: TimeInterval = 2, drainGrace: TimeInterval = 0.5) {
        self.killGrace = killGrace
        self.drainGrace = drainGrace
    }

    /// A child that could not be started: the program, where, and the errno of the failing call.
    public struct SpawnError: Error, CustomStringConvertible, LocalizedError {
        public let command: String
        public let directory: String
        public let errno: Int32
        public var description: String {
            "cannot start \(command) in \(directory): \(String(cString: strerror(errno)))"
        }
        public var errorDescription: String? { description }
    }

    public func run(_ spec: ProcessSpec, output: OutputSink, errorOutput: OutputSink?, group: ProcessGroupSet) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try runBlocking(spec, output: output, errorOutput: errorOutput, group: group))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    func runBlocking(_ spec: ProcessSpec, output: OutputSink, errorOutput: OutputSink?, group: ProcessGroupSet) throws -> ProcessResult {
        let failure = { (code: Int32) in SpawnError(command: spec.displayName, directory: spec.directory.path, errno: code) }
        guard let executable = spec.resolvedExecutable() else { throw failure(ENOENT) }
        var pipes: [[Int32]] = []
        defer { for pipe in pipes { for end in pipe where end >= 0 { close(end) } } }
        for _ in 0..<(errorOutput == nil ? 2 : 3) {
            var pipe: [Int32] = [-1, -1]
            guard greenlight_pipe_cloexec(&pipe) == 0 else { throw failure(errno) }
            pipes.append(pipe)
        }
        let wake = pipes[0]
        let streams: [(fd: Int32, sink: OutputSink)] = [(pipes[1][0], output)] + (errorOutput.map { [(pipes[2][0], $0)] } ?? [])

        let start = Date()
        let started = Descendants.register {
            var pid: pid_t = 0
            let result = Self.withCStrings([spec.executable] + spec.arguments) { argv in
                Self.withCStrings(spec.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) { envp in
                    greenlight_spawn(executable, argv, envp, spec.directory.path, pipes[1][1],
                                     errorOutput == nil ? -1 : pipes[2][1], &pid)
                }
            }
            return (result, pid)
        }
        // The child holds its own copies of the write ends; ours must go so reads see end of file.
        for index in 1..<pipes.count {
            close(pipes[index][1])
            pipes[index][1] = -1
        }
        guard started.result == 0 else { throw failure(started.result) }
        let pid = started.pid

        let process = RunningProcess(pid: pid, wakeWrite: wake[1])
        let token = group.add(process)
        defer { group.remove(token) }

        // waitpid blocks, so it gets its own thread; it wakes the loop below when the leader exits.
        let exit = ExitWatcher(pid: pid, wakeWrite: wake[1])
        exit.start()

        let deadline = spec.timeout.map { start.addingTimeInterval($0) }
        var timedOut = false
        var killAt: Date?
        var exitedAt: Date?
        var open = streams.map { _ in true }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        while true {
            let now = Date()
            if exitedAt == nil, exit.status != nil { exitedAt = now }
            if let exitedAt, !open.contains(true) || now.timeIntervalSince(exitedAt) >= drainGrace { break }
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

            var fds = [pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
                + streams.enumerated().map { pollfd(fd: open[$0.offset] ? $0.element.fd : -1, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), timeoutMs)
            if ready < 0 { if errno == EINTR { continue }; break }
            if fds[0].revents != 0 {
                var sink = [UInt8](repeating: 0, count: 64)
                _ = read(wake[0], &sink, sink.count)
            }
            for (index, stream) in streams.enumerated() where open[index] && fds[index + 1].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(stream.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    buffer.withUnsafeBytes { stream.sink.write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[index] = false
                }
            }
        }
        // Whatever the leader left behind in its group (background jobs) does not outlive it;
        // what left the group (setsid) is swept by `Descendants` once no child is running.
        kill(-pid, SIGKILL)
        let status = exit.waitForStatus()
        Descendants.reaped(pid)
        return Self.result(status: status, timedOut: timedOut, terminated: process.wasTerminated && !timedOut,
                           duration: Date().timeIntervalSince(start))
    }

    private static func result(status: Int32, timedOut: Bool, terminated: Bool, duration: TimeInterval) -> ProcessResult {
        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        if signalled {
            let signal = status & 0x7f
            return ProcessResult(exitCode: 128 + signal, signal: signal, timedOut: timedOut, terminated: terminated, duration: duration)
        }
        return ProcessResult(exitCode: (status >> 8) & 0xff, signal: nil, timedOut: timedOut, terminated: terminated, duration: duration)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// Waits for one child on its own thread, records its status, then wakes the output loop.
private final class ExitWatcher: @unchecked Sendable {
    private let pid: pid_t
    private let wakeWrite: Int32
    private let condition = NSCondition()
    private var recorded: Int32?
    /// The status again, set once the wake byte is written: after this the wake pipe may be closed (a later write could
    /// otherwise land in whatever file reused its descriptor number).
    private var notified: Int32?

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
            condition.unlock()
            var byte: UInt8 = 1
            _ = Glibc.write(wakeWrite, &byte, 1)
            condition.lock()
            notified = status
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 64 * 1024
        thread.start()
    }

    var status: Int32? {
        condition.lock()
        defer { condition.unlock() }
        return recorded
    }

    /// The exit status, once the watcher is done with the wake pipe.
    func waitForStatus() -> Int32 {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let notified { return notified }
            condition.wait()
        }
    }
}
