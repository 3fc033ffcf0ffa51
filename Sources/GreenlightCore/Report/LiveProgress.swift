import Foundation

/// Progress on stderr. On a terminal: one status line redrawn in place (tier, running
/// steps, elapsed, the last output line). Otherwise (an agent, CI): plain lines at start
/// and finish, and a line after every `heartbeat` of silence — never control characters.
public final class LiveProgress: ProgressSink, @unchecked Sendable {
    private let interactive: Bool
    private let heartbeat: TimeInterval
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var running: [(tier: Tier, step: String, started: Date, output: OutputCapture)] = []
    private var lastPrinted = Date()
    private var statusShown = false
    private var timer: DispatchSourceTimer?

    /// `interactive` draws the live line; `write` receives text for stderr.
    public init(interactive: Bool, heartbeat: TimeInterval = 30,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
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
        lock.lock()
        clearStatus()
        lock.unlock()
    }

    public func tierStarted(tier: Tier, steps: [String], location: String) {
        say("greenlight: \(tier.rawValue) tier: \(steps.count) step\(steps.count == 1 ? "" : "s") (\(steps.joined(separator: ", "))) \(location)")
    }

    public func tierCached(tier: Tier, record: VerdictRecord) {
        say("greenlight: \(tier.rawValue) tier: \(record.verdict.rawValue) (cached from \(NoteCodec.formatDate(record.finishedAt)))")
    }

    public func stepStarted(tier: Tier, step: String, output: OutputCapture) {
        lock.lock()
        running.append((tier, step, Date(), output))
        lock.unlock()
        if !interactive { say("greenlight: \(tier.rawValue): \(step) started") }
    }

    public func stepFinished(tier: Tier, result: StepResult) {
        lock.lock()
        running.removeAll { $0.tier == tier && $0.step == result.name }
        lock.unlock()
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
        lock.lock()
        defer { lock.unlock() }
        clearStatus()
        write(line + "\n")
        lastPrinted = Date()
    }

    /// Caller holds the lock.
    private func clearStatus() {
        if statusShown {
            write("\r\u{1B}[K")
            statusShown = false
        }
    }

    private func tick() {
        lock.lock()
        defer { lock.unlock() }
        guard !running.isEmpty else { return }
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
            statusShown = true
        } else if now.timeIntervalSince(lastPrinted) >= heartbeat {
            var line = "greenlight: \(running[0].tier.rawValue): still running \(names) (\(elapsed))"
            if !last.isEmpty { line += ": \(LogExcerpt.stripANSI(last).prefix(160))" }
            write(line + "\n")
            lastPrinted = now
        }
    }
}
