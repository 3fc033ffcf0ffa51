/// Which isolation a tier actually ran under, as every verdict record says (`"isolation"`).
public enum Isolation: String, Codable, Sendable {
    /// The local clean room, sealed by bubblewrap (https://github.com/containers/bubblewrap):
    /// own user, mount, PID and IPC namespaces; the checkout, its HOME and TMPDIR the only writable trees.
    case bwrap
    /// Not sealed: the fast tier (it runs in the workspace), or a clean room with `isolation: best-effort`
    /// on a machine without bubblewrap or unprivileged user namespaces.
    case unsealed = "none"
    /// A Kubernetes Job's pod: its own container, no credential (the checkout comes from an init container).
    case kubernetesPod = "kubernetes-pod"
}
