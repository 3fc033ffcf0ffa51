#if canImport(Glibc)
import Glibc
#endif

/// The user's home directories: `$HOME` as the environment says, and the one the password
/// database (`getpwuid(3)`) says, which an unset or odd `HOME` (cron, `env -i`, a hook runner)
/// does not change.
public enum UserHome {
    /// The password database's home of the current user; `nil` when it has none or it is not absolute.
    public static func passwordDatabase() -> String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.hasPrefix("/") ? home : nil
    }

    /// `HOME` when absolute, else the password database's.
    public static func preferred(environment: [String: String]) -> String? {
        environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? passwordDatabase()
    }

    /// Every home the user may be said to have: the environment's (when absolute) and the password database's.
    public static func all(environment: [String: String]) -> [String] {
        var homes: [String] = []
        for home in [environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }, passwordDatabase()] {
            if let home, !homes.contains(home) { homes.append(home) }
        }
        return homes
    }
}
