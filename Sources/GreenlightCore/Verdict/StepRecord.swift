/// One step's result inside a verdict record.
public struct StepRecord: Codable, Equatable, Sendable {
    public var name: String
    public var verdict: StepVerdict
    /// `nil` when the step never ran (skipped after a fail-fast stop).
    public var exitCode: Int32?
    public var durationSeconds: Double
    /// The step's own limit fired.
    public var timedOut: Bool?

    public init(name: String, verdict: StepVerdict, exitCode: Int32?, durationSeconds: Double, timedOut: Bool? = nil) {
        self.name = name
        self.verdict = verdict
        self.exitCode = exitCode
        self.durationSeconds = durationSeconds
        self.timedOut = timedOut
    }

    enum CodingKeys: String, CodingKey {
        case name, verdict
        case exitCode = "exit_code"
        case durationSeconds = "duration_s"
        case timedOut = "timed_out"
    }
}
