import ArgumentParser
import Foundation
import GreenlightCore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the verdicts recorded in git notes for a commit.",
        discussion: "Marks each verdict current (recorded under the tier definition now in .greenlight.yml) or stale."
    )

    @Argument(help: "The commit: a SHA, branch, tag or any revision git understands.")
    var revision: String = "HEAD"

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var repository: RepositoryOption

    func run() throws {
        do {
            let report = try StatusUseCase(repository: try repository.open()).run(revision: revision)
            print(json ? try report.json() : report.text(), terminator: json ? "\n" : "")
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
