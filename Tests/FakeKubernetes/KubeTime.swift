import Foundation

/// Timestamps as Kubernetes writes them: RFC 3339 in UTC with second precision (`2025-01-02T03:04:05Z`).
enum KubeTime {
    static func string(_ date: Date = Date()) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    static func now() -> JSONValue { .string(string()) }

    /// RFC 3339 with nanoseconds, as log timestamps are written: `2025-01-02T03:04:05.123456789Z`.
    static func nanosecondString(_ date: Date = Date()) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let nanoseconds = Int((date.timeIntervalSince1970 - seconds) * 1_000_000_000)
        return String(string(date).dropLast()) + String(format: ".%09dZ", nanoseconds)
    }
}
