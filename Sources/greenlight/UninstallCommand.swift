import ArgumentParser
import Foundation
import GreenlightCore

struct UninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove greenlight's pre-push hook and restore the hook that was there before."
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
