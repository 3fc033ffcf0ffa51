import ArgumentParser
import Foundation
import GreenlightCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter .greenlight.yml for this project (never overwrites).",
        discussion: "Detects Go, Swift, Rust, Python, Node and Makefile projects by their marker files."
    )

    @OptionGroup var repository: RepositoryOption

    func run() throws {
        do {
            let written = try StarterConfig().write(in: try repository.open())
            print("wrote \(written.file.path) for \(written.kind.description)")
            print("next: edit the steps, commit the file, then run `greenlight check`")
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
