import Foundation

/// `greenlight guard <harness>`: decides whether a coding agent's tool call may run, from the
/// harness's pre-tool-use hook input (JSON on stdin: `tool_name`, `tool_input`, `cwd`; Claude
/// Code's hooks reference, https://code.claude.com/docs/en/hooks, and Codex CLI's `hooks.json`,
/// which follows it). It refuses the moves that route around greenlight's gate:
///
/// - `git push --no-verify` (or any prefix git accepts, `--no-v`…) and `git push -n`;
/// - `git -c core.hooksPath=…`, `git config … core.hooksPath`, and `GIT_CONFIG_*` variables
///   (`GIT_CONFIG_PARAMETERS`, `GIT_CONFIG_COUNT`/`KEY_n`/`VALUE_n`, `GIT_CONFIG_GLOBAL`,
///   `GIT_CONFIG_SYSTEM`) set for a command;
/// - writes to greenlight's notes (`git notes --ref=greenlight add|append|edit|copy|remove|
///   merge|prune`, `git update-ref refs/notes/greenlight`);
/// - deleting or rewriting files under `.git/hooks` or `.git/greenlight*`, by a shell command
///   that names them (anything but reading) or by a file-editing tool.
///
/// Anything it cannot read is refused too: a guard that fails must never allow.
public enum AgentGuard {
    public enum Decision: Equatable, Sendable {
        case allow
        case deny(String)
    }

    /// The harnesses whose hook format greenlight writes (`AgentGuardInstaller`).
    public enum Harness: String, Sendable, CaseIterable {
        case claude
        case codex
    }

    static let advice = "push with `greenlight push` (it gates the commit first; `--wait 90s` bounds the wait), and let the gate's verdict stand"

    /// The decision for one hook input (the bytes the harness wrote on stdin).
    public static func decide(_ input: Data) -> Decision {
        guard let call = try? JSONValue.parse(input), let tool = call["tool_name"]?.string else {
            return .deny("greenlight guard could not read the tool call (not the documented hook JSON); refusing to be safe")
        }
        let arguments = call["tool_input"] ?? .object([:])
        switch tool {
        case "Bash", "shell", "exec_command", "local_shell":
            guard let command = arguments["command"]?.string ?? arguments["command"]?.array?.compactMap(\.string).joined(separator: " ") else {
                return .deny("greenlight guard found no command in the \(tool) call; refusing to be safe")
            }
            return decide(command: command)
        case "Edit", "Write", "MultiEdit", "NotebookEdit", "apply_patch":
            let paths = [arguments["file_path"]?.string, arguments["notebook_path"]?.string, arguments["path"]?.string].compactMap { $0 }
                + (arguments["patch"]?.string.map(patchPaths) ?? [])
            if let path = paths.first(where: isProtected) {
                return .deny("\(path) is greenlight's (its hooks and verdict cache): editing it would bypass the gate; \(advice)")
            }
            return .allow
        default:
            return .allow
        }
    }

    /// The decision for a shell command line.
    public static func decide(command: String) -> Decision {
        if let reason = protectedPathWrite(command) { return .deny(reason) }
        for simple in ShellWords.commands(command) {
            if let reason = check(simple) { return .deny(reason) }
        }
        return .allow
    }

    /// Why one simple command (its words, leading variable assignments included) is refused.
    static func check(_ words: [String]) -> String? {
        var rest = words[...]
        // `env A=B cmd`, `export A=B`, and leading `A=B cmd` assignments.
        while let first = rest.first, first == "env" || first == "export" || first == "command" || first.contains("=") && !first.hasPrefix("-") {
            if let name = first.split(separator: "=", maxSplits: 1).first.map(String.init), first.contains("="), isGitConfigVariable(name) {
                return "setting \(name) changes git's configuration for the command, hooks included; \(advice)"
            }
            rest = rest.dropFirst()
        }
        guard let program = rest.first, program == "git" || program.hasSuffix("/git") else { return nil }
        var arguments = Array(rest.dropFirst())
        // git's own options before the subcommand.
        while let option = arguments.first, option.hasPrefix("-") {
            arguments.removeFirst()
            if option == "-c" || option == "--config-env", let value = arguments.first {
                arguments.removeFirst()
                if value.lowercased().hasPrefix("core.hookspath") { return "`git -c core.hooksPath=…` runs git without greenlight's hooks; \(advice)" }
            } else if option.hasPrefix("-c"), option.dropFirst(2).lowercased().hasPrefix("core.hookspath") {
                return "`git -c core.hooksPath=…` runs git without greenlight's hooks; \(advice)"
            } else if ["-C", "--git-dir", "--work-tree", "--namespace"].contains(option) {
                if !arguments.isEmpty { arguments.removeFirst() }
            }
        }
        guard let subcommand = arguments.first else { return nil }
        let options = arguments.dropFirst()
        switch subcommand {
        case "push":
            if options.contains(where: { $0 == "-n" || ($0.count > 5 && "--no-verify".hasPrefix($0)) || $0 == "--no-verify" }) {
                return "`git push --no-verify` (or -n) skips greenlight's gate; \(advice)"
            }
        case "config":
            if options.contains(where: { $0.lowercased().hasPrefix("core.hookspath") }) {
                return "changing core.hooksPath turns greenlight's hooks off; \(advice)"
            }
        case "notes":
            let writes: Set<String> = ["add", "append", "edit", "copy", "remove", "merge", "prune"]
            let names = options.filter { !$0.hasPrefix("-") }
            let ref = options.contains { $0 == "--ref=greenlight" || $0 == "--ref=refs/notes/greenlight" }
                || zip(options, options.dropFirst()).contains { $0 == "--ref" && ($1 == "greenlight" || $1 == "refs/notes/greenlight") }
            if ref, let verb = names.first(where: { writes.contains($0) }) {
                return "`git notes --ref=greenlight \(verb)` writes verdicts by hand; only the gate records them; \(advice)"
            }
        case "update-ref":
            if options.contains(where: { $0.hasPrefix("refs/notes/greenlight") }) {
                return "moving refs/notes/greenlight by hand rewrites the recorded verdicts; \(advice)"
            }
        default:
            break
        }
        return nil
    }

    static func isGitConfigVariable(_ name: String) -> Bool {
        name.hasPrefix("GIT_CONFIG")
    }

    /// Whether `path` is under a `.git/hooks` or `.git/greenlight*` directory.
    static func isProtected(_ path: String) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        for (index, component) in components.enumerated() where component == ".git" && index + 1 < components.count {
            let next = components[index + 1]
            if next == "hooks" || next.hasPrefix("greenlight") { return true }
        }
        return false
    }

    /// A command that names a protected path and does more than read it.
    static func protectedPathWrite(_ command: String) -> String? {
        guard command.contains(".git/hooks") || command.contains(".git/greenlight") else { return nil }
        let readers: Set<String> = ["cat", "ls", "head", "tail", "less", "more", "grep", "rg", "file", "stat", "wc", "diff", "sha256sum", "test", "["]
        let commands = ShellWords.commands(command)
        let writesRedirect = command.contains(">")
        let onlyReads = commands.allSatisfy { words in
            guard let program = words.first(where: { !$0.contains("=") }) else { return true }
            return readers.contains((program as NSString).lastPathComponent) || !words.contains { $0.contains(".git/hooks") || $0.contains(".git/greenlight") }
        }
        if onlyReads && !writesRedirect { return nil }
        return "changing files under .git/hooks or .git/greenlight* removes or rewrites greenlight's gate; \(advice)"
    }

    /// The file paths an `apply_patch` envelope names (`*** Update File: path`, …).
    static func patchPaths(_ patch: String) -> [String] {
        patch.split(separator: "\n").compactMap { line in
            for prefix in ["*** Update File: ", "*** Add File: ", "*** Delete File: ", "*** Move to: "] where line.hasPrefix(prefix) {
                return String(line.dropFirst(prefix.count))
            }
            return nil
        }
    }
}

/// Just enough of POSIX shell word splitting to find the simple commands of a command line:
/// `;`, `&&`, `||`, `|`, `&`, newlines and `(`/`)` separate commands; single and double quotes
/// and backslashes group words; `$(…)` and backquotes are read as separate command lines too.
enum ShellWords {
    static func commands(_ line: String) -> [[String]] {
        var commands: [[String]] = []
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var nested: [String] = []
        var chars = Array(line)
        var index = 0
        func endWord() {
            if inWord { words.append(word) }
            word = ""
            inWord = false
        }
        func endCommand() {
            endWord()
            if !words.isEmpty { commands.append(words) }
            words = []
        }
        while index < chars.count {
            let c = chars[index]
            if let q = quote {
                if c == q { quote = nil }
                else if c == "\\", q == "\"", index + 1 < chars.count { index += 1; word.append(chars[index]) }
                else { word.append(c) }
                index += 1
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
                inWord = true
            case "\\":
                if index + 1 < chars.count { index += 1; word.append(chars[index]); inWord = true }
            case " ", "\t":
                endWord()
            case "\n", ";", "&", "|", "(", ")", "`":
                endCommand()
            case "$" where index + 1 < chars.count && chars[index + 1] == "(":
                // The substitution's text is read as a command line of its own.
                var depth = 0
                var inner = ""
                var cursor = index + 1
                while cursor < chars.count {
                    if chars[cursor] == "(" { depth += 1; if depth == 1 { cursor += 1; continue } }
                    if chars[cursor] == ")" { depth -= 1; if depth == 0 { break } }
                    inner.append(chars[cursor])
                    cursor += 1
                }
                nested.append(inner)
                index = cursor
            default:
                word.append(c)
                inWord = true
            }
            index += 1
        }
        endCommand()
        chars = []
        return commands + nested.flatMap { Self.commands($0) }
    }
}
