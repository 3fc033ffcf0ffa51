import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

@Suite("hook install and uninstall", .requiresSandbox, .timeLimit(.minutes(5)))
struct InstallTests {
    @Test func installIsIdempotentAndUninstallRemovesIt() throws {
        let fixture = try PushFixture()
        let hook = fixture.work.url.appendingPathComponent(".git/hooks/pre-push")
        let first = try Data(contentsOf: hook)
        let again = try fixture.greenlight(["install"])
        #expect(again.stdout.contains("already installed"))
        #expect(try Data(contentsOf: hook) == first)
        let removed = try fixture.greenlight(["uninstall"])
        #expect(removed.status == 0)
        #expect(!FileManager.default.fileExists(atPath: hook.path))
        #expect(try fixture.greenlight(["uninstall"]).stdout.contains("nothing changed"))
    }

    @Test func existingHookIsChainedRunsFirstWithTheSameInputAndIsRestoredByteForByte() throws {
        let fixture = try PushFixture(installHook: false)
        let hooks = fixture.work.url.appendingPathComponent(".git/hooks")
        let record = fixture.scratch.path("foreign-saw.txt")
        let original = "#!/bin/sh\n# a team's own hook\necho \"foreign: $1 $2\" >> '\(record.path)'\ncat >> '\(record.path)'\nexit ${FOREIGN_EXIT:-0}\n"
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try ExecutableFile.write(original, to: hooks.appendingPathComponent("pre-push"), mode: 0o750)

        let install = try fixture.greenlight(["install"])
        #expect(install.stdout.contains("runs first"))
        let push = try fixture.git(["push", "origin", "main"])
        #expect(push.status == 0, "\(push.stderr)")
        let seen = try String(contentsOf: record, encoding: .utf8)
        let head = try fixture.work.git("rev-parse", "HEAD")
        #expect(seen.contains("foreign: origin \(fixture.remote.path)"))
        #expect(seen.contains("refs/heads/main \(head) refs/heads/main"))
        #expect(push.stderr.contains("greenlight: pass"))

        // Its failure blocks the push.
        var environment = fixture.environment
        environment["FOREIGN_EXIT"] = "3"
        let blocked = try Command.run(["git", "push", "origin", "main:refs/heads/other"], in: fixture.work.url, environment: environment)
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("pre-existing pre-push hook"))
        #expect(try fixture.remoteRef("refs/heads/other") == nil)

        #expect(try fixture.greenlight(["uninstall"]).stdout.contains("previous hook is back"))
        let restored = hooks.appendingPathComponent("pre-push")
        #expect(try String(contentsOf: restored, encoding: .utf8) == original)
        let mode = try FileManager.default.attributesOfItem(atPath: restored.path)[.posixPermissions] as? Int
        #expect(mode == 0o750)
    }

    @Test func forceSetsAForeignHookAsideAndUninstallBringsItBack() throws {
        let fixture = try PushFixture(installHook: false)
        let hook = fixture.work.url.appendingPathComponent(".git/hooks/pre-push")
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ExecutableFile.write("#!/bin/sh\nexit 1\n", to: hook)
        #expect(try fixture.greenlight(["install", "--force"]).stdout.contains("no longer runs"))
        #expect(try fixture.git(["push", "origin", "main"]).status == 0)
        _ = try fixture.greenlight(["uninstall"])
        #expect(try String(contentsOf: hook, encoding: .utf8) == "#!/bin/sh\nexit 1\n")
    }

    @Test func relativeCoreHooksPathIsWhereTheHookGoesAndGitRunsIt() throws {
        let fixture = try PushFixture(installHook: false)
        try fixture.work.git("config", "core.hooksPath", ".githooks")
        let install = try fixture.greenlight(["install"])
        #expect(install.stdout.contains("\(fixture.work.url.path)/.githooks/pre-push"))
        #expect(install.stdout.contains("core.hooksPath"))
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.git("add", "test.sh")
        try fixture.work.git("commit", "-qm", "broken")
        let push = try fixture.git(["push", "origin", "main"])
        #expect(push.status != 0)
        #expect(push.stderr.contains("TestBroken"))
    }

    @Test func globalCoreHooksPathIsHonoured() throws {
        let fixture = try PushFixture(installHook: false)
        let globalHooks = fixture.scratch.path("global-hooks")
        let gitconfig = fixture.scratch.path(".gitconfig")
        try "[core]\n\thooksPath = ~/global-hooks\n".write(to: gitconfig, atomically: true, encoding: .utf8)
        var environment = fixture.environment
        environment["GIT_CONFIG_GLOBAL"] = gitconfig.path
        let install = try fixture.greenlight(["install"], environment: environment)
        #expect(install.stdout.contains(globalHooks.appendingPathComponent("pre-push").path), "\(install.stdout)\(install.stderr)")
        #expect(FileManager.default.fileExists(atPath: globalHooks.appendingPathComponent("pre-push").path))
    }

    @Test func missingBinarySaysWhatToDo() throws {
        let fixture = try PushFixture()
        let hook = fixture.work.url.appendingPathComponent(".git/hooks/pre-push")
        let text = try String(contentsOf: hook, encoding: .utf8)
        try text.replacingOccurrences(of: GreenlightBinary.url.path, with: "/nonexistent/greenlight")
            .write(to: hook, atomically: false, encoding: .utf8)
        // A greenlight on PATH does not stand in for the one the hook was installed with.
        let impostor = fixture.scratch.path("impostor/greenlight")
        try FileManager.default.createDirectory(at: impostor.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ExecutableFile.write("#!/bin/sh\nexit 0\n", to: impostor)
        var environment = fixture.environment
        environment["PATH"] = impostor.deletingLastPathComponent().path + ":/usr/bin:/bin"
        let push = try Command.run(["git", "push", "origin", "main"], in: fixture.work.url, environment: environment)
        #expect(push.status != 0)
        #expect(push.stderr.hasPrefix("""
            greenlight: push refused: this repository's pre-push hook runs /nonexistent/greenlight, which is not there (moved or uninstalled).
            greenlight: run `greenlight install` again with the greenlight you use now, or remove the hook: rm ".git/hooks/pre-push"

            """), "\(push.stderr)")
        #expect(try fixture.remoteRef("refs/heads/main") == nil)
    }

    /// The hook takes its binary from the path written at install time only: no variable a coder
    /// (or a step, which sees GREENLIGHT=1) can set, and no PATH entry, replaces the gate.
    @Test func noEnvironmentVariableOrPathEntryReplacesTheGate() throws {
        let fixture = try PushFixture()
        try fixture.work.write("test.sh", PushFixture.failing, executable: true)
        try fixture.work.commitAll("broken")
        let impostor = fixture.scratch.path("impostor/greenlight")
        try FileManager.default.createDirectory(at: impostor.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ExecutableFile.write("#!/bin/sh\nexit 0\n", to: impostor)
        try ExecutableFile.write("#!/bin/sh\nexit 0\n", to: fixture.scratch.path("impostor/greenlight-fastpath"))
        let hostile: [[String: String]] = [
            ["GREENLIGHT": "/bin/true"], ["GREENLIGHT": impostor.path], ["GREENLIGHT_TEST_BINARY": "/bin/true"],
            ["GREENLIGHT_BINARY": "/bin/true"], ["PATH": impostor.deletingLastPathComponent().path + ":" + (fixture.environment["PATH"] ?? "/usr/bin:/bin")],
        ]
        for extra in hostile {
            var environment = fixture.environment
            for (key, value) in extra { environment[key] = value }
            let push = try Command.run(["git", "push", "origin", "main"], in: fixture.work.url, environment: environment)
            #expect(push.status == 1, "\(extra): \(push.stderr)")
            #expect(push.stderr.contains("--- FAIL: TestBroken"), "\(extra): \(push.stderr)")
            #expect(try fixture.remoteRef("refs/heads/main") == nil, "\(extra) let a failing commit through")
        }
    }

    @Test func shippedShimsMatchWhatTheBinaryInstalls() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        #expect(try String(contentsOf: root.appendingPathComponent("hooks/pre-push"), encoding: .utf8) == HookScript.prePushTemplate)
        #expect(try String(contentsOf: root.appendingPathComponent("hooks/gh"), encoding: .utf8) == HookScript.ghTemplate)
        #expect(try String(contentsOf: root.appendingPathComponent("hooks/post-commit"), encoding: .utf8) == HookScript.postCommitTemplate)
    }
}
