/// How one step ended.
public enum StepVerdict: String, Codable, Sendable {
    case pass
    /// Non-zero exit, or its own timeout fired.
    case fail
    /// It could not be run to an end: the tier deadline, or greenlight could not start it.
    case error
    /// Not run, or stopped early, because another step had already failed (fail-fast, or an earlier clean-room step).
    case skipped
}
