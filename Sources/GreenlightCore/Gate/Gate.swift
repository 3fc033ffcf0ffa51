import Foundation

/// The gate: the fast tier, then the clean-room tier, each reused from the notes when a
/// `pass` or `fail` is recorded for this commit under this tier's digest, each recorded
/// in the notes as soon as it has a verdict.
public struct Gate: Sendable {
    public let context: GateContext
    public let config: GateConfig

    public init(context: GateContext, config: GateConfig) {
        self.context = context
        self.config = config
    }

    /// Loads `.greenlight.yml` from the repository's working tree and makes the gate.
    public static func load(context: GateContext) throws -> Gate {
        guard let root = context.repository.workingDirectory else {
            throw ConfigError(file: context.repository.gitDirectory.path, line: nil, column: nil, key: "",
                              message: "a bare repository has no .greenlight.yml; run greenlight in a working tree")
        }
        let config = try ConfigLoader().load(fromRoot: root)
        FastPathCache(repository: context.repository).recordDefinition(config)
        return Gate(context: context, config: config)
    }

    public func check(_ options: CheckOptions) async throws -> GateResult {
        let commit = try context.repository.resolve(options.revision)
        let store = VerdictStore(repository: context.repository)
        let fastPath = FastPathCache(repository: context.repository)
        var warnings: [String] = []
        var results: [TierResult] = []
        let selected = options.tiers.tiers
        guard selected.contains(where: { config.definition(of: $0).isConfigured }) else {
            throw GateError(kind: .nothingToCheck,
                            message: "no steps to run: .greenlight.yml defines no \(selected.map { $0 == .fast ? "fast" : "clean_room" }.joined(separator: " or ")) steps")
        }

        for tier in selected {
            let definition = config.definition(of: tier)
            let digest = definition.digest
            guard definition.isConfigured else {
                results.append(TierResult(tier: tier, digest: digest, state: .notConfigured))
                continue
            }
            if let blocking = results.first(where: { $0.verdict != nil && $0.verdict != .pass }) {
                results.append(TierResult(tier: tier, digest: digest,
                                          state: .skipped(reason: "the \(blocking.tier.rawValue) tier did not pass")))
                continue
            }
            if options.useCache {
                var found = try store.cached(commit: commit.commit, tier: tier, digest: digest)
                if found.record == nil, tier == .cleanRoom, let refresh = context.refreshVerdicts {
                    // Another workspace may have run this clean room already: look at the remote's notes first.
                    let refreshWarnings = try refresh()
                    warnings += refreshWarnings
                    refreshWarnings.forEach(context.progress.warning)
                    found = try store.cached(commit: commit.commit, tier: tier, digest: digest)
                }
                warnings += found.warnings
                found.warnings.forEach(context.progress.warning)
                if let record = found.record {
                    if record.verdict == .pass { fastPath.recordPass(commit: commit.commit, tier: tier, digest: digest) }
                    context.progress.tierCached(tier: tier, record: record)
                    results.append(TierResult(tier: tier, digest: digest, state: .cached(record)))
                    continue
                }
            }
            let outcome = await run(tier, commit: commit, definition: definition, keep: options.keep)
            if context.processes.isStopped { throw GateError.interrupted() }
            try store.append(outcome.record(for: commit, digest: digest))
            switch outcome.verdict {
            case .pass: fastPath.recordPass(commit: commit.commit, tier: tier, digest: digest)
            case .fail: fastPath.forgetPass(commit: commit.commit, tier: tier, digest: digest)
            case .error: break  // never cached: the older verdict still stands
            }
            results.append(TierResult(tier: tier, digest: digest, state: .ran(outcome)))
        }
        return GateResult(commit: commit, tiers: results, warnings: warnings)
    }

    private func run(_ tier: Tier, commit: ResolvedCommit, definition: TierDefinition, keep: Bool) async -> TierOutcome {
        switch tier {
        case .fast:
            return await FastTierRunner(context: context).run(commit, definition: definition, keep: keep)
        case .cleanRoom:
            return await backend(for: definition).run(commit, definition: definition, keep: keep)
        }
    }

    private func backend(for definition: TierDefinition) -> CleanRoomBackend {
        switch definition.backend {
        case .local: LocalCleanRoom(context: context)
        case .kubernetes: KubernetesCleanRoom(context: context, settings: definition.kubernetes ?? KubernetesSettings(image: ""))
        }
    }
}
