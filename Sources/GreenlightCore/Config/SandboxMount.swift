/// Paths named in `clean_room.mounts`.
enum SandboxMount {
    /// `path` without a trailing slash or repeated slashes; `nil` when it is relative, is `/`
    /// itself, or has `.` or `..` components (a mount must name exactly one place).
    static func normalized(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return nil }
        let components = path.split(separator: "/")
        guard !components.isEmpty, !components.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        return "/" + components.joined(separator: "/")
    }

    /// Where a mount would shadow the clean room itself: its checkout, HOME and borrowed store
    /// (`/clean-room`), the sandbox's own `/proc` and `/dev`, or its `/tmp` as a whole.
    static func reserved(_ normalized: String) -> Bool {
        normalized == "/tmp" || ["/clean-room", "/proc", "/dev"].contains { normalized == $0 || normalized.hasPrefix($0 + "/") }
    }
}
