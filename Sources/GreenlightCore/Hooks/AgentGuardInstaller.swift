import Foundation

/// Writes the pre-tool-use hook that runs `greenlight guard <harness>` into a harness's project
/// settings, merged with what is there, and takes out only that entry again.
///
/// - Claude Code: `.claude/settings.json`, `hooks.PreToolUse[]` → `{matcher, hooks: [{type:
///   "command", command, timeout}]}` (https://code.claude.com/docs/en/hooks), matching the shell
///   and the file-editing tools.
/// - Codex CLI: `.codex/hooks.json`, the same shape (Codex's hooks follow Claude Code's), on its
///   shell tool, the only one its PreToolUse sees.
///
/// Both harnesses block a call only when the hook exits 2 (stderr is the reason); any other
/// failure lets the call run. So the command is `'<greenlight>' guard <harness> || exit 2`: a
/// crash, a missing binary or a refusal all end in 2.
public struct AgentGuardInstaller: Sendable {
    public let harness: AgentGuard.Harness
    /// The working tree whose settings are written.
    public let root: URL
    /// The greenlight binary the hook runs (absolute).
    public let binary: String

    public init(harness: AgentGuard.Harness, root: URL, binary: String) {
        self.harness = harness
        self.root = root
        self.binary = binary
    }

    /// Marks greenlight's entry (a shell comment at the end of its command).
    public static let marker = "# greenlight-managed-guard"

    public var settingsFile: URL {
        switch harness {
        case .claude: root.appendingPathComponent(".claude/settings.json")
        case .codex: root.appendingPathComponent(".codex/hooks.json")
        }
    }

    var matcher: String {
        switch harness {
        case .claude: "Bash|Edit|Write|MultiEdit|NotebookEdit"
        case .codex: "Bash"
        }
    }

    /// The hook's command line.
    public var command: String { "\(ShellQuote.quote(binary)) guard \(harness.rawValue) || exit 2 \(Self.marker)" }

    var entry: JSONValue {
        ["matcher": .string(matcher), "hooks": [["type": "command", "command": .string(command), "timeout": 30]]]
    }

    public enum Action: Equatable, Sendable { case installed, updated, alreadyInstalled }

    /// Adds the entry (replacing an older greenlight entry), keeping every other setting.
    /// - Throws: `FileError` naming the file: not a JSON object, or not writable.
    public func install() throws -> Action {
        var settings = try read() ?? .object([:])
        var hooks = settings["hooks"]?.object ?? [:]
        var groups = hooks["PreToolUse"]?.array ?? []
        if groups.contains(entry) { return .alreadyInstalled }
        let before = groups.count
        groups.removeAll(where: Self.isOurs)
        groups.append(entry)
        hooks["PreToolUse"] = .array(groups)
        settings["hooks"] = .object(hooks)
        try write(settings)
        return groups.count == before ? .updated : .installed
    }

    /// Takes out greenlight's entry and nothing else; removes the file when nothing else is left.
    /// - Returns: whether there was an entry to take out.
    /// - Throws: `FileError` naming the file.
    @discardableResult
    public func uninstall() throws -> Bool {
        guard var settings = try read(), var hooks = settings["hooks"]?.object, var groups = hooks["PreToolUse"]?.array,
              groups.contains(where: Self.isOurs) else { return false }
        groups.removeAll(where: Self.isOurs)
        if groups.isEmpty { hooks["PreToolUse"] = nil } else { hooks["PreToolUse"] = .array(groups) }
        if hooks.isEmpty { settings["hooks"] = nil } else { settings["hooks"] = .object(hooks) }
        if settings == .object([:]) {
            try? FileManager.default.removeItem(at: settingsFile)
        } else {
            try write(settings)
        }
        return true
    }

    static func isOurs(_ group: JSONValue) -> Bool {
        (group["hooks"]?.array ?? []).contains { $0["command"]?.string?.hasSuffix(marker) == true }
    }

    private func read() throws -> JSONValue? {
        guard let data = FileManager.default.contents(atPath: settingsFile.path) else { return nil }
        guard let value = try? JSONValue.parse(data), value.object != nil else {
            throw FileError(path: settingsFile.path, reason: "is not a JSON object; fix it (greenlight merges its hook into it and changes nothing else)")
        }
        return value
    }

    private func write(_ settings: JSONValue) throws {
        do {
            try FileManager.default.createDirectory(at: settingsFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (try settings.data(pretty: true) + Data("\n".utf8)).write(to: settingsFile, options: .atomic)
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError(path: settingsFile.path, reason: "cannot write it: \(error.localizedDescription)")
        }
    }
}
