import Foundation

/// The resources this API server serves, with the names Kubernetes uses for them in paths, kinds and messages.
enum ResourceKind: String, Sendable, CaseIterable {
    case jobs
    case pods
    case configmaps
    case secrets

    /// The API group: `batch` for Jobs, the core group `""` for the rest.
    var group: String { self == .jobs ? "batch" : "" }
    var apiVersion: String { self == .jobs ? "batch/v1" : "v1" }

    var kind: String {
        switch self {
        case .jobs: return "Job"
        case .pods: return "Pod"
        case .configmaps: return "ConfigMap"
        case .secrets: return "Secret"
        }
    }

    var listKind: String { kind + "List" }

    /// `jobs.batch`, `pods`: how the API server names the resource in error messages.
    var qualifiedName: String { group.isEmpty ? rawValue : "\(rawValue).\(group)" }

    /// `Job.batch`, `ConfigMap`: how validation errors name the kind.
    var qualifiedKind: String { group.isEmpty ? kind : "\(kind).\(group)" }
}
