/// One entry of `clean_room.caches`: a named store that outlives clean-room runs (a module or
/// build cache), so a fresh checkout need not start on a cold machine.
///
/// Each variable of `env` is set inside the clean room to `<cache mount>/<name>/<subdirectory>`:
/// on the local backend the cache's storage is bound read-write at `/clean-room/caches/<name>`;
/// on Kubernetes the sub-path `<name>` of `clean_room.kubernetes.cache_pvc` is mounted at
/// `/cache/<name>`. A cache is shared, writable state: the code under test can write into it,
/// so a verdict records which caches were mounted (README, "what greenlight does and does not
/// protect against").
public struct CacheDefinition: Equatable, Sendable {
    /// Letters, digits, '.', '_' and '-', at most 63 bytes, not starting with '.': a directory
    /// name and a Kubernetes sub-path.
    public var name: String
    /// Variable name → subdirectory of the cache (relative, no `.` or `..` components; `.` alone
    /// is the cache's own directory).
    public var env: [String: String]
    /// Where the contents live on this machine (absolute); `nil`: `<git common dir>/greenlight/caches/<name>`.
    /// Not part of the gate digest: it says where the store is, not what runs.
    public var path: String?

    public init(name: String, env: [String: String], path: String? = nil) {
        self.name = name
        self.env = env
        self.path = path
    }

    /// Whether `name` may name a cache (the rule of step names).
    public static func isValidName(_ name: String) -> Bool { StepName.isValid(name) }

    /// `subdirectory` as it is joined to the cache's directory: components without empty, `.`
    /// or `..` ones, joined with '/'; `"."` for the cache's own directory; `nil` when it is
    /// absolute, empty or leaves the cache.
    public static func normalizedSubdirectory(_ subdirectory: String) -> String? {
        if subdirectory == "." { return "." }
        guard !subdirectory.hasPrefix("/") else { return nil }
        let components = subdirectory.split(separator: "/")
        guard !components.isEmpty, !components.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        return components.joined(separator: "/")
    }

    /// The value of each variable when the cache's directory is `directory` (no trailing slash).
    public func environment(under directory: String) -> [String: String] {
        env.mapValues { $0 == "." ? directory : "\(directory)/\($0)" }
    }

    /// Variables a cache may not set: those the clean room itself sets.
    static func isReserved(_ variable: String) -> Bool {
        ["HOME", "TMPDIR", "PATH"].contains(variable) || variable.hasPrefix("GREENLIGHT_")
    }
}
