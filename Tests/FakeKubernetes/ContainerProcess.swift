import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A container's main process: a real local process in a process group of its own, stdin from
/// /dev/null, stdout and stderr appended to the container's log file. When the main process exits, the
/// whole group is killed, as a container runtime tears down everything in the container.
final class ContainerProcess: @unchecked Sendable {
    enum SpawnError: Error, CustomStringConvertible {
        case executableNotFound(String)
        case failed(String)

        var description: String {
            switch self {
            case .executableNotFound(let name):
                return "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
                    + "runc create failed: unable to start container process: exec: \"\(name)\": "
                    + "executable file not found in $PATH: unknown"
            case .failed(let why):
                return "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
                    + "runc create failed: unable to start container process: \(why): unknown"
            }
        }
    }

    let pid: pid_t
    private let lock = NSLock()
    private var exitCode: Int32?
    /// Set once the main process has exited; from then on the group id may be reused and must not be signalled.
    private var groupGone = false
    private var exitWaiters: [CheckedContinuation<Int32, Never>] = []

    private init(pid: pid_t) {
        self.pid = pid
    }

    /// The exit code once the process has exited (128 + signal number when a signal ended it).
    var exitStatus: Int32? { lock.withLock { exitCode } }

    /// Starts `arguments[0]` (looked up in the environment's PATH unless it contains a slash).
    static func spawn(arguments: [String], environment: [String: String], directory: String,
                      logFile: URL) throws -> ContainerProcess
    {
        guard let program = arguments.first, !program.isEmpty else {
            throw SpawnError.failed("exec: no command specified")
        }
        let executable: String
        if program.contains("/") {
            guard access(program, X_OK) == 0 else {
                throw SpawnError.failed("exec: \"\(program)\": stat \(program): no such file or directory")
            }
            executable = program
        } else {
            let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            guard let found = searchPath.split(separator: ":").map({ (directory: Substring) -> String in "\(directory)/\(program)" })
                .first(where: { access($0, X_OK) == 0 })
            else { throw SpawnError.executableNotFound(program) }
            executable = found
        }

        let pid = try spawnProcess(executable: executable, arguments: arguments, environment: environment,
                                   directory: directory, outputPath: logFile.path)
        let process = ContainerProcess(pid: pid)
        let thread = Thread { process.reap() }
        thread.name = "fake-kubelet-wait-\(pid)"
        thread.start()
        return process
    }

    /// posix_spawn in a new process group with stdin from /dev/null and stdout and stderr appended to
    /// `outputPath`. Returns the pid (which is also the process group id).
    static func spawnProcess(executable: String, arguments: [String], environment: [String: String],
                             directory: String, outputPath: String) throws -> pid_t
    {
        let program = arguments.first ?? executable
        let logDescriptor = open(outputPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard logDescriptor >= 0 else { throw SpawnError.failed("open \(outputPath): errno \(errno)") }
        defer { close(logDescriptor) }

        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, logDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, logDescriptor, 2)
        let chdirResult = directory.withCString { addChdir(&actions, $0) }
        guard chdirResult == 0 else { throw SpawnError.failed("chdir to \(directory): errno \(chdirResult)") }
        // Nothing of the test process beyond 0, 1 and 2 reaches a container: an inherited write end
        // of another child's pipe (a git command a test runs at the same moment) would keep that
        // pipe open as long as the container lives, and the test reading it would wait as long.
        let closeResult = addCloseFrom(&actions, 3)
        guard closeResult == 0 else { throw SpawnError.failed("closefrom: errno \(closeResult)") }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw SpawnError.failed("exec: \"\(program)\": \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Runs a program to completion (for tools such as openssl); returns its exit code.
    static func runToCompletion(executable: String, arguments: [String], directory: String, outputPath: String) throws -> Int32 {
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let pid = try spawnProcess(executable: executable, arguments: [executable] + arguments, environment: environment,
                                   directory: directory, outputPath: outputPath)
        var status: Int32 = 0
        var waited: pid_t
        repeat { waited = waitpid(pid, &status, 0) } while waited < 0 && errno == EINTR
        guard waited == pid else { return 255 }
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Waits for the main process on a dedicated thread (never on the cooperative pool): first without
    /// reaping, so the process group id cannot be reused while the rest of the group is killed.
    private func reap() {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        lock.withLock {
            groupGone = true
            kill(-pid, SIGKILL)
        }
        var status: Int32 = 0
        var waited: pid_t
        repeat { waited = waitpid(pid, &status, 0) } while waited < 0 && errno == EINTR
        let code: Int32
        if waited < 0 {
            code = 255
        } else if status & 0x7f == 0 {
            code = (status >> 8) & 0xff
        } else {
            code = 128 + (status & 0x7f)
        }
        let waiters = lock.withLock {
            exitCode = code
            defer { exitWaiters = [] }
            return exitWaiters
        }
        for waiter in waiters { waiter.resume(returning: code) }
    }

    /// Kills the whole process group (the container).
    func killGroup(_ signal: Int32 = SIGKILL) {
        lock.withLock {
            if !groupGone { kill(-pid, signal) }
        }
    }

    func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            let code: Int32? = lock.withLock {
                if let exitCode { return exitCode }
                exitWaiters.append(continuation)
                return nil
            }
            if let code { continuation.resume(returning: code) }
        }
    }
}

/// glibc's `posix_spawn_file_actions_addchdir_np`, which Swift's Glibc module does not show.
private typealias AddChdirFunction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

private let addChdirSymbol: AddChdirFunction? = {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
    return unsafeBitCast(symbol, to: AddChdirFunction.self)
}()

private func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32 {
    guard let function = addChdirSymbol else { return ENOSYS }
    return function(actions, path)
}

private typealias AddCloseFromFunction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

private let addCloseFromSymbol: AddCloseFromFunction? = {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: AddCloseFromFunction.self)
}()

/// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, found at run time like `addChdir`.
private func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32 {
    guard let function = addCloseFromSymbol else { return ENOSYS }
    return function(actions, lowest)
}
