import Crypto
import Foundation

/// Which gate a run is: one commit under one gate definition. At most one run per key exists at a
/// time, across every worktree of the repository (`GateRunStore`'s lock).
public struct GateRunKey: Hashable, Sendable {
    public let commit: ObjectID
    /// SHA-256 (hex) over the digests of the configured tiers, in tier order.
    public let gateDigest: String

    public init(commit: ObjectID, gateDigest: String) {
        self.commit = commit
        self.gateDigest = gateDigest
    }

    /// The key of `commit` under `config`.
    /// - Throws: `InternalError` when a tier's digest cannot be computed.
    public init(commit: ObjectID, config: GateConfig) throws {
        var hasher = SHA256()
        for tier in Tier.allCases where config.definition(of: tier).isConfigured {
            hasher.update(data: Array("\(tier.rawValue) \(try config.definition(of: tier).digest())\n".utf8))
        }
        self.init(commit: commit, gateDigest: hasher.finalize().map { String(format: "%02x", $0) }.joined())
    }

    /// `<sha>-<gate digest, 12 hex>`: the run's file names.
    public var name: String { "\(commit.hex)-\(gateDigest.prefix(12))" }
}
