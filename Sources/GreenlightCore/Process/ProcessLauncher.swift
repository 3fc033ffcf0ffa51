import Foundation

/// Starts child processes. `SystemProcessLauncher` is the one real implementation; every
/// child greenlight starts (steps, the git CLI, exec credential plugins) goes through it.
public protocol ProcessLauncher: Sendable {
    /// Runs `spec` to completion, streaming its stdout to `output` and its stderr to
    /// `errorOutput` (to `output` too, interleaved, when `nil`). Registers the process with
    /// `group` so it can be stopped. The wait happens on a thread of its own, never on the
    /// Swift cooperative pool.
    /// - Throws: `SystemProcessLauncher.SpawnError` when the program cannot be started.
    func run(_ spec: ProcessSpec, output: OutputSink, errorOutput: OutputSink?, group: ProcessGroupSet) async throws -> ProcessResult
}

extension ProcessLauncher {
    /// Runs `spec` with stdout and stderr interleaved into `output`.
    public func run(_ spec: ProcessSpec, output: OutputSink, group: ProcessGroupSet) async throws -> ProcessResult {
        try await run(spec, output: output, errorOutput: nil, group: group)
    }
}

/// Where a process's output goes while it runs.
public protocol OutputSink: Sendable {
    func write(_ bytes: UnsafeRawBufferPointer)
}
