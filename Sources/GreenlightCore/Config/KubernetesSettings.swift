import Foundation

/// `clean_room.kubernetes`: where and how the clean-room Job runs.
public struct KubernetesSettings: Equatable, Sendable {
    /// How exactly the commit reaches the Job before the branch is on the remote.
    public enum Transport: String, Sendable, CaseIterable {
        /// An incremental git bundle in a ConfigMap, applied on a clone of `clone_url`.
        case bundle
        /// The commit pushed to `refs/greenlight/<sha>` on the remote, deleted after the verdict.
        case ref
    }

    public var image: String
    public var kubeconfig: String?
    public var context: String?
    public var namespace: String?
    public var resources: JSONValue?
    public var nodeSelector: [String: String]
    public var tolerations: JSONValue?
    public var serviceAccount: String?
    public var automountServiceAccountToken: Bool
    /// A PersistentVolumeClaim mounted at /cache (module and build caches).
    public var cachePVC: String?
    /// Path (relative to the repository root) of a YAML overlay merged into the pod template.
    public var podTemplate: String?
    /// The overlay as loaded; part of the digest.
    public var podTemplateOverlay: JSONValue?
    public var transport: Transport
    public var remote: String
    /// Where the Job clones from; defaults to the URL of `remote`.
    public var cloneURL: String?
    /// A Secret with `.git-credentials` and/or `ssh-privatekey` for private remotes.
    public var gitSecret: String?
    public var scheduleTimeout: TimeInterval
    public var ttlSecondsAfterFinished: Int
    /// Whether greenlight waits for the attestor's signature after the Job ends (`required`), or
    /// copies it only when it is already there (`optional`). Not part of the digest: it changes
    /// how long greenlight waits, not what runs.
    public var attestation: AttestationMode
    /// How long (seconds) `required` waits for the attestor after the Job ended.
    public var attestationTimeout: TimeInterval
    /// The attestor's own namespace, where its signing key lives: `greenlight doctor` checks that
    /// this workspace's credentials can read nothing there.
    public var attestorNamespace: String

    /// `clean_room.kubernetes.attestation`.
    public enum AttestationMode: String, Sendable, CaseIterable {
        case optional
        case required
    }

    public init(image: String) {
        self.image = image
        nodeSelector = [:]
        automountServiceAccountToken = false
        transport = .bundle
        remote = "origin"
        scheduleTimeout = 10 * 60
        ttlSecondsAfterFinished = 3600
        attestation = .optional
        attestationTimeout = 60
        attestorNamespace = "greenlight-attestor"
    }
}
