import Foundation

/// A command to run as a child process: `/bin/sh -c <command>` in `directory` with exactly `environment`.
public struct ProcessSpec: Sendable {
    public var command: String
    public var directory: URL
    public var environment: [String: String]
    /// After this long the whole process group is terminated (SIGTERM, then SIGKILL).
    public var timeout: TimeInterval?

    public init(command: String, directory: URL, environment: [String: String], timeout: TimeInterval? = nil) {
        self.command = command
        self.directory = directory
        self.environment = environment
        self.timeout = timeout
    }
}
