import ArgumentParser
import Foundation
import GreenlightCore

struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the pre-push hook in this repository, where git will run it.",
        discussion: """
            Honours core.hooksPath (local or global) and linked worktrees. A pre-push hook that is \
            already there and not greenlight's is kept and chained: it runs first, with the same \
            arguments and input, and its failure blocks the push. `greenlight uninstall` puts it back.
            Installing twice changes nothing.
            """
    )

    @Flag(help: "Set aside a pre-push hook greenlight did not write instead of chaining it (uninstall restores it).")
    var force = false

    @Flag(help: "Also install a post-commit hook that starts the gate of each new commit in the background (a newer commit's rehearsal cancels the older one), so the verdict is usually there by the time you push.")
    var rehearse = false

    @Option(name: .customLong("agent-guard"), help: ArgumentHelp("Also install greenlight's guard as the pre-tool-use hook of an agent harness (claude: .claude/settings.json; codex: .codex/hooks.json), merged with the settings there; repeatable.", valueName: "harness"))
    var agentGuards: [AgentGuard.Harness] = []

    @Option(help: ArgumentHelp("Also write the gh shim into <dir>; put <dir> before gh on PATH so `gh pr create` is gated.", valueName: "dir"))
    var ghShim: String?

    @OptionGroup var repository: RepositoryOption

    func run() throws {
        do {
            let useCase = try InstallUseCase(repository: try repository.open(), binary: currentExecutable(),
                                             home: ProcessInfo.processInfo.environment["HOME"])
            let installed = try useCase.install(force: force, rehearse: rehearse, agentGuards: agentGuards, ghShimDirectory: ghShim.map { URL(fileURLWithPath: $0, isDirectory: true) })
            let installer = useCase.installer
            let (path, origin) = (installer.hookFile.path, installer.location.origin)
            switch installed.action {
            case .installed: print("installed the pre-push hook at \(path) (\(origin))")
            case .updated: print("updated the pre-push hook at \(path) (\(origin))")
            case .alreadyInstalled: print("the pre-push hook at \(path) is already installed; nothing changed")
            case .chained: print("installed the pre-push hook at \(path); the hook that was there runs first, kept as \(installer.chainedFile.path)")
            case .replaced: print("installed the pre-push hook at \(path); the hook that was there no longer runs, kept as \(installer.replacedFile.path)")
            }
            if let rehearsal = installed.rehearsal {
                let hook = installer.postCommit.hookFile.path
                switch rehearsal {
                case .alreadyInstalled: print("the post-commit rehearsal hook at \(hook) is already installed; nothing changed")
                case .chained: print("installed the post-commit rehearsal hook at \(hook); the hook that was there runs first")
                default: print("installed the post-commit rehearsal hook at \(hook)")
                }
            }
            for installedGuard in installed.guards {
                switch installedGuard.action {
                case .alreadyInstalled: print("the \(installedGuard.harness.rawValue) guard in \(installedGuard.file.path) is already installed; nothing changed")
                case .updated: print("updated the \(installedGuard.harness.rawValue) guard in \(installedGuard.file.path)")
                case .installed: print("installed the \(installedGuard.harness.rawValue) guard in \(installedGuard.file.path) (a pre-tool-use hook: `greenlight guard \(installedGuard.harness.rawValue)`)")
                }
            }
            if let shim = installed.shim {
                print("wrote the gh shim \(shim.path); put \(shim.deletingLastPathComponent().path) before the real gh on PATH")
            }
            if installed.missingConfig {
                print("note: no .greenlight.yml yet; run `greenlight init` (pushes are refused until there is one)")
            }
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
