/// The version written into every verdict record and printed by `--version`.
public enum GreenlightVersion {
    public static let current = "0.1.0"
}
