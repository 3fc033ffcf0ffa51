import Foundation

/// The `greenlight` executable built next to the test bundle.
public enum GreenlightBinary {
    public static var url: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // On Linux the tests run from <bin>/greenlightPackageTests.xctest; on Darwin from inside a bundle.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("greenlight")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/greenlight")
    }

    /// Runs `greenlight` with arguments in `directory`.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = TestEnvironment.base,
                           stdin: String? = nil) throws -> Command.Result {
        try Command.run([url.path] + arguments, in: directory, environment: environment, stdin: stdin)
    }
}
