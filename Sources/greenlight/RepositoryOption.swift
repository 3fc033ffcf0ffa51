import ArgumentParser
import Foundation
import GreenlightCore

/// `-C <path>`: run as if started in that directory, like git.
struct RepositoryOption: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in <path>.", valueName: "path"))
    var directory: String?

    func open() throws -> Repository {
        let path = directory ?? FileManager.default.currentDirectoryPath
        return try Repository.discover(from: URL(fileURLWithPath: path, isDirectory: true))
    }
}
