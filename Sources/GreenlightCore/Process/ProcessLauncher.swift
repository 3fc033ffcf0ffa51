import Foundation

/// Starts child processes. The real one spawns them; the gate only sees this protocol.
public protocol ProcessLauncher: Sendable {
    /// Runs `spec` to completion, streaming every byte of its output (stdout and stderr
    /// interleaved) to `output`. Registers the process with `group` so it can be stopped.
    func run(_ spec: ProcessSpec, output: OutputSink, group: ProcessGroupSet) async throws -> ProcessOutcome
}

/// Where a process's output goes while it runs.
public protocol OutputSink: Sendable {
    func write(_ bytes: UnsafeRawBufferPointer)
}
