import ArgumentParser
import Foundation
import GreenlightCore

/// `-C <path>`: run as if started in that directory, like git.
struct RepositoryOption: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in <path>.", valueName: "path"))
    var directory: String?

    func open() throws -> Repository {
        try Self.open(directory)
    }

    /// The repository at `directory`, or the one the current directory (or `GIT_DIR`, as set for hooks) names.
    static func open(_ directory: String? = nil) throws -> Repository {
        let path = directory ?? FileManager.default.currentDirectoryPath
        let gitDirectorySet = ProcessInfo.processInfo.environment["GIT_DIR"].map { !$0.isEmpty } ?? false
        return try Repository.discover(from: URL(fileURLWithPath: path, isDirectory: true),
                                       honourGitEnvironment: directory == nil && gitDirectorySet)
    }
}
