import Foundation

/// `greenlight cancel` and `greenlight doctor`: the clean room outside a check.
public struct ClusterUseCase: Sendable {
    public let gate: Gate

    public init(gate: Gate) {
        self.gate = gate
    }

    /// Deletes the clean-room Job of `revision` and its pods.
    /// - Throws: `GitError` for an unknown revision; `KubernetesError` when the backend is
    ///   not Kubernetes or the API refuses.
    public func cancel(revision: String) async throws -> JobCanceller.Result {
        let commit = try gate.context.tiers.repository.resolve(revision)
        return try await JobCanceller(context: gate.context.tiers, definition: gate.config.cleanRoom).cancel(commit)
    }

    /// Every check of the clean room's setup, in order: the cluster's (Kubernetes), or whether
    /// this machine can seal the local clean room (`SandboxDoctor`); then this user's signing key.
    public func doctor() async -> [ClusterDoctor.Check] {
        let cleanRoom = switch gate.config.cleanRoom.backend {
        case let .kubernetes(settings): await ClusterDoctor(context: gate.context.tiers, settings: settings).run()
        case .local: [await SandboxDoctor(context: gate.context.tiers, definition: gate.config.cleanRoom).run()]
        }
        return cleanRoom + [signingKey()]
    }

    /// Whether this user's key can sign, and whether the repository's trusted keys list it (if
    /// they do not, `verify` in CI ignores this user's verdicts). Reads only: a missing key is made
    /// by the first check.
    func signingKey() -> ClusterDoctor.Check {
        let name = "signing key"
        let file = SigningKeyFile.at(nil, environment: gate.context.tiers.environment)
        guard FileManager.default.fileExists(atPath: file.url.path) else {
            return .init(name: name, ok: true, detail: "none yet at \(file.url.path); the first check makes one (or `greenlight keys init`)")
        }
        let key: SSHEd25519PublicKey
        do { key = SSHEd25519PublicKey(try file.load().publicKey) } catch {
            return .init(name: name, ok: false, detail: "\(error); verdicts are recorded unsigned until it is fixed")
        }
        let line = TrustedKey(role: .local, key: key).line
        let keys = gate.trustedKeys
        if keys.isEmpty {
            return .init(name: name, ok: true, detail: "\(key.keyID) at \(file.url.path); the repository trusts no keys yet "
                + "(no \(TrustedKeys.path) at the trusted ref), so verify checks nothing cryptographic; to trust this one, add: \(line)")
        }
        let sources = keys.sources.joined(separator: ", ")
        if let listed = keys.keys.first(where: { $0.key == key }) {
            return .init(name: name, ok: true, detail: "\(key.keyID) at \(file.url.path), trusted as \(listed.role.rawValue) by \(sources)")
        }
        return .init(name: name, ok: false, detail: "\(key.keyID) at \(file.url.path) is not in \(sources): greenlight verify ignores "
            + "verdicts it signs; a maintainer adds this line on the trusted branch: \(line)")
    }
}
