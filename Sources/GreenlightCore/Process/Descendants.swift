import CProcessSpawn
import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// The children greenlight started and has not reaped yet, and the sweep that kills every
/// other descendant: a process group cannot hold a child that calls `setsid`, so when
/// greenlight is a child subreaper (Linux `PR_SET_CHILD_SUBREAPER`, see prctl(2)) such
/// escapees are re-parented to greenlight when their parent dies, and the sweep finds them
/// as children greenlight never started. The sweep runs whenever the last running child
/// ends (after each step of an ordered tier, after the last step of a parallel one) and
/// on the way out after a signal.
///
/// Process-wide by nature (a process is a subreaper or not, and owns its children), so this
/// is one shared registry rather than a value passed around.
public enum Descendants {
    private struct State {
        var live: Set<pid_t> = []
        /// Process groups of children that ended since the last sweep: members still dying
        /// in them are waited for, so their own escaped children are re-parented in time.
        var endedGroups: Set<pid_t> = []
        /// Children started to outlive their caller (a detached gate run): never swept.
        var detached: Set<pid_t> = []
        var subreaper = false
    }

    private static let state = NIOLockedValueBox(State())

    /// Makes this process a child subreaper. The command line calls it once at start; library
    /// callers (tests) that start children some other way leave it off, and nothing is swept.
    /// - Throws: `SubreaperError` carrying prctl's errno (on a kernel or platform without it).
    public static func becomeSubreaper() throws {
        let result = greenlight_become_child_subreaper()
        guard result == 0 else { throw SubreaperError(errno: result) }
        state.withLockedValue { $0.subreaper = true }
    }

    /// Whether `becomeSubreaper()` succeeded.
    public static var isSubreaper: Bool { state.withLockedValue { $0.subreaper } }

    /// Runs `spawn` (which returns 0 and a pid, or an errno) with the registry locked, so a
    /// sweep on another thread never takes a child being started for an escapee.
    static func register(_ spawn: () -> (result: Int32, pid: pid_t)) -> (result: Int32, pid: pid_t) {
        state.withLockedValue { state in
            let started = spawn()
            if started.result == 0 { state.live.insert(started.pid) }
            return started
        }
    }

    /// As `register`, for a child meant to run on after this process (a detached gate run, in a
    /// session of its own): the sweep leaves it and everything below it alone.
    static func registerDetached(_ spawn: () -> (result: Int32, pid: pid_t)) -> (result: Int32, pid: pid_t) {
        state.withLockedValue { state in
            let started = spawn()
            if started.result == 0 { state.detached.insert(started.pid) }
            return started
        }
    }

    /// The child `pid` (leader of group `pid`) was reaped. When no started child is left
    /// running and greenlight is a subreaper, sweeps.
    static func reaped(_ pid: pid_t) {
        state.withLockedValue { state in
            state.live.remove(pid)
            guard state.subreaper else { return }
            state.endedGroups.insert(pid)
            guard state.live.isEmpty else { return }
            sweepLocked(&state, deadline: 2)
        }
    }

    /// Kills (SIGKILL) and reaps every child of this process that the launcher did not start,
    /// round after round (a killed escapee's own children are re-parented here in turn),
    /// until none is left or `deadline` seconds have passed. Does nothing unless this process
    /// is a subreaper. Returns how many processes it killed.
    @discardableResult
    public static func sweep(deadline: TimeInterval = 2) -> Int {
        state.withLockedValue { state in
            guard state.subreaper else { return 0 }
            return sweepLocked(&state, deadline: deadline)
        }
    }

    @discardableResult
    private static func sweepLocked(_ state: inout State, deadline: TimeInterval) -> Int {
        let me = getpid()
        let end = Date().addingTimeInterval(deadline)
        var killed: Set<pid_t> = []
        while true {
            var orphans: [pid_t] = []
            var dying = false
            let table = ProcessTable.entries()
            let parents = Dictionary(table.map { ($0.pid, $0.parent) }, uniquingKeysWith: { first, _ in first })
            for entry in table {
                if entry.parent == me {
                    if !state.live.contains(entry.pid), !state.detached.contains(entry.pid) { orphans.append(entry.pid) }
                    continue
                }
                // Below an escapee: killed in the same round, so a chain of escapees, each
                // waiting on the next, goes at once rather than one level per round.
                guard let top = ProcessTable.child(of: me, above: entry.pid, parents: parents), !state.detached.contains(top) else { continue }
                if !state.live.contains(top) {
                    kill(entry.pid, SIGKILL)
                    if entry.state != "Z" { dying = true }
                } else if state.endedGroups.contains(entry.group), entry.state != "Z" {
                    // A member of an ended step's group still dying: its own escapees are
                    // re-parented here only once it is gone, so wait for it.
                    dying = true
                    kill(entry.pid, SIGKILL)
                }
            }
            for pid in orphans {
                killed.insert(pid)
                kill(pid, SIGKILL)
                var status: Int32 = 0
                _ = waitpid(pid, &status, WNOHANG)
            }
            if orphans.isEmpty && !dying { break }
            if Date() >= end { break }
            usleep(5_000)
        }
        state.endedGroups = []
        return killed.count
    }
}

/// `prctl(PR_SET_CHILD_SUBREAPER)` failed.
public struct SubreaperError: Error, CustomStringConvertible, LocalizedError {
    public let errno: Int32
    public var description: String {
        "cannot become a child subreaper (prctl PR_SET_CHILD_SUBREAPER): \(String(cString: strerror(errno)))"
    }
    public var errorDescription: String? { description }
}

/// `/proc`, read for the parent, process group and state of each process (proc(5)).
enum ProcessTable {
    struct Entry {
        let pid: pid_t
        let parent: pid_t
        let group: pid_t
        let state: Character
    }

    /// The child of `ancestor` on `pid`'s chain of parents, `nil` when the chain does not reach
    /// `ancestor`: only descendants of greenlight are ever signalled, whatever their group says.
    static func child(of ancestor: pid_t, above pid: pid_t, parents: [pid_t: pid_t]) -> pid_t? {
        var current = pid
        for _ in 0..<65536 {
            guard let parent = parents[current], parent > 0 else { return nil }
            if parent == ancestor { return current }
            current = parent
        }
        return nil
    }

    static func entries() -> [Entry] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var result: [Entry] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = pid_t(name), let entry = entry(pid) else { continue }
            result.append(entry)
        }
        return result
    }

    /// Parses `/proc/<pid>/stat`: `pid (comm) state ppid pgrp …`; comm may hold spaces and
    /// parentheses, so the fields are read after the last `)`.
    static func entry(_ pid: pid_t) -> Entry? {
        let descriptor = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0, let close = buffer[..<count].lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = buffer[(close + 1)..<count].split(separator: UInt8(ascii: " "))
        guard fields.count >= 3, let state = fields[0].first,
              let parent = pid_t(String(decoding: fields[1], as: UTF8.self)),
              let group = pid_t(String(decoding: fields[2], as: UTF8.self)) else { return nil }
        return Entry(pid: pid, parent: parent, group: group, state: Character(UnicodeScalar(state)))
    }
}
