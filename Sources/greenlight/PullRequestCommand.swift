import ArgumentParser
import Foundation
import GreenlightCore

struct PullRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pr",
        abstract: "Gate a pull request before gh opens it.",
        subcommands: [PullRequestCreateCommand.self]
    )
}
