import Foundation

/// Runs a program for a test fixture by argument vector (no shell), collecting stdout and stderr apart
/// (Foundation `Process`: fixtures are not greenlight, whose children all go through `SystemProcessLauncher`).
public struct FixtureProcess: Sendable {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public let timedOut: Bool
        public var succeeded: Bool { status == 0 && !timedOut }
    }

    public struct LaunchError: Error, CustomStringConvertible, LocalizedError {
        public let command: [String]
        public let reason: String
        public var description: String { "cannot run \(command.joined(separator: " ")): \(reason)" }
        public var errorDescription: String? { description }
    }

    public init() {}

    /// Runs `arguments` (looked up on PATH) in `directory`; kills it after `timeout`.
    public func run(_ arguments: [String], in directory: URL, environment: [String: String],
                    stdin: String? = nil, timeout: TimeInterval? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        do {
            try process.run()
        } catch {
            throw LaunchError(command: arguments, reason: error.localizedDescription)
        }
        if let stdin {
            // A child that exits without reading its input (EPIPE) is not an error of the fixture.
            try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        let timer = TimeoutFlag()
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak process] in
                guard let process, process.isRunning else { return }
                timer.set()
                process.terminate()
            }
        }
        // Both streams are drained at once so neither pipe can fill up and stall the child.
        let errorData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData.get(), as: UTF8.self), timedOut: timer.isSet)
    }
}

private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}

private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
