import CProcessSpawn
import Foundation
import NIOConcurrencyHelpers

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

    /// SIGCHLD back to its default, once: a parent that ignored it would have the kernel reap
    /// every child at once, and greenlight could not learn how any step ended.
    private static let collectChildren: Void = { signal(SIGCHLD, SIG_DFL) }()

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

    /// Runs `spec` on a thread of its own. Cancelling the calling task stops the child's
    /// group as `ProcessGroupSet.stopAll` does.
    /// - Throws: `SpawnError` when it cannot start; `InternalError` when its exit status
    ///   cannot be collected (never a made-up status).
    public func run(_ spec: ProcessSpec, output: OutputSink, errorOutput: OutputSink?, group: ProcessGroupSet) async throws -> ProcessResult {
        let cancellation = CancellationRelay()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let thread = Thread {
                    do {
                        continuation.resume(returning: try runBlocking(spec, output: output, errorOutput: errorOutput,
                                                                        group: group, cancellation: cancellation))
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
                thread.stackSize = 512 * 1024
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    func runBlocking(_ spec: ProcessSpec, output: OutputSink, errorOutput: OutputSink?, group: ProcessGroupSet,
                     cancellation: CancellationRelay = CancellationRelay()) throws -> ProcessResult {
        _ = Self.collectChildren
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

        // waitid blocks, so it gets its own thread; it wakes the loop below when the leader exits.
        // The leader stays a zombie until reaped below: its pid, and so its group id, cannot be
        // reused by another process while greenlight still signals that group.
        let exit = ExitWatcher(pid: pid, wakeWrite: wake[1])
        let process = RunningProcess(pid: pid, wakeWrite: wake[1], leaderExited: { exit.hasExited || ProcessTable.entry(pid)?.state == "Z" })
        let token = group.add(process)
        defer { group.remove(token) }
        cancellation.attach(process)
        exit.start()

        let deadline = spec.timeout.map { start.addingTimeInterval($0) }
        var timedOut = false
        var idleTimedOut = false
        var lastOutput = start
        var stateRequests: [StateRequest] = []
        /// Test processes still to be asked, one at a time (`StateDump.candidates`), and when the last was.
        var toAsk: [StateRequest] = []
        var askedAt = start
        /// While set, the processes asked for their state are printing it; the group is terminated then.
        var dumpUntil: Date?
        var dumpSettleAt: Date?
        var killAt: Date?
        var killSent = false
        var exitedAt: Date?
        var open = streams.map { _ in true }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        while true {
            let now = Date()
            if exitedAt == nil, exit.hasExited { exitedAt = now }
            if let exitedAt, !open.contains(true) || now.timeIntervalSince(exitedAt) >= drainGrace { break }
            if !timedOut, exitedAt == nil, !process.wasTerminated {
                let idleFired = spec.idleTimeout.map { now.timeIntervalSince(lastOutput) >= $0 } ?? false
                if deadline.map({ now >= $0 }) ?? false || idleFired {
                    timedOut = true
                    idleTimedOut = idleFired && !(deadline.map { now >= $0 } ?? false)
                    if let grace = spec.stateDumpGrace {
                        toAsk = StateDump.candidates(below: pid)
                        if toAsk.isEmpty { process.terminate() } else { dumpUntil = now.addingTimeInterval(grace) }
                    } else {
                        process.terminate()
                    }
                }
            }
            if let until = dumpUntil, !process.wasTerminated {
                // One at a time, so that dumps written to one pipe do not interleave: the next is
                // asked once the last has exited, or after a second (a JVM goes on after its dump).
                if !toAsk.isEmpty, now < until,
                   stateRequests.last.map({ !Self.isRunning($0.pid) || now.timeIntervalSince(askedAt) >= 1 }) ?? true {
                    let next = toAsk.removeFirst()
                    if StateDump.ask(next) { stateRequests.append(next) }
                    askedAt = now
                }
                // Every process asked has printed and exited: a short settle for its parent to pass
                // the output on (`go test` and `swift test` hold a test binary's output until it ends).
                if dumpSettleAt == nil, toAsk.isEmpty, stateRequests.allSatisfy({ !Self.isRunning($0.pid) }) { dumpSettleAt = now.addingTimeInterval(1) }
                if dumpSettleAt == nil, now >= until {
                    // Some go on after their dump (a JVM, the Swift backtracer's first signal): those
                    // alone are killed first, so that their parents still pass their output on.
                    for request in stateRequests where Self.isRunning(request.pid) { kill(request.pid, SIGKILL) }
                    dumpSettleAt = now.addingTimeInterval(1)
                }
                if let settle = dumpSettleAt, now >= settle {
                    dumpUntil = nil
                    process.terminate()
                }
            }
            if killAt == nil, process.wasTerminated { killAt = now.addingTimeInterval(killGrace) }
            if let killAt, now >= killAt, exitedAt == nil, !killSent {
                kill(-pid, SIGKILL)
                killSent = true  // the exit watcher wakes the loop when the leader is gone
            }

            var wakeAt: [Date] = []
            if let deadline, !timedOut { wakeAt.append(deadline) }
            if let idle = spec.idleTimeout, !timedOut { wakeAt.append(lastOutput.addingTimeInterval(idle)) }
            if dumpUntil != nil { wakeAt.append(now.addingTimeInterval(0.1)) }
            if let killAt, exitedAt == nil, !killSent { wakeAt.append(killAt) }
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
                    lastOutput = Date()
                    buffer.withUnsafeBytes { stream.sink.write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[index] = false
                }
            }
        }
        // Whatever the leader left behind in its group (background jobs) does not outlive it;
        // what left the group (setsid) is swept by `Descendants` once no child is running.
        if !exit.hasExited { kill(-pid, SIGKILL) }  // the loop ended early (poll failed): do not wait forever
        exit.waitUntilExited()
        kill(-pid, SIGKILL)
        process.finish()
        var status: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(pid, &status, 0) } while reaped < 0 && errno == EINTR
        let reapError = errno
        Descendants.reaped(pid)
        guard reaped == pid else {
            throw InternalError("waitpid(\(pid)) for \(spec.displayName) failed: \(String(cString: strerror(reapError)))")
        }
        // A leader that had ended by itself before the stop came was not stopped: its own exit status stands
        // (two steps of a fail-fast tier failing at once both fail; neither is "stopped").
        var result = Self.result(status: status, timedOut: timedOut, terminated: process.wasTerminated && !process.endedBeforeStop && !timedOut,
                                 duration: Date().timeIntervalSince(start))
        result.idleTimedOut = idleTimedOut
        result.stateRequests = stateRequests
        return result
    }

    /// Whether `pid` is still a live process (not gone, not a zombie waiting for its parent).
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard let entry = ProcessTable.entry(pid) else { return false }
        return entry.state != "Z" && entry.state != "X"
    }

    private static func result(status: Int32, timedOut: Bool, terminated: Bool, duration: TimeInterval) -> ProcessResult {
        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        if signalled {
            let signal = status & 0x7f
            return ProcessResult(exitCode: 128 + signal, signal: signal, timedOut: timedOut, terminated: terminated, duration: duration)
        }
        return ProcessResult(exitCode: (status >> 8) & 0xff, signal: nil, timedOut: timedOut, terminated: terminated, duration: duration)
    }

    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// Waits, on its own thread, until one child has exited (without reaping it: `WNOWAIT`),
/// then wakes the output loop.
private final class ExitWatcher: Sendable {
    private let pid: pid_t
    private let wakeWrite: Int32
    /// `exited`: the child is a zombie now; `notified`: the wake byte is written, so the wake
    /// pipe may be closed (a later write could land in whatever reused its descriptor).
    private let state = NIOLockedValueBox((exited: false, notified: false))
    private let condition = ConditionLock(value: 0)

    init(pid: pid_t, wakeWrite: Int32) {
        self.pid = pid
        self.wakeWrite = wakeWrite
    }

    func start() {
        let thread = Thread { [self] in
            var info = siginfo_t()
            // Any error (ECHILD: someone else reaped it) also ends the wait; the reap that
            // follows in the loop's thread reports it.
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
            state.withLockedValue { $0.exited = true }
            var byte: UInt8 = 1
            _ = Glibc.write(wakeWrite, &byte, 1)
            condition.lock()
            condition.unlock(withValue: 1)
        }
        thread.stackSize = 64 * 1024
        thread.start()
    }

    /// Whether the child has exited (it is still unreaped).
    var hasExited: Bool { state.withLockedValue { $0.exited } }

    /// Blocks until the child has exited and the watcher is done with the wake pipe.
    func waitUntilExited() {
        condition.lock(whenValue: 1)
        condition.unlock()
    }
}

/// Carries a task's cancellation to the child started for it, whichever comes first.
final class CancellationRelay: Sendable {
    private let state = NIOLockedValueBox((process: RunningProcess?.none, cancelled: false))

    func attach(_ process: RunningProcess) {
        let cancelled = state.withLockedValue { state in
            state.process = process
            return state.cancelled
        }
        if cancelled { process.terminate() }
    }

    func cancel() {
        let process = state.withLockedValue { state in
            state.cancelled = true
            return state.process
        }
        process?.terminate()
    }
}
