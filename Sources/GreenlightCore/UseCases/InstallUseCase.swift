import Foundation

/// `greenlight install` and `greenlight uninstall`: the pre-push hook where git will run it,
/// and optionally the `gh` shim.
public struct InstallUseCase: Sendable {
    public let repository: Repository
    public let installer: HookInstaller

    /// - Parameters:
    ///   - binary: the absolute path the hook calls back.
    ///   - home: `$HOME`, for a global `core.hooksPath` that starts with `~`.
    /// - Throws: `GitError` when the hooks directory cannot be determined.
    public init(repository: Repository, binary: String, home: String?) throws {
        self.repository = repository
        installer = try HookInstaller.forRepository(repository, binary: binary, home: home)
    }

    public struct Installed: Sendable {
        public var action: HookInstaller.Action
        /// What became of the post-commit rehearsal hook, when one was asked for.
        public var rehearsal: HookInstaller.Action?
        /// What became of each agent harness's guard asked for.
        public var guards: [(harness: AgentGuard.Harness, file: URL, action: AgentGuardInstaller.Action)] = []
        /// The shim written, when one was asked for.
        public var shim: URL?
        /// The working tree has no `.greenlight.yml` yet (pushes are refused until it has one).
        public var missingConfig: Bool
    }

    /// Installs the hook (see `HookInstaller.install`), with `rehearse` the post-commit rehearsal
    /// hook too (chained in the same way), then the shim into `ghShimDirectory`.
    /// - Throws: `HookInstaller` and `GHShimInstaller` errors naming the file.
    /// - Parameter agentGuards: harnesses whose project settings get the guard hook (`AgentGuardInstaller`).
    public func install(force: Bool, rehearse: Bool = false, agentGuards: [AgentGuard.Harness] = [], ghShimDirectory: URL?) throws -> Installed {
        let action = try installer.install(force: force)
        let rehearsal = rehearse ? try installer.postCommit.install(force: force) : nil
        var guards: [(harness: AgentGuard.Harness, file: URL, action: AgentGuardInstaller.Action)] = []
        if !agentGuards.isEmpty {
            guard let root = repository.workingDirectory else {
                throw FileError(path: repository.gitDirectory.path, reason: "a bare repository has no project settings for an agent guard")
            }
            for harness in agentGuards {
                let guardInstaller = AgentGuardInstaller(harness: harness, root: root, binary: installer.binary)
                guards.append((harness, guardInstaller.settingsFile, try guardInstaller.install()))
            }
        }
        let shim = try ghShimDirectory.map { try GHShimInstaller(directory: $0, binary: installer.binary).install() }
        let missing = repository.workingDirectory.map {
            !FileManager.default.fileExists(atPath: $0.appendingPathComponent(GateConfig.fileName).path)
        } ?? false
        var installed = Installed(action: action, rehearsal: rehearsal, shim: shim, missingConfig: missing)
        installed.guards = guards
        return installed
    }

    /// Removes greenlight's hooks (pre-push, and the post-commit rehearsal when installed) and puts
    /// back the ones they replaced or chained; says what became of the pre-push hook.
    public func uninstall() throws -> HookInstaller.RemovalAction {
        if let root = repository.workingDirectory {
            for harness in AgentGuard.Harness.allCases {
                try AgentGuardInstaller(harness: harness, root: root, binary: installer.binary).uninstall()
            }
        }
        _ = try installer.postCommit.uninstall()
        return try installer.uninstall()
    }
}
