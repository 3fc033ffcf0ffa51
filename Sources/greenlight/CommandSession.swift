import ArgumentParser
import Foundation
import GreenlightCore

/// What every command that starts child processes sets up: the repository, progress on
/// stderr, the set of process groups a signal stops, and the `Cancellator` that handles
/// the stopping signals (`Cancellator.signals`).
struct CommandSession {
    let repository: Repository
    let progress: LiveProgress
    let processes: ProcessGroupSet
    let cancellator: Cancellator

    /// The line printed when a signal stops a command that only waits for a detached run: the run goes on.
    static let stoppedWaiting = "greenlight: stopped waiting; the gate run goes on in the background (`greenlight wait` joins it again)"

    /// - Parameter interruptLine: what a signal makes the command say last (default: the steps were stopped).
    init(repository: Repository, quietTerminal: Bool = false, interruptLine: String? = nil) {
        self.repository = repository
        processes = ProcessGroupSet()
        cancellator = Cancellator(stopping: processes, finalLine: interruptLine ?? "greenlight: error: \(GateError.interrupted().message)") { line in
            printError(line + "\n")
        }
        progress = LiveProgress(interactive: isatty(STDERR_FILENO) == 1 && !quietTerminal)
    }

    /// A session for the repository `open` returns; its errors exit as every other error does (2).
    static func start(quietTerminal: Bool, interruptLine: String? = nil, _ open: () throws -> Repository) throws -> CommandSession {
        do {
            return CommandSession(repository: try open(), quietTerminal: quietTerminal, interruptLine: interruptLine)
        } catch {
            throw Failure.exit(for: error)
        }
    }

    /// Where tiers run, in this session.
    var tiers: TierContext { TierContext(repository: repository, progress: progress, processes: processes) }

    /// The launcher and this session's process groups, for git and plugins outside a gate.
    var runner: ProcessRunner { ProcessRunner(group: processes) }

    /// Loads the gate definition (the trusted ref's `.greenlight.yml` unless `choice` says
    /// otherwise; see `GateDefinition`) and makes the gate (writes nothing).
    func gate(choice: DefinitionSource = .trusted, remote: String? = nil) throws -> Gate {
        try Gate.load(tiers: tiers, choice: choice, remote: remote)
    }

    /// Stops the progress display; call before printing the result.
    func finish() {
        progress.finish()
    }

    /// Ends the command after a signal (re-raising it, so the exit status is honest); call
    /// before any output or action that must not happen once interrupted. Returns otherwise.
    func exitIfInterrupted() {
        guard let signal = cancellator.signal else { return }
        progress.finish()
        cancellator.exitInterrupted(by: signal)
    }

    /// Flushes what was printed, then ends by the signal if one came meanwhile (a write to a
    /// stalled terminal or pipe can take long): call last, before exiting 0 or exec.
    func flushAndExitIfInterrupted() {
        fflush(nil)
        exitIfInterrupted()
    }

    /// The exit for `error`: a signal re-raises it (never returns); anything else prints one line.
    func exit(for error: Error) -> Error {
        exitIfInterrupted()
        return Failure.exit(for: error)
    }
}

/// Writes to stderr. A reader that went away (EPIPE) loses the text and nothing else.
func printError(_ text: String) {
    StandardError.write(text)
}

/// Replaces this process with `arguments` (see `ProcessReplacement`). Returns only if exec failed.
func replaceProcess(with arguments: [String]) -> Int32 {
    let failure = ProcessReplacement.exec(arguments)
    printError("greenlight: error: cannot run \(arguments[0]): \(String(cString: strerror(failure)))\n")
    return 127
}

/// Absolute path of the running greenlight binary, for hooks to call back.
func currentExecutable() -> String {
    do {
        return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    } catch {
        // No /proc (not Linux): the path we were started by.
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
