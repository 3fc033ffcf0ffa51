import Foundation

/// A program to run as a child process: an argument vector (never through a shell unless
/// the vector says `/bin/sh -c`), a working directory and exactly `environment`.
public struct ProcessSpec: Sendable {
    /// An absolute path, or a name looked up on `environment["PATH"]` (not greenlight's own PATH).
    public var executable: String
    /// `argv[1...]`.
    public var arguments: [String]
    public var directory: URL
    public var environment: [String: String]
    /// After this many seconds the whole process group is terminated (SIGTERM, then SIGKILL).
    public var timeout: TimeInterval?
    /// Seconds without a byte of output (stdout or stderr) after which the process counts as
    /// timed out, as when `timeout` passes; `nil`: off.
    public var idleTimeout: TimeInterval?
    /// When set, a timeout (either kind) first asks the test processes below for their state
    /// (`StateDump`) and keeps reading their output until every process asked has exited, or
    /// this many seconds have passed (those still running are then SIGKILLed alone); a second
    /// later (for their parents to pass the output on) the group is terminated. `nil`: terminate at once.
    public var stateDumpGrace: TimeInterval?

    /// Runs `executable` with `arguments`.
    public init(executable: String, arguments: [String], directory: URL, environment: [String: String],
                timeout: TimeInterval? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.timeout = timeout
    }

    /// Runs `/bin/sh -c command`: a step's `run:` line.
    public init(command: String, directory: URL, environment: [String: String], timeout: TimeInterval? = nil) {
        self.init(executable: "/bin/sh", arguments: ["-c", command], directory: directory, environment: environment,
                  timeout: timeout)
    }

    /// How the process is named in errors: `/bin/sh -c '<command>'` or the argument vector.
    public var displayName: String {
        if executable == "/bin/sh", arguments.count == 2, arguments[0] == "-c" { return "/bin/sh -c '\(arguments[1])'" }
        return ([executable] + arguments).joined(separator: " ")
    }

    /// The absolute path to start: `executable` itself when it has a slash, else the first
    /// executable regular file of that name on `environment["PATH"]` (default `/usr/bin:/bin`;
    /// empty entries, which mean the working directory, are skipped).
    func resolvedExecutable() -> String? {
        if executable.contains("/") { return executable }
        let search = environment["PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin:/bin"
        for directory in search.split(separator: ":") {
            let candidate = String(directory) + "/" + executable
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }
}
