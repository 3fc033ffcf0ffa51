import Foundation

/// Whether a process a test recorded is still alive, read from `/proc/<pid>/stat` (proc(5)).
public enum ProcessProbe {
    /// `true` when the process no longer exists or is a zombie (it has exited; only its parent
    /// has not collected it yet). The state is read after the last `)`, since the command
    /// name may itself hold spaces and parentheses.
    public static func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Waits up to `seconds` for `isGone`; kills the process when it is still there, so a failed
    /// test leaves nothing running. Returns whether it went on its own.
    public static func wentAway(_ pid: Int32, within seconds: Double = 2) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !isGone(pid) {
            guard Date() < deadline else {
                kill(pid, SIGKILL)
                return false
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// The pids of live processes whose whole argument vector is `arguments` (from
    /// `/proc/<pid>/cmdline`, NUL-separated): how a test finds, by a unique argument, a process
    /// that runs in another PID namespace (a sandbox), whose own `$$` means nothing outside.
    public static func pids(withArguments arguments: [String]) -> [Int32] {
        let wanted = Array((arguments.joined(separator: "\u{0}") + "\u{0}").utf8)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return Array(data) == wanted && !isGone(pid)
        }
    }
}
