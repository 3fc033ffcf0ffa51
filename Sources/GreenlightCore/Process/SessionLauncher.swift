import CProcessSpawn
import Foundation

/// Starts the one kind of process greenlight lets outlive it: a detached gate run, the leader of
/// a session of its own (`setsid`), so a signal to the caller's process group, its terminal
/// closing, or greenlight's sweep of escaped descendants (`Descendants`) never reaches it.
/// Its output goes to a file; it is never waited for here.
public enum SessionLauncher {
    /// Starts `spec` (its timeout is ignored) with stdout and stderr appended to `output`.
    /// - Returns: the process id.
    /// - Throws: `SpawnError` when the program cannot be started or the output file opened.
    public static func start(_ spec: ProcessSpec, output: URL) throws -> pid_t {
        let failure = { (code: Int32) in SystemProcessLauncher.SpawnError(command: spec.displayName, directory: spec.directory.path, errno: code) }
        guard let executable = spec.resolvedExecutable() else { throw failure(ENOENT) }
        try? FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(output.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(errno) }
        defer { close(fd) }
        let started = Descendants.registerDetached {
            var pid: pid_t = 0
            let result = SystemProcessLauncher.withCStrings([spec.executable] + spec.arguments) { argv in
                SystemProcessLauncher.withCStrings(spec.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) { envp in
                    greenlight_spawn_session(executable, argv, envp, spec.directory.path, fd, &pid)
                }
            }
            return (result, pid)
        }
        guard started.result == 0 else { throw failure(started.result) }
        return started.pid
    }
}
