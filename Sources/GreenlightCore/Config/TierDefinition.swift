import Foundation

/// What one tier runs and under which limits; its `digest` identifies it in verdicts.
public struct TierDefinition: Equatable, Sendable {
    public var tier: Tier
    public var steps: [StepDefinition]
    /// Run the steps at once (fast tier only; the clean room always runs them in order).
    public var parallel: Bool
    /// Stop the other steps when one fails.
    public var failFast: Bool
    /// Limit for the whole tier; exceeding it is an `error` (the gate could not decide).
    public var timeout: TimeInterval
    public var env: [String: String]
    /// Clean room only: names of workspace environment variables let through the scrub.
    public var passEnv: [String]
    /// Clean room only: where it runs, with that backend's settings.
    public var backend: BackendConfiguration

    public init(tier: Tier, steps: [StepDefinition] = [], parallel: Bool = true, failFast: Bool = false,
                timeout: TimeInterval = 30 * 60, env: [String: String] = [:], passEnv: [String] = [],
                backend: BackendConfiguration = .local) {
        self.tier = tier
        self.steps = steps
        self.parallel = parallel
        self.failFast = failFast
        self.timeout = timeout
        self.env = env
        self.passEnv = passEnv
        self.backend = backend
    }

    /// A tier without steps is not part of the gate.
    public var isConfigured: Bool { !steps.isEmpty }
}
