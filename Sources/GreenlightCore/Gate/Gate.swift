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

    /// Which `.greenlight.yml` this gate's definition came from; every record says so.
    public var definitionSource: DefinitionSource = .worktree
    /// What the fast path's definition file is stamped with (`GateDefinition.fastPathStamp`);
    /// `nil` when it must not be written (a definition the hook would not use).
    public var fastPathStamp: FastPathStamp?
    /// The bytes of the `.greenlight.yml` the definition was read from (see `GateDefinition.bytes`).
    public var definitionBytes: Data?
    /// The repository's trusted keys (`GateDefinition.trustedKeys`; this user's own key is not among them).
    public var trustedKeys = TrustedKeys()
    /// The ref the definition was read from (`GateDefinition.trustedRef`); `nil` for the worktree's.
    public var trustedRef: String?

    /// The standard gate (`GateContext.standard`) for `config`, trusting `trustedKeys` and this
    /// user's key (`signer`; by default the key at its default place, created on first use).
    public init(tiers: TierContext, config: GateConfig, trustedKeys: TrustedKeys = TrustedKeys(),
                signer: (signer: VerdictSigner?, warning: String?)? = nil) {
        self.init(context: .standard(tiers: tiers, config: config, trustedKeys: trustedKeys, signer: signer), config: config)
        self.trustedKeys = trustedKeys
    }

    /// Loads the gate definition (`GateDefinition.load`: the trusted ref's `.greenlight.yml`
    /// unless `choice` is `.worktree`) and makes the standard gate; prints the definition's
    /// notice, if any, as one warning line. Writes nothing.
    /// - Parameter remote: the remote being pushed to, whose default branch is trusted.
    /// - Throws: `ConfigError` naming file, line and key; `GitError`; `GateError` (`cannotSign`) when
    ///   the repository trusts keys and this user's key cannot sign.
    /// - Parameter announce: print the definition's notice (a detached run leaves that to its caller).
    public static func load(tiers: TierContext, choice: DefinitionSource = .trusted, remote: String? = nil, announce: Bool = true) throws -> Gate {
        let definition = try GateDefinition.load(repository: tiers.repository, choice: choice, remote: remote)
        if announce, let notice = definition.notice { tiers.progress.warning(notice) }
        return try make(tiers: tiers, definition: definition)
    }

    /// The standard gate for a definition already loaded (a detached run keys itself by it, so
    /// the run and its key can never disagree). Prints nothing.
    /// - Throws: `GateError` (`cannotSign`) when the repository trusts keys and this user's key cannot sign.
    public static func make(tiers: TierContext, definition: GateDefinition) throws -> Gate {
        let local = VerdictSigner.local(environment: tiers.environment)
        // The repository trusts keys, so `verify` will ignore what this user records unsigned: say so now, not in CI.
        if local.signer == nil, !definition.trustedKeys.isEmpty, let reason = local.warning {
            throw GateError(kind: .cannotSign, message: "\(reason); \(definition.trustedKeys.sources.joined(separator: ", ")) lists the keys "
                + "verify trusts, so fix the key (see `greenlight doctor`) before checking")
        }
        var gate = Gate(tiers: tiers, config: definition.config, trustedKeys: definition.trustedKeys, signer: local)
        gate.definitionSource = definition.source
        gate.trustedRef = definition.trustedRef
        gate.fastPathStamp = definition.fastPathStamp
        gate.definitionBytes = definition.bytes
        return gate
    }

    /// The same gate with another verdict cache (a decorator of this one's, typically).
    public func with(cache: VerdictCache) -> Gate {
        var context = self.context
        context.cache = cache
        var gate = Gate(context: context, config: config)
        gate.definitionSource = definitionSource
        gate.fastPathStamp = fastPathStamp
        gate.definitionBytes = definitionBytes
        gate.trustedKeys = trustedKeys
        gate.trustedRef = trustedRef
        return gate
    }

    /// Runs (or reads from the notes) every selected tier for one commit and records each new verdict.
    /// - Throws: `GitError` (notes), `GateError` (nothing to check, interrupted),
    ///   `InternalError` (a digest that cannot be computed). Nothing is recorded for a tier that threw.
    public func check(_ options: CheckOptions) async throws -> GateResult {
        let commit = options.commit
        let cache = context.cache
        let progress = context.tiers.progress
        // Records earlier commands left to confirm first, so a lookup finds any that another writer replaced.
        try cache.confirmPending()
        // Every record written by this check, checked again at the end and left to confirm after
        // the settle time (see VerdictStore.handOver).
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
            if let passed = Self.notToRun(tier, digest: digest, configured: definition.isConfigured, after: results) {
                results.append(passed)
                continue
            }
            if options.useCache {
                let found = try await cache.lookup(commit: commit.commit, tier: tier, digest: digest)
                warnings += found.warnings
                found.warnings.forEach(progress.warning)
                if let record = found.record {
                    for warning in record.warnings ?? [] {
                        warnings.append(warning)
                        progress.warning(warning)
                    }
                    progress.tierCached(tier: tier, record: record)
                    results.append(TierResult(tier: tier, digest: digest, state: .cached(record)))
                    continue
                }
            }
            if context.tiers.processes.isStopped { try await interrupted(confirming: receipts) }
            let ran = await context.runner(for: tier).run(commit, definition: definition, digest: digest, keep: options.keep)
            if context.tiers.processes.isStopped { try await interrupted(confirming: receipts) }
            // Tracked files changed while the fast tier ran in the workspace: record nothing, for any tier.
            if let changed = ran.workspaceChanged { throw GateError(kind: .workspaceChanged, message: changed) }
            var record = ran.record(for: commit, digest: digest)
            record.definition = definitionSource
            // Kept in the record, so that every later reader of this verdict (a cached check, the
            // hook, `wait`, `status`) is told too.
            let shrunk = shrinkCheck(cache).warnings(for: record)
            record.warnings = shrunk.isEmpty ? nil : shrunk
            receipts.append(try cache.record(record, attestations: ran.attestations))
            for warning in ran.warnings + ran.steps.flatMap(\.warnings) + shrunk {
                warnings.append(warning)
                progress.warning(warning)
            }
            if config.notesPublish == .github, let problem = await GitHubStatuses(tiers: context.tiers).publish(record) {
                warnings.append(problem)
                progress.warning(problem)
            }
            results.append(TierResult(tier: tier, digest: digest, state: .ran(ran)))
        }
        // Before the fast path's files: a rewrite moves the notes tip they are stamped with.
        try await cache.confirm(receipts)
        warnings += recordForFastPath(commit.commit, rule: VerdictRule())
        return GateResult(commit: commit, tiers: results, warnings: warnings)
    }

    /// What the notes alone decide for `commit`: every configured tier has a counting verdict, or
    /// an earlier tier's counting `fail` decides; `nil` when a tier would have to run. Runs and
    /// records nothing.
    /// - Throws: `GitError` when the notes cannot be read; `InternalError` for an uncomputable digest.
    public func cachedResult(_ commit: ResolvedCommit) async throws -> GateResult? {
        var results: [TierResult] = []
        var warnings: [String] = []
        for tier in Tier.allCases {
            let definition = config.definition(of: tier)
            let digest = try definition.digest()
            if let passed = Self.notToRun(tier, digest: digest, configured: definition.isConfigured, after: results) {
                results.append(passed)
                continue
            }
            let found = try await context.cache.lookup(commit: commit.commit, tier: tier, digest: digest)
            warnings += found.warnings
            guard let record = found.record else { return nil }
            warnings += record.warnings ?? []
            results.append(TierResult(tier: tier, digest: digest, state: .cached(record)))
        }
        guard results.contains(where: { $0.verdict != nil }) else { return nil }
        return GateResult(commit: commit, tiers: results, warnings: warnings)
    }

    /// The result of a tier that is not run: not configured, or skipped because an earlier tier did
    /// not pass; `nil` when it is to be looked up or run.
    static func notToRun(_ tier: Tier, digest: String, configured: Bool, after results: [TierResult]) -> TierResult? {
        guard configured else { return TierResult(tier: tier, digest: digest, state: .notConfigured) }
        guard let blocking = results.first(where: { $0.verdict != nil && $0.verdict != .pass }) else { return nil }
        return TierResult(tier: tier, digest: digest, state: .skipped(reason: "the \(blocking.tier.rawValue) tier did not pass"))
    }

    /// Stops the check after a signal: what earlier tiers recorded is confirmed (it is a true
    /// verdict, and a rewrite must not lose it), then `GateError.interrupted` is thrown.
    private func interrupted(confirming receipts: [VerdictReceipt]) async throws -> Never {
        try await context.cache.confirm(receipts)
        throw GateError.interrupted()
    }

    /// The suite-shrink check against the last pass and the trusted ref's (when it resolves).
    private func shrinkCheck(_ cache: VerdictCache) -> SuiteShrinkCheck {
        let repository = context.tiers.repository
        let tip = trustedRef.flatMap { try? repository.resolve($0).commit }
        return SuiteShrinkCheck(repository: repository, cache: cache, trustedTip: tip)
    }

    /// Brings the fast path's files up to date with what the notes now say about `commit`.
    /// A failure only costs the fast path (it then hands the push to this binary): a warning.
    func recordForFastPath(_ commit: ObjectID, rule: VerdictRule) -> [String] {
        let fastPath = FastPathCache(repository: context.tiers.repository)
        do {
            if let stamp = fastPathStamp { try fastPath.writeDefinition(config, stamp: stamp) }
            try fastPath.writeCommit(commit, config: config, rule: rule, records: context.cache.countingRecords(for:))
            return []
        } catch {
            let warning = "the fast path's cache was not updated (pushes will take the full check): \(error)"
            context.tiers.progress.warning(warning)
            return [warning]
        }
    }
}
