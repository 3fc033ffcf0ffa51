import Foundation

/// Receives what the gate is doing, as it happens. The CLI picks a live status line
/// on a terminal and plain lines otherwise; tests record the events.
public protocol ProgressSink: Sendable {
    func tierStarted(tier: Tier, steps: [String], location: String)
    func tierCached(tier: Tier, record: VerdictRecord)
    func stepStarted(tier: Tier, step: String, output: OutputCapture)
    func stepFinished(tier: Tier, result: StepResult)
    func tierFinished(tier: Tier, verdict: Verdict, duration: TimeInterval)
    /// Something the user should know that does not stop the gate (a corrupt note line).
    func warning(_ message: String)
    /// Where a long-running tier is (a Job's phase); shown, not recorded.
    func status(_ message: String)
}

extension ProgressSink {
    public func status(_ message: String) {}
}

/// Says nothing.
public struct SilentProgress: ProgressSink {
    public init() {}
    public func tierStarted(tier: Tier, steps: [String], location: String) {}
    public func tierCached(tier: Tier, record: VerdictRecord) {}
    public func stepStarted(tier: Tier, step: String, output: OutputCapture) {}
    public func stepFinished(tier: Tier, result: StepResult) {}
    public func tierFinished(tier: Tier, verdict: Verdict, duration: TimeInterval) {}
    public func warning(_ message: String) {}
}
