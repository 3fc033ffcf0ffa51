import Foundation

/// A bare remote and a working clone with greenlight's hook installed, for driving real `git push`.
public final class PushFixture: @unchecked Sendable {
    public let scratch: ScratchDirectory
    public let remote: URL
    public let work: ScratchRepository
    public let environment: [String: String]

    /// `test.sh` is what both tiers run; write a failing one to make a commit fail.
    public init(installHook: Bool = true) throws {
        scratch = ScratchDirectory("push")
        remote = scratch.path("remote.git")
        try Command.check(["git", "init", "-q", "--bare", "-b", "main", remote.path], in: scratch.url)
        work = try ScratchRepository("work", in: scratch)
        var environment = TestEnvironment.base
        environment["HOME"] = scratch.url.path
        self.environment = environment
        try work.git("remote", "add", "origin", remote.path)
        try work.write(".greenlight.yml", Self.config)
        try work.write("test.sh", Self.passing, executable: true)
        try work.commitAll("initial")
        if installHook {
            let result = try greenlight(["install"], in: work.url)
            guard result.status == 0 else { throw Command.Failed(command: ["greenlight", "install"], status: result.status, output: result.stderr) }
        }
    }

    public static let config = """
        fast:
          steps:
            - {name: unit, run: ./test.sh fast}
        clean_room:
          timeout: 1m
          steps:
            - {name: test, run: ./test.sh clean}
        """
    public static let passing = "#!/bin/sh\necho \"tests ok ($1)\"\n"
    public static let failing = "#!/bin/sh\necho \"--- FAIL: TestBroken (0.00s)\"\nexit 1\n"

    /// Runs git in `directory` with the fixture's environment.
    public func git(_ arguments: [String], in directory: URL? = nil, stdin: String? = nil) throws -> Command.Result {
        try Command.run(["git"] + arguments, in: directory ?? work.url, environment: environment, stdin: stdin)
    }

    public func greenlight(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
                           stdin: String? = nil) throws -> Command.Result {
        try GreenlightBinary.run(arguments, in: directory ?? work.url, environment: environment ?? self.environment, stdin: stdin)
    }

    /// A second working clone of the remote, with the hook installed.
    public func clone(_ name: String) throws -> ScratchRepository {
        let path = scratch.path(name)
        try Command.check(["git", "clone", "-q", remote.path, path.path], in: scratch.url, environment: environment)
        let repo = ScratchRepository(existing: path, scratch: scratch)
        _ = try greenlight(["install"], in: path)
        return repo
    }

    /// What the remote has at `ref`, `nil` when nothing.
    public func remoteRef(_ ref: String) throws -> String? {
        let result = try Command.run(["git", "rev-parse", "--verify", "-q", ref], in: remote, environment: environment)
        return result.status == 0 ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// The remote's verdict note on `commit`, `nil` when none.
    public func remoteNote(_ commit: String) throws -> String? {
        let result = try Command.run(["git", "notes", "--ref=greenlight", "show", commit], in: remote, environment: environment)
        return result.status == 0 ? result.stdout : nil
    }
}
