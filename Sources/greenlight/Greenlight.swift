import ArgumentParser
import Foundation
import GreenlightCore

@main
struct Greenlight: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "greenlight",
        abstract: "Blocks a push until the exact commit passed the fast tier and a clean-room run.",
        discussion: """
            greenlight runs the checks of .greenlight.yml for one commit: first the fast tier (in the \
            workspace when it holds exactly that commit, else in a temporary checkout of it), then the \
            clean-room tier in a fresh checkout of exactly that commit, on this machine or as a Kubernetes \
            Job. Verdicts are recorded in git notes (refs/notes/greenlight): a pass or fail is reused for \
            the same commit and gate definition (--no-cache runs again); an error is never reused.

            Exit status: 0 pass, 1 fail (a check failed), 2 error (the gate could not decide, the \
            configuration is wrong, or an internal error), 64 usage error. SIGINT, SIGTERM and SIGHUP \
            stop every step and end greenlight by the same signal (130, 143, 129 in a shell).
            """,
        version: GreenlightVersion.current,
        subcommands: [CheckCommand.self, StatusCommand.self, InitCommand.self, InstallCommand.self, UninstallCommand.self,
                      PrePushCommand.self, PushCommand.self, PullRequestCommand.self, VerifyCommand.self,
                      CancelCommand.self, CachesCommand.self, DoctorCommand.self, KeysCommand.self, AttestorCommand.self, WaitCommand.self, RehearseCommand.self, GuardCommand.self, GateRunCommand.self]
    )

    /// Becomes a child subreaper first, so that whatever a step detaches (`setsid`) is
    /// re-parented here and killed when its step ends (see `Descendants`).
    static func main() async {
        // A reader of greenlight's output that went away costs the output, not the gate: writes
        // fail with EPIPE instead. Children get the default back (posix_spawn, exec).
        signal(SIGPIPE, SIG_IGN)
        do {
            try Descendants.becomeSubreaper()
        } catch {
            printError("greenlight: warning: \(error); processes a step detaches with setsid may outlive it\n")
        }
        await main(nil)
    }
}
