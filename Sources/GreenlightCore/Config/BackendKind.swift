/// Where the clean-room tier runs.
public enum BackendKind: String, Codable, Sendable, CaseIterable {
    /// The embedded default: a fresh checkout on this machine with a scrubbed environment.
    case local
    /// A Kubernetes Job on a node that has what the workspace lacks (a cluster, Docker, GPUs).
    case kubernetes
}
