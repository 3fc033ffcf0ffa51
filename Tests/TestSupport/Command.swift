import Foundation

/// Runs a real program for a test fixture and returns what it printed.
public enum Command {
    public struct Failed: Error, CustomStringConvertible {
        public let command: [String]
        public let status: Int32
        public let output: String
        public var description: String { "\(command.joined(separator: " ")) exited \(status): \(output)" }
    }

    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs and returns status and both streams, whatever the status.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = TestEnvironment.base,
                           stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both streams concurrently so neither pipe fills up and blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs and returns stdout, throwing when the status is not 0.
    @discardableResult
    public static func check(_ arguments: [String], in directory: URL, environment: [String: String] = TestEnvironment.base) throws -> String {
        let result = try run(arguments, in: directory, environment: environment)
        guard result.status == 0 else { throw Failed(command: arguments, status: result.status, output: result.stdout + result.stderr) }
        return result.stdout
    }
}

/// The environment fixtures and the binary run with: no user git config, a fixed identity.
public enum TestEnvironment {
    public static var base: [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment: [String: String] = [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_AUTHOR_NAME": "Test Author",
            "GIT_AUTHOR_EMAIL": "author@example.com",
            "GIT_COMMITTER_NAME": "Test Committer",
            "GIT_COMMITTER_EMAIL": "committer@example.com",
        ]
        environment["HOME"] = NSTemporaryDirectory()
        return environment
    }
}
