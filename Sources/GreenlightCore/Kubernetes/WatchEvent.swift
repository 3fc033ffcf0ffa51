/// One event of a Kubernetes watch stream.
public struct WatchEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED", bookmark = "BOOKMARK", error = "ERROR"
    }

    public let kind: Kind
    public let object: JSONValue

    public var resourceVersion: String? { object.at("metadata.resourceVersion")?.string }
}
