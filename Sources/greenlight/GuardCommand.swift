import ArgumentParser
import Foundation
import GreenlightCore

struct GuardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guard",
        abstract: "An agent harness's pre-tool-use hook: refuse tool calls that route around the gate.",
        discussion: """
            Reads the tool call the harness describes on stdin (JSON: tool_name, tool_input) and exits 0 to \
            allow it, or 2 with the reason on stderr to refuse it (the harness shows the reason to the agent). \
            Refused: git push --no-verify (or -n), git -c core.hooksPath=…, git config core.hooksPath, \
            GIT_CONFIG_* variables on a command, writes to refs/notes/greenlight (git notes --ref=greenlight \
            add/append/…, git update-ref), and deleting or rewriting files under .git/hooks or .git/greenlight*. \
            Input it cannot read is refused too. Installed by `greenlight install --agent-guard <harness>`.
            """
    )

    @Argument(help: "The harness whose hook format the input follows: claude or codex.")
    var harness: AgentGuard.Harness

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        switch AgentGuard.decide(input) {
        case .allow:
            return
        case let .deny(reason):
            printError("greenlight guard: refused: \(reason)\n")
            throw ExitCode(2)
        }
    }
}

extension AgentGuard.Harness: ExpressibleByArgument {}
