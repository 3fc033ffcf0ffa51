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
    /// absolute, empty, leaves the cache or holds a control character (NUL would cut it short).
    public static func normalizedSubdirectory(_ subdirectory: String) -> String? {
        if subdirectory == "." { return "." }
        guard !subdirectory.hasPrefix("/"), !subdirectory.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else { return nil }
        let components = subdirectory.split(separator: "/")
        guard !components.isEmpty, !components.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        return components.joined(separator: "/")
    }

    /// The value of each variable when the cache's directory is `directory` (no trailing slash).
    public func environment(under directory: String) -> [String: String] {
        env.mapValues { $0 == "." ? directory : "\(directory)/\($0)" }
    }

    /// Why a cache may not set `variable`, or `nil`: the clean room sets it itself (HOME, TMPDIR,
    /// PATH, the locale and terminal it lets through, GREENLIGHT_*), or a loader, shell,
    /// interpreter, compiler or git would load code or settings from where it points (LD_*, GIT_*,
    /// BASH_ENV, PYTHONPATH, NODE_OPTIONS, GOROOT, RUSTC_WRAPPER, …): a cache is written by the code
    /// under test, so such a variable would run the last run's code. A denylist: the variables of
    /// the content-addressed caches `init` offers (GOMODCACHE, GOCACHE, PIP_CACHE_DIR, CARGO_HOME,
    /// npm_config_cache, XDG_CACHE_HOME) stay allowed.
    static func reservation(of variable: String) -> String? {
        let own = ["HOME", "TMPDIR", "PATH", "LANG", "TERM", "TZ", "USER", "LOGNAME"]
        if own.contains(variable) || variable.hasPrefix("LC_") || variable.hasPrefix("GREENLIGHT_") {
            return "\(variable) is set by the clean room itself; a cache cannot set it"
        }
        let loaders = ["BASH_ENV", "ENV", "IFS", "SHELLOPTS", "BASHOPTS", "PS4", "PROMPT_COMMAND", "CDPATH", "GCONV_PATH", "LOCPATH", "NLSPATH",
                       "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "PERL5LIB", "PERLLIB", "PERL5OPT", "RUBYLIB", "RUBYOPT",
                       "NODE_OPTIONS", "NODE_PATH", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH", "XDG_CONFIG_HOME",
                       "XDG_DATA_HOME", "XDG_CONFIG_DIRS", "XDG_DATA_DIRS", "GOFLAGS", "GOENV", "GOROOT", "GOTOOLCHAIN", "GOPATH", "CARGO_BUILD_RUSTC_WRAPPER",
                       "RUSTC_WRAPPER", "RUSTC", "CC", "CXX", "SWIFT_EXEC"]
        if variable.hasPrefix("LD_") || variable.hasPrefix("GIT_") || loaders.contains(variable) {
            return "\(variable) makes a loader, shell, interpreter, compiler or git read code or settings from where it points; a cache, which the code under test writes, cannot set it"
        }
        return nil
    }
}
