import Yams

/// Reads `clean_room.caches` (see `CacheDefinition`), refusing at the offending node whatever
/// would let a cache reach past its own directory or fight the clean room over a variable.
struct CacheReader {
    let reader: NodeReader

    /// - Parameters:
    ///   - tierEnvironment, passEnv: the tier's `env` and `pass_env`, which a cache's variables may not repeat.
    ///   - backend, kubernetes: on Kubernetes caches live on `cache_pvc`, and `path` has no meaning.
    /// - Throws: `ConfigError` at the node that is wrong.
    func parse(_ node: Node, key: String, tierEnvironment: [String: String], passEnv: [String],
               backend: BackendKind, kubernetes: KubernetesSettings?) throws(ConfigError) -> [CacheDefinition] {
        guard case let .mapping(mapping) = node else {
            throw reader.error(node, key: key, "expected a mapping of cache names to {env: {VARIABLE: subdirectory}, path: …}")
        }
        var caches: [CacheDefinition] = []
        var owners: [String: String] = [:]
        var paths: [String: String] = [:]
        for (nameNode, value) in mapping {
            guard let name = nameNode.string, CacheDefinition.isValidName(name) else {
                throw reader.error(nameNode, key: key, "'\(nameNode.string ?? "?")' is not a valid cache name (letters, digits, '.', '_' and '-', at most 63, not starting with '.')")
            }
            let cacheKey = "\(key).\(name)"
            let fields = try reader.mapping(value, key: cacheKey, allowed: ["env", "path"])
            guard let envNode = fields["env"] else {
                throw reader.error(value, key: "\(cacheKey).env", "missing: the variables that point tools at the cache, e.g. {GOMODCACHE: mod, GOCACHE: build}")
            }
            guard case let .mapping(variables) = envNode, !variables.isEmpty else {
                throw reader.error(envNode, key: "\(cacheKey).env", "expected a non-empty mapping of VARIABLE: subdirectory")
            }
            var env: [String: String] = [:]
            for (variableNode, subdirectoryNode) in variables {
                guard let variable = variableNode.string, EnvironmentName.isValid(variable) else {
                    throw reader.error(variableNode, key: "\(cacheKey).env", "'\(variableNode.string ?? "?")' is not an environment variable name")
                }
                let variableKey = "\(cacheKey).env.\(variable)"
                if let reservation = CacheDefinition.reservation(of: variable) {
                    throw reader.error(variableNode, key: variableKey, reservation)
                }
                if tierEnvironment[variable] != nil || passEnv.contains(variable) {
                    throw reader.error(variableNode, key: variableKey,
                                       "\(variable) is also in the clean room's \(tierEnvironment[variable] != nil ? "env" : "pass_env"); set it in one place")
                }
                if let other = owners[variable] {
                    throw reader.error(variableNode, key: variableKey, "\(variable) is also set by \(key).\(other)")
                }
                let subdirectory = try reader.string(subdirectoryNode, key: variableKey)
                guard let normalized = CacheDefinition.normalizedSubdirectory(subdirectory) else {
                    throw reader.error(subdirectoryNode, key: variableKey,
                                       "'\(LogExcerpt.printable(subdirectory))' must be a relative subdirectory of the cache without '.' or '..' components or control characters ('.' alone for the cache itself)")
                }
                owners[variable] = name
                env[variable] = normalized
            }
            var cache = CacheDefinition(name: name, env: env)
            if let pathNode = fields["path"] {
                let pathKey = "\(cacheKey).path"
                if backend == .kubernetes {
                    throw reader.error(pathNode, key: pathKey, "applies to the local backend only (on Kubernetes a cache is the sub-path '\(name)' of cache_pvc); remove it or use backend: local")
                }
                let text = try reader.string(pathNode, key: pathKey)
                guard let normalized = SandboxMount.normalized(text) else {
                    throw reader.error(pathNode, key: pathKey, "'\(text)' must be an absolute path without '.' or '..' components, not /")
                }
                if let other = paths[normalized] {
                    throw reader.error(pathNode, key: pathKey, "'\(normalized)' is also the path of \(key).\(other); caches do not share storage")
                }
                paths[normalized] = name
                cache.path = normalized
            }
            caches.append(cache)
        }
        if backend == .kubernetes, !caches.isEmpty, kubernetes?.cachePVC == nil {
            throw reader.error(node, key: key,
                               "on the Kubernetes backend caches live on a PersistentVolumeClaim (a sub-path per cache): set clean_room.kubernetes.cache_pvc")
        }
        return caches.sorted { $0.name < $1.name }
    }
}
