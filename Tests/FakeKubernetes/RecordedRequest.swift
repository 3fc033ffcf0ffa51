import Foundation

/// One request the server received (also those it rejected), for assertions in tests.
public struct RecordedRequest: Sendable {
    /// `GET`, `POST`, ...
    public let method: String
    /// The path without the query, e.g. `/apis/batch/v1/namespaces/ci/jobs`.
    public let path: String
    /// The raw query string without `?` (empty when there is none), e.g. `watch=true&resourceVersion=12`.
    public let query: String
    /// Every header as sent, in order.
    public let headers: [(String, String)]

    public init(method: String, path: String, query: String, headers: [(String, String)]) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// The first header with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}
