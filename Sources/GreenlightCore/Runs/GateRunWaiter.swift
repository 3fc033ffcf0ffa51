import Foundation

/// `greenlight wait`: attaches to the detached run of a commit's gate, or reads its verdict.
public struct GateRunWaiter: Sendable {
    public let gate: Gate
    public let store: GateRunStore

    public init(gate: Gate) {
        self.gate = gate
        store = GateRunStore(repository: gate.context.tiers.repository)
    }

    public enum Outcome: Sendable {
        /// The notes decide (the run finished, or the verdicts were there).
        case decided(GateResult)
        /// The run ended without a verdict the notes keep (an error): its report and exit status.
        case ended(GateRunStatus)
        /// Cancelled; `supersededBy` names the newer commit when a rehearsal replaced it.
        case cancelled(GateRunStatus)
        /// Still running when the timeout passed (or `stop` said to stop waiting).
        case pending(GateRunStatus)
        /// The run stopped without finishing (killed): what was recorded before stays, nothing decides.
        case died(GateRunStatus)
        /// The run finished, but nothing in the notes that counts here decides (its records are signed
        /// by a key not trusted here, or were removed): its own word is not taken for it.
        case unrecorded(GateRunStatus)
        /// Nothing running and nothing recorded for the commit.
        case nothing
    }

    /// Waits until the run of `commit` ends, `timeout` seconds pass (`nil`: no limit), or `stop`
    /// returns true (a signal), polling its status file.
    /// - Parameters:
    ///   - follow: receives the run's output (its progress lines) as it is written, from `offset`
    ///     bytes into its output file (`DetachedGate` says where a run it started begins).
    /// - Throws: `GitError`, `InternalError`.
    public func wait(for commit: ResolvedCommit, timeout: TimeInterval?, follow: (@Sendable (String) -> Void)? = nil, from offset: UInt64? = nil,
                     stop: @Sendable () -> Bool = { false }) async throws -> Outcome {
        let key = try GateRunKey(commit: commit.commit, config: gate.config)
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var reader = follow.map { OutputFollower(file: store.outputFile(key), offset: offset, sink: $0) }
        defer { reader?.drain() }
        // The lock says whether the run goes on; the status file is only what it reports.
        while store.isRunning(key) {
            reader?.drain()
            let status = store.status(key) ?? placeholder(key)
            if let deadline, Date() >= deadline { return .pending(status) }
            if stop() { return .pending(status) }
            try await Task.sleep(for: .milliseconds(100))
        }
        reader?.drain()
        reader = nil
        let status = store.status(key).flatMap { $0.commit == commit.commit.hex && $0.gateDigest == key.gateDigest ? $0 : nil }
        if status?.state == .cancelled, let status { return .cancelled(status) }
        // The notes decide (signed, and what every push and `verify` read); the status file, which
        // anyone can write, only adds the report of what ran when it agrees with them.
        if let decided = try await gate.cachedResult(commit) {
            return .decided(status.flatMap { Self.agreeing($0, with: decided, commit: commit) } ?? decided)
        }
        // Without a verdict in the notes, only an error can have ended the run: never a pass.
        if let status, status.state == .finished, let code = status.exitCode, code != 0, status.result.map({ $0.verdict == .error }) ?? true {
            return .ended(status)
        }
        if let status, status.state == .finished { return .unrecorded(status) }
        if let status, status.state == .running { return .died(status) }
        return .nothing
    }

    /// The finished run's own result (what ran, with its warnings) when it agrees with what the
    /// notes decided (`decided`); `nil` otherwise. The notes decide (signed, and what every push and
    /// `verify` read); the status file, which anyone can write, only adds the report of what ran.
    static func agreeing(_ status: GateRunStatus, with decided: GateResult, commit: ResolvedCommit) -> GateResult? {
        guard let ran = status.result, status.state == .finished, ran.commit == commit, ran.verdict == decided.verdict,
              ran.tiers.map(\.digest) == decided.tiers.map(\.digest) else { return nil }
        return ran
    }

    /// What stands for a running run whose status file cannot be read.
    func placeholder(_ key: GateRunKey) -> GateRunStatus {
        GateRunStatus(id: "?", key: key, pid: 0, worktree: "", startedAt: Date(), rehearsal: false)
    }

    /// One line an agent can act on, for a run still going: how long it has run, and how long one
    /// usually takes here (from earlier verdicts of the clean-room tier, else the fast tier).
    public func pendingLine(_ status: GateRunStatus, commit: ResolvedCommit, command: String = "greenlight push") -> String {
        let elapsed = Date().timeIntervalSince(status.startedAt)
        let repository = gate.context.tiers.repository
        let typical = TypicalDuration.seconds(of: .cleanRoom, before: commit.commit, in: repository)
            ?? TypicalDuration.seconds(of: .fast, before: commit.commit, in: repository)
        let timing = "elapsed \(Self.format(elapsed))" + (typical.flatMap { $0 >= 1 ? " of a typical \(Self.format($0))" : nil } ?? "")
        let alternative = command.hasPrefix("greenlight wait") ? "" : ", or `greenlight wait \(commit.commit.short())`"
        return "still running: re-run `\(command)` to continue\(alternative); \(timing)"
    }

    /// `1m30s`, `45s`, `2h5m`.
    static func format(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total % 3600 / 60, total % 60)
        if hours > 0 { return "\(hours)h\(minutes)m" }
        if minutes > 0 { return rest == 0 ? "\(minutes)m" : "\(minutes)m\(rest)s" }
        return "\(rest)s"
    }
}

/// Reads what a run appends to its output file, from an offset on, and hands it on in whole lines.
struct OutputFollower {
    let file: URL
    var offset: UInt64
    let sink: @Sendable (String) -> Void
    private var pending = Data()

    /// From `offset`, or from the file's current end when `nil` (only what comes next).
    init(file: URL, offset: UInt64?, sink: @escaping @Sendable (String) -> Void) {
        self.file = file
        self.sink = sink
        self.offset = offset ?? ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? UInt64) ?? 0)
    }

    /// Hands on every complete line written since the last call.
    mutating func drain() {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd(), !data.isEmpty else { return }
        offset += UInt64(data.count)
        pending.append(data)
        guard let last = pending.lastIndex(of: 0x0A) else { return }
        sink(String(decoding: pending[...last], as: UTF8.self))
        pending.removeSubrange(...last)
    }
}
