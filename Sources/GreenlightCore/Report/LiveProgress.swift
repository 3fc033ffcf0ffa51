import Foundation
import NIOConcurrencyHelpers

/// Progress on stderr. On a terminal: one status line redrawn in place (tier, running
/// steps, elapsed, the last output line). Otherwise (an agent, CI): plain lines at start
/// and finish, and a line after every `heartbeat` of silence — never control characters.
public final class LiveProgress: ProgressSink, @unchecked Sendable {  // `timer` is set once, in init
    private struct State {
        var running: [(tier: Tier, step: String, started: Date, output: OutputCapture)] = []
        var lastPrinted = Date()
        var statusShown = false
        /// `finish()` was called: the timer may still fire once, and must draw nothing.
        var finished = false
    }

    private let interactive: Bool
    private let heartbeat: TimeInterval
    private let write: @Sendable (String) -> Void
    private let state = NIOLockedValueBox(State())
    private var timer: DispatchSourceTimer?

    /// `interactive` draws the live line; `write` receives text for stderr.
    public init(interactive: Bool, heartbeat: TimeInterval = 30,
                write: @escaping @Sendable (String) -> Void = { StandardError.write($0) }) {
        self.interactive = interactive
        self.heartbeat = heartbeat
        self.write = write
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "greenlight.progress"))
        let interval = interactive ? 0.25 : min(1, heartbeat / 2)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    deinit {
        timer?.cancel()
    }

    /// Stops the timer and clears the status line.
    public func finish() {
        timer?.cancel()
        state.withLockedValue { state in
            state.finished = true
            clearStatus(&state)
        }
    }

    public func tierStarted(tier: Tier, steps: [String], location: String) {
        say("greenlight: \(tier.rawValue) tier: \(steps.count) step\(steps.count == 1 ? "" : "s") (\(steps.joined(separator: ", "))) \(location)")
    }

    public func tierCached(tier: Tier, record: VerdictRecord) {
        say("greenlight: \(tier.rawValue) tier: \(record.verdict.rawValue) (cached from \(NoteCodec.formatDate(record.finishedAt)))")
    }

    public func stepStarted(tier: Tier, step: String, output: OutputCapture) {
        state.withLockedValue { $0.running.append((tier, step, Date(), output)) }
        if !interactive { say("greenlight: \(tier.rawValue): \(step) started") }
    }

    public func stepFinished(tier: Tier, result: StepResult) {
        state.withLockedValue { $0.running.removeAll { $0.tier == tier && $0.step == result.name } }
        say("greenlight: \(tier.rawValue): \(result.name) \(result.summary)")
    }

    public func tierFinished(tier: Tier, verdict: Verdict, duration: TimeInterval) {
        say("greenlight: \(tier.rawValue) tier: \(verdict.rawValue) in \(String(format: "%.1fs", duration))")
    }

    public func warning(_ message: String) {
        say("greenlight: warning: \(message)")
    }

    public func status(_ message: String) {
        say("greenlight: \(message)")
    }

    private func say(_ line: String) {
        state.withLockedValue { state in
            clearStatus(&state)
            write(line + "\n")
            state.lastPrinted = Date()
        }
    }

    /// Called with the state locked, so a line and the status never interleave.
    private func clearStatus(_ state: inout State) {
        if state.statusShown {
            write("\r\u{1B}[K")
            state.statusShown = false
        }
    }

    private func tick() {
        state.withLockedValue { tick(&$0) }
    }

    private func tick(_ state: inout State) {
        let running = state.running
        guard !running.isEmpty, !state.finished else { return }
        let now = Date()
        let names = running.map(\.step).joined(separator: ", ")
        let elapsed = DurationParser.format(now.timeIntervalSince(running.map(\.started).min() ?? now).rounded())
        let last = running.last?.output.lastLine ?? ""
        if interactive {
            var line = "\(running[0].tier.rawValue): running \(names) · \(elapsed)"
            if !last.isEmpty { line += " · \(LogExcerpt.stripANSI(last))" }
            let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
            if line.count > width - 1 { line = String(line.prefix(max(10, width - 2))) + "…" }
            write("\r\u{1B}[K" + line)
            state.statusShown = true
        } else if now.timeIntervalSince(state.lastPrinted) >= heartbeat {
            var line = "greenlight: \(running[0].tier.rawValue): still running \(names) (\(elapsed))"
            if !last.isEmpty { line += ": \(LogExcerpt.stripANSI(last).prefix(160))" }
            write(line + "\n")
            state.lastPrinted = now
        }
    }
}
