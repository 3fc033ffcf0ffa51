import Foundation
import NIOConcurrencyHelpers

/// A detached run's progress: each event goes to `base` (plain lines in the run's output file)
/// and, as one line, into the run's status file (`GateRunStatus.current`), where `wait` and
/// `status` read it.
public final class StatusFileProgress: ProgressSink, @unchecked Sendable {  // `status` is only touched under its lock
    private let base: ProgressSink
    private let store: GateRunStore
    private let key: GateRunKey
    private let status: NIOLockedValueBox<GateRunStatus>

    public init(base: ProgressSink, store: GateRunStore, key: GateRunKey, status: GateRunStatus) {
        self.base = base
        self.store = store
        self.key = key
        self.status = NIOLockedValueBox(status)
    }

    private func note(_ line: String) {
        status.withLockedValue { status in
            status.current = line
            try? store.write(status, key: key)
        }
    }

    public func tierStarted(tier: Tier, steps: [String], location: String) {
        base.tierStarted(tier: tier, steps: steps, location: location)
        note("\(tier.rawValue): started (\(steps.joined(separator: ", ")))")
    }

    public func tierCached(tier: Tier, record: VerdictRecord) {
        base.tierCached(tier: tier, record: record)
        note("\(tier.rawValue): \(record.verdict.rawValue) (cached)")
    }

    public func stepStarted(tier: Tier, step: String, output: OutputCapture) {
        base.stepStarted(tier: tier, step: step, output: output)
        note("\(tier.rawValue): \(step) started")
    }

    public func stepFinished(tier: Tier, result: StepResult) {
        base.stepFinished(tier: tier, result: result)
        note("\(tier.rawValue): \(result.name) \(result.summary)")
    }

    public func tierFinished(tier: Tier, verdict: Verdict, duration: TimeInterval) {
        base.tierFinished(tier: tier, verdict: verdict, duration: duration)
        note("\(tier.rawValue): \(verdict.rawValue)")
    }

    public func warning(_ message: String) { base.warning(message) }
    public func status(_ message: String) { base.status(message) }
}
