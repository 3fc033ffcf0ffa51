import Foundation

/// Everything a tier reaches outside itself to run steps, passed in one value so tests can
/// run it for real in a controlled place (their own repository, temp dir and environment).
public struct TierContext: Sendable {
    public var repository: Repository
    public var launcher: ProcessLauncher
    public var progress: ProgressSink
    /// Every child a tier starts joins this set; stopping it (a signal) stops them all.
    public var processes: ProcessGroupSet
    /// The workspace's environment: the fast tier inherits it, the clean room takes an allowlist of it.
    public var environment: [String: String]
    /// Where temporary checkouts are made.
    public var temporaryDirectory: URL
    /// Where the local clean room looks for bubblewrap, in order: fixed system paths, never the
    /// workspace's PATH (which the coder controls). Tests name a missing path to see a machine without it.
    public var bubblewrapLocations = ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"]
    /// Why the fast tier must not run in the workspace even when it holds the commit (a rehearsal
    /// runs while the coder keeps working, untracked files and all); `nil` lets it.
    public var awayFromWorkspace: String?

    public init(repository: Repository, launcher: ProcessLauncher = SystemProcessLauncher(),
                progress: ProgressSink = SilentProgress(), processes: ProcessGroupSet = ProcessGroupSet(),
                environment: [String: String] = ProcessInfo.processInfo.environment,
                temporaryDirectory: URL? = nil) {
        self.repository = repository
        self.launcher = launcher
        self.progress = progress
        self.processes = processes
        self.environment = environment
        self.temporaryDirectory = temporaryDirectory
            ?? URL(fileURLWithPath: environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp", isDirectory: true)
    }

    /// The launcher and the group its children join: for the git CLI and other helpers.
    public var runner: ProcessRunner { ProcessRunner(launcher: launcher, group: processes) }

    /// The git command line in this repository, its children in `processes`.
    public var git: GitCLI { GitCLI(repository: repository, environment: environment, runner: runner) }

    /// `<common git dir>/greenlight/logs`: shared by every worktree of the repository.
    public var logsDirectory: URL {
        repository.commonDirectory.appendingPathComponent("greenlight/logs", isDirectory: true)
    }

    /// The log file name for a tier run (and, in the fast tier, one of its steps).
    func logFile(commit: ObjectID, digest: String, step: String? = nil) -> URL {
        let base = "\(commit.hex)-\(digest.prefix(12))"
        return logsDirectory.appendingPathComponent(step.map { "\(base).\($0).log" } ?? "\(base).log")
    }
}
