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
            guard let command = arguments["command"]?.string ?? arguments["command"]?.array?.compactMap(\.string).map(ShellQuote.quote).joined(separator: " ") else {
                return .deny("greenlight guard found no command in the \(tool) call; refusing to be safe")
            }
            return decide(command: command)
        case "Edit", "Write", "MultiEdit", "NotebookEdit", "apply_patch":
            let paths = [arguments["file_path"]?.string, arguments["notebook_path"]?.string, arguments["path"]?.string].compactMap { $0 }
                + (arguments["patch"]?.string.map(patchPaths) ?? [])
            if let path = paths.first(where: isProtected) {
                return .deny("\(path) is greenlight's or guards it (hooks, verdicts, git or harness settings, the signing key): editing it would bypass the gate; \(advice)")
            }
            return .allow
        default:
            return .allow
        }
    }

    /// The decision for a shell command line.
    public static func decide(command: String) -> Decision {
        decide(command: command, depth: 0)
    }

    /// The longest command line inspected, in characters; a longer one is refused (it could not be
    /// read in time for the harness's hook timeout).
    static let longestCommand = 64 * 1024

    static func decide(command: String, depth: Int) -> Decision {
        if command.count > longestCommand || depth > 8 {
            return .deny("the command is too long or too deeply nested to inspect; \(advice)")
        }
        if let reason = protectedPathWrite(command) { return .deny(reason) }
        let parsed = ShellWords.parse(command)
        if parsed.pipesIntoShell { return .deny("piping text into a shell hides the command from this guard; run it directly, and \(advice)") }
        for simple in parsed.commands {
            if let reason = check(simple, depth: depth) { return .deny(reason) }
        }
        for inner in parsed.substitutions {
            if case let .deny(reason) = decide(command: inner, depth: depth + 1) { return .deny(reason) }
        }
        return .allow
    }

    /// Programs that run the rest of their arguments as a command (their own options skipped).
    static let launchers: Set<String> = ["exec", "command", "builtin", "nohup", "time", "nice", "ionice", "timeout", "sudo", "doas", "xargs",
                                         "stdbuf", "setsid", "chronic", "caffeinate", "unbuffer", "env"]
    /// Shell grammar words that may start a simple command.
    static let reservedWords: Set<String> = ["!", "if", "then", "else", "elif", "do", "while", "until", "{", "}", "fi", "done"]
    static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish"]

    /// Why one simple command (its words, leading variable assignments included) is refused.
    static func check(_ words: [String], depth: Int) -> String? {
        var rest = words[...]
        while let first = rest.first {
            let program = (first as NSString).lastPathComponent
            if reservedWords.contains(first) {
                rest = rest.dropFirst()
            } else if first.contains("="), !first.hasPrefix("-"), let name = first.split(separator: "=", maxSplits: 1).first.map(String.init),
                      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                if let reason = environmentProblem(name) { return reason }
                rest = rest.dropFirst()
            } else if ["export", "declare", "typeset", "readonly", "local"].contains(first) {
                for word in rest.dropFirst() where !word.hasPrefix("-") {
                    let name = String(word.split(separator: "=", maxSplits: 1).first ?? "")
                    if let reason = environmentProblem(name) { return reason }
                }
                return nil
            } else if launchers.contains(program) {
                rest = rest.dropFirst()
                // Their own options (and `timeout`'s duration, `env -u NAME`) come before the command.
                while let option = rest.first, option.hasPrefix("-") || (program == "timeout" && option.first?.isNumber == true) {
                    rest = rest.dropFirst()
                    if ["-u", "--unset", "-C", "--chdir", "-n", "-s", "-k", "-I", "-L", "-P", "-d"].contains(option), !rest.isEmpty { rest = rest.dropFirst() }
                }
            } else if program == "eval" {
                if case let .deny(reason) = decide(command: rest.dropFirst().joined(separator: " "), depth: depth + 1) { return reason }
                return nil
            } else {
                break
            }
        }
        guard let first = rest.first else { return nil }
        let program = (first as NSString).lastPathComponent
        if first.contains("$") || first.contains("`") {
            return "the program to run is built by the shell (\(first)); write it out, and \(advice)"
        }
        if shells.contains(program) {
            // `bash -c '…'`, `bash -lc '…'`: the string is a command line of its own.
            let arguments = Array(rest.dropFirst())
            if let flag = arguments.firstIndex(where: { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("c") }), flag + 1 < arguments.count {
                if case let .deny(reason) = decide(command: arguments[flag + 1], depth: depth + 1) { return reason }
            }
            return nil
        }
        if program == "find", rest.contains(where: { $0 == ".git" || $0.hasPrefix(".git/") || $0.hasSuffix("/.git") || $0.contains("/.git/") }),
           rest.contains(where: { $0 == "-delete" || $0.hasPrefix("-exec") || $0.hasPrefix("-ok") }) {
            return "deleting or running commands on files under .git can take greenlight's hooks or verdicts out; \(advice)"
        }
        if program == "greenlight", rest.dropFirst().contains("uninstall") {
            return "`greenlight uninstall` takes the gate out of this repository; \(advice)"
        }
        if program == "git-push" || program == "git-send-pack" || program == "git-receive-pack" {
            return "running git's push programs directly skips greenlight's hooks; \(advice)"
        }
        guard program == "git" else { return nil }
        return checkGit(Array(rest.dropFirst()))
    }

    /// Why setting the variable `name` for a command is refused (git's configuration, or where git finds it).
    static func environmentProblem(_ name: String) -> String? {
        let refused = ["GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_NOTES_REF", "HOME", "XDG_CONFIG_HOME",
                       "GIT_DIR", "GIT_EXEC_PATH", "GIT_TEMPLATE_DIR"]
        if refused.contains(name) || name.hasPrefix("GIT_CONFIG_KEY_") || name.hasPrefix("GIT_CONFIG_VALUE_") {
            return "setting \(name) changes git's configuration (or where git finds it), hooks included; \(advice)"
        }
        return nil
    }

    /// Why a `git` command (its arguments after `git`) is refused.
    static func checkGit(_ words: [String]) -> String? {
        var arguments = words
        if arguments.contains(where: { $0.contains("$") || $0.contains("`") || ($0.contains("{") && $0.contains(",")) }),
           arguments.contains(where: { ["push", "config", "notes", "update-ref", "send-pack"].contains($0) }) {
            return "the arguments of this git command are built by the shell; write them out, and \(advice)"
        }
        // git's own options before the subcommand.
        while let option = arguments.first, option.hasPrefix("-") {
            arguments.removeFirst()
            var setting: String?
            if option == "-c" || option == "--config-env", let value = arguments.first {
                arguments.removeFirst()
                setting = value
            } else if option.hasPrefix("--config-env=") {
                setting = String(option.dropFirst("--config-env=".count))
            } else if option.hasPrefix("-c") {
                setting = String(option.dropFirst(2))
            } else if ["-C", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--attr-source", "--super-prefix"].contains(option) {
                if !arguments.isEmpty { arguments.removeFirst() }
                if option == "--git-dir" || option == "--exec-path" { return "pointing git at another repository or its programs elsewhere skips greenlight's hooks; \(advice)" }
            } else if option.hasPrefix("--git-dir=") || option.hasPrefix("--exec-path=") {
                return "pointing git at another repository or its programs elsewhere skips greenlight's hooks; \(advice)"
            }
            if let setting, let reason = configProblem(setting) { return reason }
        }
        guard let subcommand = arguments.first else { return nil }
        let options = Array(arguments.dropFirst())
        switch subcommand {
        case "push":
            if options.contains(where: { $0 == "--no-verify" || ($0.count > 5 && "--no-verify".hasPrefix($0)) }) {
                return "`git push --no-verify` skips greenlight's gate; \(advice)"
            }
            if options.contains(where: { $0.contains("refs/notes/greenlight") && ($0.hasPrefix("+") || $0.hasPrefix(":")) })
                || (options.contains(where: { $0 == "--force" || $0 == "-f" || $0 == "--delete" || $0 == "-d" || $0.hasPrefix("--force-with-lease") || $0 == "--mirror" })
                    && options.contains(where: { $0.contains("notes/greenlight") || $0.contains("refs/notes") })) {
                return "force-pushing or deleting refs/notes/greenlight rewrites the recorded verdicts; \(advice)"
            }
        case "send-pack":
            return "`git send-pack` pushes without greenlight's hooks; \(advice)"
        case "config":
            let reads: Set<String> = ["--get", "--get-all", "--get-regexp", "--show-origin", "--show-scope", "--list", "-l", "--get-urlmatch", "--get-color", "--get-colorbool"]
            if options.contains(where: { reads.contains($0) }) { return nil }
            if options.contains(where: { $0 == "--edit" || $0 == "-e" }) { return "editing git's configuration by hand can turn greenlight's hooks off; \(advice)" }
            if let key = options.first(where: { !$0.hasPrefix("-") }), let reason = configProblem(key + "=" + (options.last ?? "")) { return reason }
        case "notes":
            let writes: Set<String> = ["add", "append", "edit", "copy", "remove", "merge", "prune"]
            let greenlight = options.contains(where: { $0.hasPrefix("--re") && $0.contains("greenlight") })
                || zip(options, options.dropFirst()).contains { $0.hasPrefix("--re") && $1.contains("greenlight") }
            if greenlight, let verb = options.first(where: { writes.contains($0) }) {
                return "`git notes --ref=greenlight \(verb)` writes verdicts by hand; only the gate records them; \(advice)"
            }
        case "update-ref":
            if options.contains(where: { $0.contains("notes/greenlight") }) || options.contains("--stdin") {
                return "moving refs by hand (refs/notes/greenlight holds the verdicts) is refused; \(advice)"
            }
        case "fetch":
            if options.contains(where: { $0.contains("refs/notes/greenlight") && $0.hasPrefix("+") }) {
                return "force-fetching into refs/notes/greenlight rewrites the recorded verdicts; \(advice)"
            }
        default:
            break
        }
        return nil
    }

    /// Why a `key=value` git setting (from `-c`, `--config-env` or `git config`) is refused.
    static func configProblem(_ setting: String) -> String? {
        let key = String(setting.split(separator: "=", maxSplits: 1).first ?? "").lowercased()
        let value = setting.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        if key == "core.hookspath" { return "changing core.hooksPath turns greenlight's hooks off; \(advice)" }
        if key.hasPrefix("include") { return "including another configuration file can turn greenlight's hooks off; \(advice)" }
        if key == "core.notesref" || key.hasPrefix("notes.") { return "pointing git's notes at refs/notes/greenlight writes verdicts by hand; \(advice)" }
        if key.hasPrefix("alias."), value.contains("push") || value.contains("hooksPath") || value.hasPrefix("!") || value.contains("notes") {
            return "an alias can run what this guard refuses under another name; \(advice)"
        }
        return nil
    }

    static func isGitConfigVariable(_ name: String) -> Bool {
        environmentProblem(name) != nil
    }

    /// Whether `path` is greenlight's or guards it: its hooks and verdict cache under `.git`
    /// (`.git/hooks`, `.git/greenlight*`, `.git/refs/notes`, `.git/config`), a harness's settings,
    /// and the signing key. Compared case-insensitively, `.`/`..`/empty components folded.
    static func isProtected(_ path: String) -> Bool {
        var components: [String] = []
        for part in path.lowercased().split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", !components.isEmpty { components.removeLast(); continue }
            components.append(String(part))
        }
        for (index, component) in components.enumerated() {
            let next = index + 1 < components.count ? components[index + 1] : ""
            if component == ".git" || component.hasSuffix(".git") {
                if next.hasPrefix("hook") || next.hasPrefix("greenlight") || next == "config" || next == "refs" && components.dropFirst(index + 2).first == "notes" { return true }
            }
            if component == ".claude" && next.hasPrefix("settings") { return true }
            if component == ".codex" && next == "hooks.json" { return true }
            if component == "greenlight" && next == "signing-key" { return true }
            if component == ".husky" || component == ".githooks" { return true }
        }
        return false
    }

    /// A command that names a protected path and does more than read it.
    static func protectedPathWrite(_ command: String) -> String? {
        let lowered = command.lowercased()
        let markers = [".git/hook", ".git/greenlight", ".git/config", ".git/refs/notes", "git-path hooks", "hookspath", ".claude/settings",
                       ".codex/hooks", "greenlight/signing-key", ".husky", ".githooks", "disableallhooks"]
        guard markers.contains(where: lowered.contains) || lowered.replacingOccurrences(of: "//", with: "/").replacingOccurrences(of: "/./", with: "/") != lowered
            && markers.contains(where: lowered.replacingOccurrences(of: "//", with: "/").replacingOccurrences(of: "/./", with: "/").contains) else { return nil }
        if lowered.contains("greenlight/signing-key") { return "reading or changing greenlight's signing key lets verdicts be signed by hand; \(advice)" }
        let readers: Set<String> = ["cat", "ls", "head", "tail", "less", "more", "grep", "rg", "file", "stat", "wc", "diff", "sha256sum", "test", "[", "git"]
        let parsed = ShellWords.parse(command)
        let onlyReads = parsed.commands.allSatisfy { words in
            guard let program = words.first(where: { !$0.contains("=") }) else { return true }
            let name = (program as NSString).lastPathComponent
            let names = words.contains { word in markers.contains(where: word.lowercased().contains) || isProtected(word) }
            if name == "find" { return !words.contains { $0 == "-delete" || $0.hasPrefix("-exec") || $0.hasPrefix("-ok") || $0 == "-fprint" } }
            if name == "git" { return !words.contains { ["config", "update-ref", "notes", "rm", "mv", "apply", "checkout"].contains($0) } || words.contains("--get") }
            return readers.contains(name) || !names
        }
        let redirectsThere = parsed.redirectTargets.contains { target in markers.contains(where: target.lowercased().contains) || isProtected(target) }
        if onlyReads && !redirectsThere && !parsed.commands.contains(where: { $0.first.map { ($0 as NSString).lastPathComponent } == "xargs" }) { return nil }
        return "changing greenlight's hooks, configuration, verdicts or a harness's hook settings bypasses the gate; \(advice)"
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
/// and backslashes group words; `#` at the start of a word begins a comment; `>`/`<` redirections
/// are set apart (their targets noted); `$(…)` and backquoted text are read as command lines of
/// their own.
enum ShellWords {
    struct Parsed {
        var commands: [[String]] = []
        var redirectTargets: [String] = []
        var substitutions: [String] = []
        /// A pipeline feeds a shell (`… | bash`): what it runs cannot be read here.
        var pipesIntoShell = false
    }

    static func commands(_ line: String) -> [[String]] {
        let parsed = parse(line)
        return parsed.commands + parsed.substitutions.flatMap { commands($0) }
    }

    static func parse(_ line: String) -> Parsed {
        var parsed = Parsed()
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var redirect = false
        var afterPipe = false
        let chars = Array(line)
        var index = 0
        func endWord() {
            if inWord {
                if redirect { parsed.redirectTargets.append(word); redirect = false } else { words.append(word) }
            }
            word = ""
            inWord = false
        }
        func endCommand() {
            endWord()
            if afterPipe, let first = words.first(where: { !$0.contains("=") }), AgentGuard.shells.contains((first as NSString).lastPathComponent),
               !words.contains(where: { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("c") }) {
                parsed.pipesIntoShell = true
            }
            if !words.isEmpty { parsed.commands.append(words) }
            words = []
        }
        while index < chars.count {
            let c = chars[index]
            if let q = quote {
                if c == q { quote = nil }
                else if c == "\\", q == "\"", index + 1 < chars.count { index += 1; word.append(chars[index]) }
                else if c == "$", q == "\"", index + 1 < chars.count, chars[index + 1] == "(" {
                    index = substitution(chars, from: index + 1, into: &parsed)
                    word.append("$")
                } else { word.append(c) }
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
            case "#" where !inWord:
                // A comment runs to the end of the line.
                while index + 1 < chars.count, chars[index + 1] != "\n" { index += 1 }
            case ">", "<":
                endWord()
                redirect = true
                while index + 1 < chars.count, [">", "&", "|"].contains(chars[index + 1]) { index += 1 }
                if c == "<", index + 1 < chars.count, chars[index + 1] == "<" { index += 1 }
            case "|":
                endCommand()
                afterPipe = !(index + 1 < chars.count && chars[index + 1] == "|")
                if !afterPipe { index += 1 }
                index += 1
                continue
            case "\n", ";", "&", "(", ")":
                endCommand()
                afterPipe = false
            case "`":
                var inner = ""
                var cursor = index + 1
                while cursor < chars.count, chars[cursor] != "`" { inner.append(chars[cursor]); cursor += 1 }
                parsed.substitutions.append(inner)
                word.append("`")
                inWord = true
                index = cursor
            case "$" where index + 1 < chars.count && chars[index + 1] == "(":
                index = substitution(chars, from: index + 1, into: &parsed)
                word.append("$")
                inWord = true
            default:
                word.append(c)
                inWord = true
            }
            index += 1
        }
        endCommand()
        return parsed
    }

    /// Reads the `(…)` starting at `open` (balanced), records its text, returns the index of its `)`.
    static func substitution(_ chars: [Character], from open: Int, into parsed: inout Parsed) -> Int {
        var depth = 0
        var inner = ""
        var cursor = open
        while cursor < chars.count {
            if chars[cursor] == "(" { depth += 1; if depth == 1 { cursor += 1; continue } }
            if chars[cursor] == ")" { depth -= 1; if depth == 0 { break } }
            inner.append(chars[cursor])
            cursor += 1
        }
        parsed.substitutions.append(inner)
        return cursor
    }
}
