import Foundation
import Yams

/// Reads and validates `.greenlight.yml`. Every problem is a `ConfigError` with file, line and key;
/// nothing is defaulted silently except what the reference documents.
public struct ConfigLoader: Sendable {
    public init() {}

    /// No implicit typing by Yams: its rules are regular expressions compiled (with ICU) at
    /// first use, which costs more than the whole cached check. `PlainScalar` types values.
    private static let resolver = Resolver.basic

    /// Loads `.greenlight.yml` from the root of a working tree.
    /// - Throws: `ConfigError` naming file, line and key.
    public func load(fromRoot root: URL) throws(ConfigError) -> GateConfig {
        try load(from: WorkingTreeFiles(root: root))
    }

    /// Loads `.greenlight.yml` (and the files it names) from `files`.
    /// - Throws: `ConfigError` naming file, line and key; "no configuration file" when absent.
    public func load(from files: ConfigFiles) throws(ConfigError) -> GateConfig {
        guard let data = try files.read(GateConfig.fileName) else {
            throw ConfigError(file: files.name(GateConfig.fileName), line: nil, column: nil, key: "",
                              message: "no configuration file; run `greenlight init` to write a starter one")
        }
        return try parse(data, files: files)
    }

    /// Parses the bytes of `.greenlight.yml` as read from `files`.
    /// - Throws: `ConfigError` naming file, line and key.
    public func parse(_ data: Data, files: ConfigFiles) throws(ConfigError) -> GateConfig {
        let file = files.name(GateConfig.fileName)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: file, line: nil, column: nil, key: "", message: "not valid UTF-8")
        }
        var loader = self
        loader.files = files
        return try loader.parse(text, file: file)
    }

    /// Where files the configuration names (`pod_template`) are read from.
    var files: ConfigFiles?

    /// Parses configuration text; `file` names it in errors.
    public func parse(_ text: String, file: String) throws(ConfigError) -> GateConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Self.resolver)
        } catch let error as YamlError {
            throw Self.syntaxError(error, file: file)
        } catch {
            throw ConfigError(file: file, line: nil, column: nil, key: "", message: "cannot parse YAML: \(error)")
        }
        guard let root else {
            throw ConfigError(file: file, line: nil, column: nil, key: "", message: "the file is empty; it needs at least `fast.steps` or `clean_room.steps`")
        }
        let reader = NodeReader(file: file)
        let top = try reader.mapping(root, key: "", allowed: ["version", "fast", "clean_room", "hooks", "notes"])
        if let version = top["version"] {
            let number = try reader.int(version, key: "version")
            if number != 1 {
                throw reader.error(version, key: "version", "unsupported version \(number); this greenlight reads version 1")
            }
        }
        let fast = try top["fast"].map { node throws(ConfigError) in try parseTier(node, tier: .fast, reader: reader) }
            ?? TierDefinition(tier: .fast)
        let cleanRoom = try top["clean_room"].map { node throws(ConfigError) in try parseTier(node, tier: .cleanRoom, reader: reader) }
            ?? TierDefinition(tier: .cleanRoom, parallel: false, failFast: true)
        guard fast.isConfigured || cleanRoom.isConfigured else {
            throw reader.error(root, key: "", "no steps: define `fast.steps` or `clean_room.steps`")
        }
        var config = GateConfig(fast: fast, cleanRoom: cleanRoom)
        if let hooks = top["hooks"] {
            let hookFields = try reader.mapping(hooks, key: "hooks", allowed: ["pre_push"])
            if let prePush = hookFields["pre_push"] {
                let fields = try reader.mapping(prePush, key: "hooks.pre_push", allowed: ["refs", "max_wait"])
                if let wait = fields["max_wait"] {
                    // `0` (or 0s) means never wait: the gate is started and the push refused at once.
                    if case let .scalar(scalar) = wait, ["0", "0s"].contains(scalar.string) {
                        config.prePushMaxWait = 0
                    } else {
                        config.prePushMaxWait = try reader.duration(wait, key: "hooks.pre_push.max_wait")
                    }
                }
                if let refs = fields["refs"] {
                    config.prePushRefs = try reader.sequence(refs, key: "hooks.pre_push.refs").enumerated().map { (index, item) throws(ConfigError) in
                        let pattern = try reader.string(item, key: "hooks.pre_push.refs[\(index)]")
                        guard pattern.hasPrefix("refs/") else {
                            throw reader.error(item, key: "hooks.pre_push.refs[\(index)]", "'\(pattern)' must start with refs/ (e.g. refs/heads/*, refs/tags/v*)")
                        }
                        return pattern
                    }
                }
            }
        }
        if let notes = top["notes"] {
            let fields = try reader.mapping(notes, key: "notes", allowed: ["sync", "publish"])
            if let sync = fields["sync"] { config.notesSync = try reader.bool(sync, key: "notes.sync") }
            if let publish = fields["publish"] {
                let name = try reader.string(publish, key: "notes.publish")
                guard let value = GateConfig.NotesPublish(rawValue: name) else {
                    throw reader.error(publish, key: "notes.publish", "unknown place '\(name)'; known: \(GateConfig.NotesPublish.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.notesPublish = value
            }
        }
        return config
    }

    private func parseTier(_ node: Node, tier: Tier, reader: NodeReader) throws(ConfigError) -> TierDefinition {
        let prefix = tier == .fast ? "fast" : "clean_room"
        let allowed: Set<String> = tier == .fast
            ? ["parallel", "fail_fast", "timeout", "env", "steps"]
            : ["backend", "parallel", "fail_fast", "timeout", "env", "pass_env", "steps", "kubernetes", "isolation", "network", "mounts", "caches"]
        if tier == .fast, case let .mapping(mapping) = node, let cachesKey = mapping.keys.first(where: { $0.string == "caches" }) {
            throw reader.error(cachesKey, key: "fast.caches",
                               "caches apply to the clean room only: the fast tier runs in the workspace, with the workspace's own caches; move it to clean_room.caches")
        }
        let fields = try reader.mapping(node, key: prefix, allowed: allowed)
        var definition = TierDefinition(tier: tier, parallel: tier == .fast, failFast: tier == .cleanRoom)
        if let value = fields["parallel"] { definition.parallel = try reader.bool(value, key: "\(prefix).parallel") }
        if let value = fields["fail_fast"] { definition.failFast = try reader.bool(value, key: "\(prefix).fail_fast") }
        if let value = fields["timeout"] { definition.timeout = try reader.duration(value, key: "\(prefix).timeout") }
        if let value = fields["env"] { definition.env = try reader.environment(value, key: "\(prefix).env") }
        if let value = fields["pass_env"] {
            definition.passEnv = try reader.sequence(value, key: "\(prefix).pass_env").enumerated().map { (index, item) throws(ConfigError) in
                let name = try reader.string(item, key: "\(prefix).pass_env[\(index)]")
                guard EnvironmentName.isValid(name) else {
                    throw reader.error(item, key: "\(prefix).pass_env[\(index)]", "'\(name)' is not an environment variable name")
                }
                return name
            }
        }
        var kind = BackendKind.local
        if let value = fields["backend"] {
            let name = try reader.string(value, key: "\(prefix).backend")
            guard let backend = BackendKind(rawValue: name) else {
                throw reader.error(value, key: "\(prefix).backend",
                                   "unknown backend '\(name)'; known: \(BackendKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = backend
        }
        // Read (and so checked) even when the backend is local, so switching backends never meets a broken block.
        var kubernetes: KubernetesSettings?
        if let value = fields["kubernetes"] {
            kubernetes = try KubernetesSettingsReader(reader: reader, files: files).parse(value, key: "\(prefix).kubernetes")
        }
        if let value = fields["isolation"] {
            let name = try reader.string(value, key: "\(prefix).isolation")
            guard let mode = IsolationMode(rawValue: name) else {
                throw reader.error(value, key: "\(prefix).isolation",
                                   "unknown isolation '\(name)'; known: \(IsolationMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            definition.isolation = mode
        }
        if let value = fields["network"] { definition.network = try reader.bool(value, key: "\(prefix).network") }
        if let value = fields["mounts"] {
            definition.mounts = try reader.sequence(value, key: "\(prefix).mounts").enumerated().map { (index, item) throws(ConfigError) in
                let key = "\(prefix).mounts[\(index)]"
                let path = try reader.string(item, key: key)
                guard let normalized = SandboxMount.normalized(path) else {
                    throw reader.error(item, key: key, "'\(path)' must be an absolute path without '.' or '..' components, not /")
                }
                guard !SandboxMount.reserved(normalized) else {
                    throw reader.error(item, key: key, "'\(path)' would cover the clean room's own /clean-room, /proc, /dev or /tmp")
                }
                return normalized
            }
        }
        if let value = fields["caches"] {
            definition.caches = try CacheReader(reader: reader).parse(value, key: "\(prefix).caches", tierEnvironment: definition.env,
                                                                      passEnv: definition.passEnv, backend: kind, kubernetes: kubernetes)
        }
        if kind == .kubernetes {
            // The pod is the sealed room there; these settings shape the local sandbox only.
            for name in ["isolation", "network", "mounts"] {
                if let value = fields[name] {
                    throw reader.error(value, key: "\(prefix).\(name)",
                                       "applies to the local backend only (a Kubernetes pod is its own sandbox); remove it or use backend: local")
                }
            }
        }
        switch (kind, kubernetes) {
        case (.local, _): definition.backend = .local
        case let (.kubernetes, settings?): definition.backend = .kubernetes(settings)
        case (.kubernetes, nil):
            throw reader.error(node, key: "\(prefix).kubernetes", "missing: backend kubernetes needs at least `kubernetes.image`")
        }
        if let value = fields["steps"] {
            let items = try reader.sequence(value, key: "\(prefix).steps")
            var seen: [String: Int] = [:]
            for (index, item) in items.enumerated() {
                let step = try parseStep(item, key: "\(prefix).steps[\(index)]", tier: tier, reader: reader)
                if let first = seen[step.name] {
                    throw reader.error(item, key: "\(prefix).steps[\(index)].name",
                                       "duplicate step name '\(step.name)' (also \(prefix).steps[\(first)])")
                }
                seen[step.name] = index
                for cache in definition.caches {
                    if let variable = step.env.keys.sorted().first(where: { cache.env[$0] != nil }) {
                        throw reader.error(item, key: "\(prefix).steps[\(index)].env.\(variable)",
                                           "\(variable) is set by \(prefix).caches.\(cache.name); a step may not point it elsewhere")
                    }
                }
                if definition.parallel, tier == .fast {
                    // Steps that run at once in one directory cannot tell whose report a shared path holds.
                    for pattern in step.reports {
                        if let other = definition.steps.firstIndex(where: { $0.reports.contains(pattern) }) {
                            throw reader.error(item, key: "\(prefix).steps[\(index)].reports",
                                               "'\(pattern)' is also a report of \(prefix).steps[\(other)], and the tier runs its steps in parallel: give each step report paths of its own")
                        }
                    }
                }
                definition.steps.append(step)
            }
        }
        return definition
    }

    private func parseStep(_ node: Node, key: String, tier: Tier, reader: NodeReader) throws(ConfigError) -> StepDefinition {
        let fields = try reader.mapping(node, key: key, allowed: ["name", "run", "timeout", "env", "idle_timeout", "on_timeout", "reports", "allow_no_tests"])
        guard let nameNode = fields["name"] else { throw reader.error(node, key: "\(key).name", "missing (every step needs a name)") }
        let name = try reader.string(nameNode, key: "\(key).name")
        guard StepName.isValid(name) else {
            throw reader.error(nameNode, key: "\(key).name",
                               "'\(name)' is not a valid step name (letters, digits, '.', '_' and '-', at most 63)")
        }
        guard let runNode = fields["run"] else { throw reader.error(node, key: "\(key).run", "missing (the command to run)") }
        let run = try reader.string(runNode, key: "\(key).run")
        guard !run.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw reader.error(runNode, key: "\(key).run", "empty command")
        }
        var step = StepDefinition(name: name, run: run)
        if let value = fields["timeout"] {
            step.timeout = try reader.duration(value, key: "\(key).timeout")
        } else if tier == .fast {
            step.timeout = GateConfig.defaultFastStepTimeout
        }
        if let value = fields["env"] { step.env = try reader.environment(value, key: "\(key).env") }
        if let value = fields["idle_timeout"] { step.idleTimeout = try reader.duration(value, key: "\(key).idle_timeout") }
        if let value = fields["on_timeout"] {
            let text = try reader.string(value, key: "\(key).on_timeout")
            guard let action = TimeoutAction(rawValue: text) else {
                throw reader.error(value, key: "\(key).on_timeout", "'\(text)' is not one of: diagnose, kill")
            }
            step.onTimeout = action
        }
        if let value = fields["allow_no_tests"] { step.allowNoTests = try reader.bool(value, key: "\(key).allow_no_tests") }
        if let value = fields["reports"] {
            step.reports = try reader.sequence(value, key: "\(key).reports").enumerated().map { (index, item) throws(ConfigError) in
                let itemKey = "\(key).reports[\(index)]"
                let pattern = try reader.string(item, key: itemKey)
                if let problem = ReportPattern.problem(with: pattern) { throw reader.error(item, key: itemKey, problem) }
                return pattern
            }
        }
        return step
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return ConfigError(file: file, line: mark.line, column: mark.column, key: "", message: "YAML syntax error: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ConfigError(file: file, line: context.mark.line, column: context.mark.column, key: duplicates.joined(separator: ", "),
                               message: "key appears twice in the same mapping")
        default:
            return ConfigError(file: file, line: nil, column: nil, key: "", message: "YAML error: \(error)")
        }
    }
}
