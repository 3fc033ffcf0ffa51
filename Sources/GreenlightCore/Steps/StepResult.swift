import Foundation

/// What happened when one step ran, with what a report needs about it.
public struct StepResult: Sendable, Codable {
    public var name: String
    public var verdict: StepVerdict
    public var exitCode: Int32?
    public var timedOut: Bool
    public var duration: TimeInterval
    /// The step's own limit, when it fired.
    public var timeout: TimeInterval?
    /// Head and tail of its output (bounded).
    public var output: String
    public var log: String?
    /// Why greenlight could not run it, for `error` steps.
    public var problem: String?

    public var record: StepRecord {
        StepRecord(name: name, verdict: verdict, exitCode: exitCode,
                   durationSeconds: (duration * 1000).rounded() / 1000, timedOut: timedOut ? true : nil)
    }

    static func skipped(_ name: String) -> StepResult {
        StepResult(name: name, verdict: .skipped, exitCode: nil, timedOut: false, duration: 0, output: "", log: nil,
                   problem: "not run")
    }
}
