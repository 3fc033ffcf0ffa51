import ArgumentParser
import GreenlightCore

@main
struct Greenlight: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "greenlight",
        abstract: "Blocks a push until the exact commit passed the fast tier and a clean-room run.",
        discussion: """
            greenlight runs the checks of .greenlight.yml for one commit: first the fast tier in the \
            workspace, then the clean-room tier in a fresh checkout of exactly that commit. Verdicts are \
            recorded in git notes (refs/notes/greenlight) so the same commit is never checked twice.

            Exit status: 0 pass, 1 fail (a check failed), 2 error (the gate could not decide, or the \
            configuration is wrong), 64 usage error, 130 interrupted.
            """,
        version: GreenlightVersion.current,
        subcommands: [CheckCommand.self, StatusCommand.self, InitCommand.self, InstallCommand.self, UninstallCommand.self,
                      PrePushCommand.self, PushCommand.self, PullRequestCommand.self, VerifyCommand.self,
                      CancelCommand.self, DoctorCommand.self]
    )
}
