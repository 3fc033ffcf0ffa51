/// Byte counts as people read them: binary units (1 KiB = 1024 bytes), one decimal from KiB up.
public enum ByteCount {
    /// `0 B`, `512 B`, `4.0 KiB`, `1.2 GiB`.
    public static func format(_ bytes: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB", "PiB"]
        guard bytes >= 1024 else { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return "\((value * 10).rounded() / 10) \(units[unit])"
    }
}
