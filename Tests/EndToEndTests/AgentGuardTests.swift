import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// The agent harness guard, installed into a project's settings and run the way the harness runs
/// it: the hook's command through /bin/sh with a recorded tool call on stdin; exit 2 refuses.
@Suite("agent harness guard")
struct AgentGuardTests {
    /// A Claude Code PreToolUse input (https://code.claude.com/docs/en/hooks) for a Bash command.
    static func bash(_ command: String) -> String {
        let input: JSONValue = ["session_id": "abc123", "transcript_path": "/tmp/t.jsonl", "cwd": "/work", "permission_mode": "default",
                                "hook_event_name": "PreToolUse", "tool_name": "Bash",
                                "tool_input": ["command": .string(command), "description": "run it"], "tool_use_id": "toolu_01"]
        return String(decoding: try! input.data(), as: UTF8.self)
    }

    static func edit(_ tool: String, _ path: String) -> String {
        let input: JSONValue = ["session_id": "abc123", "hook_event_name": "PreToolUse", "tool_name": .string(tool),
                                "tool_input": ["file_path": .string(path), "content": "x"]]
        return String(decoding: try! input.data(), as: UTF8.self)
    }

    /// Runs the installed hook's command as the harness does: `/bin/sh -c <command>`, the call on stdin.
    static func runHook(_ command: String, input: String, in directory: URL) throws -> Command.Result {
        try Command.run(["/bin/sh", "-c", command], in: directory, stdin: input)
    }

    static func hookCommand(_ settings: URL) throws -> String {
        let json = try JSONValue.parse(try Data(contentsOf: settings))
        let groups = try #require(json["hooks"]?["PreToolUse"]?.array)
        let ours = try #require(groups.first { $0["hooks"]?.array?.first?["command"]?.string?.contains("greenlight-managed-guard") == true })
        return try #require(ours["hooks"]?.array?.first?["command"]?.string)
    }

    @Test func claudeSettingsAreMergedAndTheGuardRefusesEveryBypass() throws {
        let repo = try ScratchRepository("guard")
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: \"true\"}\n")
        let existing = """
            {
              "permissions": {"allow": ["Bash(npm test:*)"], "deny": ["Read(./.env)"]},
              "hooks": {
                "PreToolUse": [{"matcher": "Write", "hooks": [{"type": "command", "command": "./format.sh"}]}],
                "PostToolUse": [{"matcher": "Edit", "hooks": [{"type": "command", "command": "./lint.sh"}]}]
              },
              "model": "opus"
            }
            """
        try repo.write(".claude/settings.json", existing)
        let installed = try GreenlightBinary.run(["install", "--agent-guard", "claude"], in: repo.url)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("installed the claude guard in \(repo.url.path)/.claude/settings.json"), "\(installed.stdout)")
        let settings = repo.url.appendingPathComponent(".claude/settings.json")
        let json = try JSONValue.parse(try Data(contentsOf: settings))
        // Every other setting is kept; greenlight's entry has the documented shape.
        #expect(json["permissions"] == (try JSONValue.parse(Data(#"{"allow": ["Bash(npm test:*)"], "deny": ["Read(./.env)"]}"#.utf8))))
        #expect(json["model"] == .string("opus"))
        #expect(json["hooks"]?["PostToolUse"]?.array?.count == 1)
        let groups = try #require(json["hooks"]?["PreToolUse"]?.array)
        #expect(groups.count == 2 && groups[0]["matcher"] == .string("Write"))
        #expect(groups[1]["matcher"] == .string("Bash|Edit|Write|MultiEdit|NotebookEdit"))
        let handler = try #require(groups[1]["hooks"]?.array?.first)
        #expect(Set(handler.object?.keys.map { $0 } ?? []) == ["type", "command", "timeout"] && handler["type"] == .string("command"))
        let command = try Self.hookCommand(settings)
        #expect(command == "'\(GreenlightBinary.url.path)' guard claude || exit 2 # greenlight-managed-guard")
        // Installing again changes nothing.
        #expect(try GreenlightBinary.run(["install", "--agent-guard", "claude"], in: repo.url).stdout.contains("is already installed; nothing changed"))

        let allowed = [
            Self.bash("git status"), Self.bash("git push origin main"), Self.bash("greenlight push --wait 90s"),
            Self.bash("cat .git/hooks/pre-push"), Self.bash("git log --notes=greenlight -1"), Self.bash("git notes --ref=greenlight show HEAD"),
            Self.bash("git push --dry-run origin main"), Self.edit("Edit", "\(repo.url.path)/Sources/main.swift"),
            // `-n` is git push's --dry-run (the hook still runs); comments, reads and unrelated settings pass.
            Self.bash("git push -n origin main"), Self.bash("git push origin main # never use --no-verify"),
            Self.bash("git config --get core.hooksPath"), Self.bash("grep -c exec .git/hooks/pre-push > /dev/null"),
            Self.bash("GIT_CONFIG_NOSYSTEM=1 git status"), Self.bash("find .git/hooks -type f"), Self.bash("git log -n 5"),
            Self.bash("echo \"git push --no-verify\" > notes.md"), Self.bash("grep -rn no-verify docs"), Self.bash("git commit -n -m wip"),
        ]
        for input in allowed {
            let result = try Self.runHook(command, input: input, in: repo.url)
            #expect(result.status == 0, "\(input): \(result.stderr)")
        }
        let refused: [(String, String)] = [
            (Self.bash("git push --no-verify origin main"), "`git push --no-verify` skips greenlight's gate"),
            (Self.bash("cd src && git push origin HEAD --no-verif"), "`git push --no-verify` skips greenlight's gate"),
            (Self.bash("bash -c 'git push origin HEAD:b2 --no-verify'"), "`git push --no-verify` skips greenlight's gate"),
            (Self.bash("eval \"git push origin main --no-verify\""), "`git push --no-verify` skips greenlight's gate"),
            (Self.bash("exec /usr/bin/env git push --no-verify"), "`git push --no-verify` skips greenlight's gate"),
            (Self.bash("if git push origin main --no-verify; then :; fi"), "`git push --no-verify` skips greenlight's gate"),
            (Self.bash("timeout 60 nice git push --no-verify"), "`git push --no-verify` skips greenlight's gate"),
            (Self.bash(">/dev/null git push origin main --no-verify"), "`git push --no-verify` skips greenlight's gate"),
            (Self.bash("git push origin HEAD:b7 $(echo --no-verify)"), "built by the shell"),
            (Self.bash("git push origin HEAD:b8 $'--no-verify'"), "built by the shell"),
            (Self.bash("git push {--no-verify,origin} HEAD:b9"), "built by the shell"),
            (Self.bash("G=git; $G push --no-verify"), "built by the shell"),
            (Self.bash("echo 'git push --no-verify' | bash"), "piping text into a shell"),
            (Self.bash("\"$(git --exec-path)\"/git-push --no-verify origin HEAD"), "built by the shell"),
            (Self.bash("git send-pack ../remote.git HEAD:refs/heads/x"), "`git send-pack` pushes without greenlight's hooks"),
            (Self.bash("git -c alias.x='push --no-verify' x origin"), "an alias can run what this guard refuses"),
            (Self.bash("git config alias.p 'push --no-verify'"), "an alias can run what this guard refuses"),
            (Self.bash("git --config-env=core.hooksPath=HOME push"), "changing core.hooksPath turns greenlight's hooks off"),
            (Self.bash("git -c include.path=/tmp/evil.cfg push"), "including another configuration file"),
            (Self.bash("printf '[core]\\n\\thooksPath = /x\\n' >> .git/config"), "bypasses the gate"),
            (Self.bash("HOME=/tmp/fakehome git push"), "setting HOME changes git's configuration"),
            (Self.bash("env -i PATH=/usr/bin GIT_CONFIG_GLOBAL=/tmp/evil.cfg git push"), "setting GIT_CONFIG_GLOBAL"),
            (Self.bash("export GIT_CONFIG_GLOBAL; git push"), "setting GIT_CONFIG_GLOBAL"),
            (Self.bash("greenlight uninstall && git push"), "`greenlight uninstall` takes the gate out"),
            (Self.bash("find .git -name pre-push -delete"), "deleting or running commands on files under .git"),
            (Self.bash("rm -rf .git/hook*"), "bypasses the gate"),
            (Self.bash("rm .git//hooks/pre-push"), "bypasses the gate"),
            (Self.bash("ls -d .git/hooks | xargs rm -rf"), "bypasses the gate"),
            (Self.bash("GIT_NOTES_REF=refs/notes/greenlight git notes append -m C"), "setting GIT_NOTES_REF"),
            (Self.bash("git notes --ref=notes/greenlight add -m A"), "`git notes --ref=greenlight add` writes verdicts by hand"),
            (Self.bash("git notes --re=greenlight append -m B"), "`git notes --ref=greenlight append` writes verdicts by hand"),
            (Self.bash("git -c core.notesRef=refs/notes/greenlight notes append -m D"), "pointing git's notes at refs/notes/greenlight"),
            (Self.bash("echo update refs/notes/greenlight HEAD~1 | git update-ref --stdin"), "moving refs by hand"),
            (Self.bash("git push origin +HEAD:refs/notes/greenlight"), "force-pushing or deleting refs/notes/greenlight"),
            (Self.bash("echo '{\"disableAllHooks\":true}' > .claude/settings.local.json"), "bypasses the gate"),
            (Self.bash("cat ~/.config/greenlight/signing-key"), "greenlight's signing key"),
            (Self.edit("Write", "\(repo.url.path)/.git/./hooks/pre-push"), "is greenlight's or guards it"),
            (Self.edit("Write", "\(repo.url.path)/.GIT/HOOKS/pre-push"), "is greenlight's or guards it"),
            (Self.edit("Write", "\(repo.url.path)/.claude/settings.json"), "is greenlight's or guards it"),
            (Self.edit("Edit", "\(repo.url.path)/.git/config"), "is greenlight's or guards it"),
            (#"{"tool_name":"Bash","tool_input":{"command":["bash","-lc","git push --no-verify"]}}"#, "`git push --no-verify` skips greenlight's gate"),
            (Self.bash(String(repeating: "$(", count: 40_000)), "too long or too deeply nested to inspect"),
            (Self.bash("git -c core.hooksPath=/dev/null push"), "changing core.hooksPath turns greenlight's hooks off"),
            (Self.bash("git config core.hooksPath /tmp/none"), "bypasses the gate"),
            (Self.bash("GIT_CONFIG_PARAMETERS=\"'core.hookspath'='/x'\" git push"), "setting GIT_CONFIG_PARAMETERS changes git's configuration"),
            (Self.bash("env GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.hooksPath GIT_CONFIG_VALUE_0=/x git push"), "bypasses the gate"),
            (Self.bash("env GIT_CONFIG_COUNT=1 git push"), "setting GIT_CONFIG_COUNT changes git's configuration"),
            (Self.bash("rm -f .git/hooks/pre-push"), "bypasses the gate"),
            (Self.bash("echo 'exit 0' > .git/hooks/pre-push"), "bypasses the gate"),
            (Self.bash("rm -rf .git/greenlight"), "bypasses the gate"),
            (Self.bash("git notes --ref=greenlight append -m '{}' HEAD"), "`git notes --ref=greenlight append` writes verdicts by hand"),
            (Self.bash("git notes --ref greenlight add -f -m x HEAD"), "`git notes --ref=greenlight add` writes verdicts by hand"),
            (Self.bash("echo $(git update-ref -d refs/notes/greenlight)"), "moving refs by hand"),
            (Self.edit("Write", "\(repo.url.path)/.git/hooks/pre-push"), "/.git/hooks/pre-push is greenlight's or guards it"),
            (Self.edit("Edit", "\(repo.url.path)/.git/greenlight-fastpath"), "/.git/greenlight-fastpath is greenlight's or guards it"),
            ("{not json", "greenlight guard could not read the tool call"),
            ("", "greenlight guard could not read the tool call"),
        ]
        for (input, reason) in refused {
            let result = try Self.runHook(command, input: input, in: repo.url)
            #expect(result.status == 2, "\(input)")
            #expect(result.stderr.hasPrefix("greenlight guard: refused: ") && result.stderr.contains(reason), "\(input): \(result.stderr)")
            #expect(result.stderr.contains("push with `greenlight push`") || reason.contains("could not read"), "\(result.stderr)")
        }
        // A guard that cannot run refuses as well: the harness only blocks on exit 2.
        let missing = command.replacingOccurrences(of: GreenlightBinary.url.path, with: "/nonexistent/greenlight")
        #expect(try Self.runHook(missing, input: Self.bash("git status"), in: repo.url).status == 2)

        // uninstall takes out greenlight's entry and nothing else.
        #expect(try GreenlightBinary.run(["uninstall"], in: repo.url).status == 0)
        let after = try JSONValue.parse(try Data(contentsOf: settings))
        #expect(after == (try JSONValue.parse(Data(existing.utf8))))
    }

    @Test func codexHooksAreWrittenAndRemovedWhole() throws {
        let repo = try ScratchRepository("guard-codex")
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: \"true\"}\n")
        #expect(try GreenlightBinary.run(["install", "--agent-guard", "codex"], in: repo.url).status == 0)
        let file = repo.url.appendingPathComponent(".codex/hooks.json")
        let json = try JSONValue.parse(try Data(contentsOf: file))
        #expect(json["hooks"]?["PreToolUse"]?.array?.first?["matcher"] == .string("Bash"))
        let command = try Self.hookCommand(file)
        #expect(command == "'\(GreenlightBinary.url.path)' guard codex || exit 2 # greenlight-managed-guard")
        let codexCall = #"{"session_id":"s","turn_id":"t","cwd":"/work","hook_event_name":"PreToolUse","model":"gpt-5","tool_name":"Bash","tool_input":{"command":"git push --no-verify"}}"#
        let refused = try Self.runHook(command, input: codexCall, in: repo.url)
        #expect(refused.status == 2 && refused.stderr.contains("skips greenlight's gate"), "\(refused.stderr)")
        #expect(try Self.runHook(command, input: codexCall.replacingOccurrences(of: " --no-verify", with: ""), in: repo.url).status == 0)
        // A file greenlight created holds nothing else: uninstall removes it.
        #expect(try GreenlightBinary.run(["uninstall"], in: repo.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        // Settings that are not a JSON object are named, never overwritten.
        try repo.write(".claude/settings.json", "[1, 2]")
        let broken = try GreenlightBinary.run(["install", "--agent-guard", "claude"], in: repo.url)
        #expect(broken.status == 2 && broken.stderr.contains(".claude/settings.json: is not a JSON object"), "\(broken.stderr)")
        #expect(try repo.read(".claude/settings.json") == "[1, 2]")
    }
}
