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
}
