import ArgumentParser
import Foundation
import GreenlightCore

/// Prints an error the way users need it (one line, no stack trace) and picks the exit status.
enum Failure {
    static func exit(for error: Error) -> ExitCode {
        if let gate = error as? GateError, gate.kind == .interrupted {
            // Only a signal stops the gate's processes, and a signal exits before this.
            printError(InternalError("the gate was interrupted, but no signal was received").description)
            return ExitCode(2)
        }
        if let code = error as? ExitCode { return code }
        printError(String(describing: error))
        return ExitCode(2)
    }

    static func printError(_ message: String) {
        StandardError.write("greenlight: error: \(message)\n")
    }
}
