import ArgumentParser
import Foundation
import GreenlightCore

struct UninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove greenlight's hooks and restore the hooks that were there before.",
        discussion: """
            Removes the pre-push hook, the post-commit rehearsal hook (`install --rehearse`) and the agent \
            harness guards (`install --agent-guard`) greenlight installed, and puts back, byte for byte, the \
            hooks it chained or set aside. Other settings in a harness's settings file are left as they are.
            """
    )

    @OptionGroup var repository: RepositoryOption

    func run() throws {
        do {
            let useCase = try InstallUseCase(repository: try repository.open(), binary: currentExecutable(),
                                             home: ProcessInfo.processInfo.environment["HOME"])
            let installer = useCase.installer
            switch try useCase.uninstall() {
            case .removed: print("removed the pre-push hook at \(installer.hookFile.path)")
            case .restored: print("removed greenlight's pre-push hook; the previous hook is back at \(installer.hookFile.path)")
            case .notInstalled: print("no greenlight pre-push hook at \(installer.hookFile.path); nothing changed")
            }
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
