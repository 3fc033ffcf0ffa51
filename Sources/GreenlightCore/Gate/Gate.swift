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

    /// `.greenlight.yml`'s stat taken before it was read (see `FastPathCache.configStamp`);
    /// `nil` when the configuration did not come from the working tree's file. Only then can
    /// the fast path's definition file be written.
    public var configStamp: String?

    /// Loads `.greenlight.yml` from the repository's working tree and makes the gate. Writes nothing.
    /// - Throws: `ConfigError` naming file, line and key.
    public static func load(context: GateContext) throws -> Gate {
        guard let root = context.repository.workingDirectory else {
            throw ConfigError(file: context.repository.gitDirectory.path, line: nil, column: nil, key: "",
                              message: "a bare repository has no .greenlight.yml; run greenlight in a working tree")
        }
        // Stamp first, read second: an edit after the stamp makes the stamp stale, never the reverse.
        let stamp = FastPathCache(repository: context.repository).configStamp()
        let config = try ConfigLoader().load(fromRoot: root)
        var gate = Gate(context: context, config: config)
        gate.configStamp = stamp
        return gate
    }

    /// Runs (or reads from the notes) every selected tier for one commit and records each new verdict.
    /// - Throws: `GitError` (notes, revision), `GateError` (nothing to check, interrupted),
    ///   `InternalError` (a digest that cannot be computed). Nothing is recorded for a tier that threw.
    public func check(_ options: CheckOptions) async throws -> GateResult {
        let commit = try context.repository.resolve(options.revision)
        let store = VerdictStore(repository: context.repository)
        let rule = VerdictRule()
        // Every record written by this check, confirmed once more at the end (see VerdictStore.confirm).
        var receipts: [VerdictReceipt] = []
        var warnings: [String] = []
        var results: [TierResult] = []
        let selected = options.tiers.tiers
        guard selected.contains(where: { config.definition(of: $0).isConfigured }) else {
            throw GateError(kind: .nothingToCheck,
                            message: "no steps to run: .greenlight.yml defines no \(selected.map { $0 == .fast ? "fast" : "clean_room" }.joined(separator: " or ")) steps")
        }

        for tier in selected {
            let definition = config.definition(of: tier)
            let digest = try definition.digest()
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
                var found = try store.cached(commit: commit.commit, tier: tier, digest: digest, rule: rule)
                if found.record == nil, tier == .cleanRoom, let refresh = context.refreshVerdicts {
                    // Another workspace may have run this clean room already: look at the remote's notes first.
                    let refreshWarnings = try refresh()
                    warnings += refreshWarnings
                    refreshWarnings.forEach(context.progress.warning)
                    found = try store.cached(commit: commit.commit, tier: tier, digest: digest, rule: rule)
                }
                warnings += found.warnings
                found.warnings.forEach(context.progress.warning)
                if let record = found.record {
                    context.progress.tierCached(tier: tier, record: record)
                    results.append(TierResult(tier: tier, digest: digest, state: .cached(record)))
                    continue
                }
            }
            let outcome = await run(tier, commit: commit, definition: definition, digest: digest, keep: options.keep)
            if context.processes.isStopped { throw GateError.interrupted() }
            // Tracked files changed while the fast tier ran in the workspace: record nothing, for any tier.
            if let changed = outcome.workspaceChanged { throw GateError(kind: .workspaceChanged, message: changed) }
            receipts.append(try store.append(outcome.record(for: commit, digest: digest)))
            results.append(TierResult(tier: tier, digest: digest, state: .ran(outcome)))
        }
        // Before the fast path's files: a rewrite moves the notes tip they are stamped with.
        try await store.confirm(receipts)
        warnings += recordForFastPath(commit.commit, rule: rule)
        return GateResult(commit: commit, tiers: results, warnings: warnings)
    }

    /// Brings the fast path's files up to date with what the notes now say about `commit`.
    /// A failure only costs the fast path (it then hands the push to this binary): a warning.
    func recordForFastPath(_ commit: ObjectID, rule: VerdictRule) -> [String] {
        let fastPath = FastPathCache(repository: context.repository)
        do {
            if let stamp = configStamp { try fastPath.writeDefinition(config, stamp: stamp) }
            try fastPath.writeCommit(commit, config: config, rule: rule)
            return []
        } catch {
            let warning = "the fast path's cache was not updated (pushes will take the full check): \(error)"
            context.progress.warning(warning)
            return [warning]
        }
    }

    private func run(_ tier: Tier, commit: ResolvedCommit, definition: TierDefinition, digest: String, keep: Bool) async -> TierOutcome {
        switch tier {
        case .fast:
            return await FastTierRunner(context: context).run(commit, definition: definition, digest: digest, keep: keep)
        case .cleanRoom:
            return await backend(for: definition).run(commit, definition: definition, digest: digest, keep: keep)
        }
    }

    private func backend(for definition: TierDefinition) -> CleanRoomBackend {
        switch definition.backend {
        case .local: LocalCleanRoom(context: context)
        case .kubernetes: KubernetesCleanRoom(context: context, settings: definition.kubernetes ?? KubernetesSettings(image: ""))
        }
    }
}
