import Foundation
import GreenlightCore

/// What every gating command sets up: the repository, progress on stderr, Ctrl-C handling, the gate.
struct GateSession {
    let repository: Repository
    let progress: LiveProgress
    let processes: ProcessGroupSet
    let gate: Gate
    private let trap: InterruptTrap

    init(repository: Repository, quietTerminal: Bool = false) throws {
        self.repository = repository
        processes = ProcessGroupSet()
        trap = InterruptTrap(stopping: processes)
        progress = LiveProgress(interactive: isatty(STDERR_FILENO) == 1 && !quietTerminal)
        let context = GateContext(repository: repository, progress: progress, processes: processes)
        gate = try Gate.load(context: context)
    }

    /// Stops the progress display; call before printing the result.
    func finish() {
        progress.finish()
        withExtendedLifetime(trap) {}
    }
}

/// Writes to stderr.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// Replaces this process with `arguments` (looked up on PATH), so the program gets our
/// stdin, terminal and exit status untouched. Returns only if exec failed.
func replaceProcess(with arguments: [String]) -> Int32 {
    fflush(nil)  // every C stream, so nothing printed before exec is lost
    var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
    pointers.append(nil)
    execvp(arguments[0], pointers)
    let reason = String(cString: strerror(errno))
    printError("greenlight: error: cannot run \(arguments[0]): \(reason)\n")
    return 127
}

/// Absolute path of the running greenlight binary, for hooks to call back.
func currentExecutable() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
}
