/// Where the clean-room tier runs, with that backend's settings inside: a Kubernetes
/// backend without its settings cannot be represented.
public enum BackendConfiguration: Equatable, Sendable {
    /// The embedded default: a fresh checkout on this machine with a scrubbed environment.
    case local
    /// A Kubernetes Job, configured by `clean_room.kubernetes`.
    case kubernetes(KubernetesSettings)

    /// The backend's name, as `clean_room.backend` spells it and verdict records carry it.
    public var kind: BackendKind {
        switch self {
        case .local: .local
        case .kubernetes: .kubernetes
        }
    }

    /// The Kubernetes settings, `nil` for the local backend.
    public var kubernetes: KubernetesSettings? {
        if case let .kubernetes(settings) = self { return settings }
        return nil
    }
}
