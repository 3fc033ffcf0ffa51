import Foundation

/// What one tier runs and under which limits; its `digest` identifies it in verdicts.
public struct TierDefinition: Equatable, Sendable {
    public var tier: Tier
    public var steps: [StepDefinition]
    /// Run the steps at once. Fast tier: in the workspace, side by side (default true). Clean room
    /// (default false): each step in a sandbox and checkout of its own (local backend) or a Job of
    /// its own (Kubernetes); part of the clean room's digest, since steps in order share one checkout.
    public var parallel: Bool
    /// Stop the other steps when one fails (fast tier default false, clean room default true).
    public var failFast: Bool
    /// Limit for the whole tier; exceeding it is an `error` (the gate could not decide).
    public var timeout: TimeInterval
    public var env: [String: String]
    /// Clean room only: names of workspace environment variables let through the scrub.
    public var passEnv: [String]
    /// Clean room only: where it runs, with that backend's settings.
    public var backend: BackendConfiguration
    /// Clean room only (local backend): `required` (the default) or `best-effort` sealing.
    public var isolation: IsolationMode
    /// Clean room only (local backend): whether steps reach the network (default true: module downloads).
    public var network: Bool
    /// Clean room only (local backend): extra absolute host paths mounted read-only at the same
    /// path inside the sandbox (toolchains outside /usr), in the configured order.
    public var mounts: [String]
    /// Clean room only: `clean_room.caches`, sorted by name.
    public var caches: [CacheDefinition]

    public init(tier: Tier, steps: [StepDefinition] = [], parallel: Bool = true, failFast: Bool = false,
                timeout: TimeInterval = 30 * 60, env: [String: String] = [:], passEnv: [String] = [],
                backend: BackendConfiguration = .local, isolation: IsolationMode = .required, network: Bool = true,
                mounts: [String] = [], caches: [CacheDefinition] = []) {
        self.tier = tier
        self.steps = steps
        self.parallel = parallel
        self.failFast = failFast
        self.timeout = timeout
        self.env = env
        self.passEnv = passEnv
        self.backend = backend
        self.isolation = isolation
        self.network = network
        self.mounts = mounts
        self.caches = caches
    }

    /// A tier without steps is not part of the gate.
    public var isConfigured: Bool { !steps.isEmpty }
}
