import Foundation

/// A launcher and the set of process groups its children join: what any part of
/// greenlight needs to start a child that stopping greenlight also stops.
public struct ProcessRunner: Sendable {
    public let launcher: ProcessLauncher
    public let group: ProcessGroupSet

    public init(launcher: ProcessLauncher = SystemProcessLauncher(), group: ProcessGroupSet) {
        self.launcher = launcher
        self.group = group
    }

    /// Runs `spec` and returns its stdout and stderr apart, each cut at `limit` bytes.
    /// - Throws: `SystemProcessLauncher.SpawnError` when it cannot be started.
    public func capture(_ spec: ProcessSpec, limit: Int = 16 * 1024 * 1024) async throws -> CapturedProcess {
        let stdout = CollectingSink(limit: limit)
        let stderr = CollectingSink(limit: limit)
        let result = try await launcher.run(spec, output: stdout, errorOutput: stderr, group: group)
        return CapturedProcess(result: result, stdout: stdout.text, stderr: stderr.text,
                               truncated: stdout.truncated || stderr.truncated)
    }
}

/// A finished child's status and what it printed.
public struct CapturedProcess: Sendable {
    public var result: ProcessResult
    public var stdout: String
    public var stderr: String
    /// More than the capture limit was printed; the rest was dropped.
    public var truncated: Bool

    public var succeeded: Bool { result.succeeded }

    /// The first non-blank line of stderr, or what ended the process: for one-line messages.
    public var firstErrorLine: String {
        if result.timedOut { return "timed out" }
        if result.terminated { return "stopped" }
        let line = stderr.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return line.map(String.init) ?? "exited with status \(result.exitCode)"
    }
}
