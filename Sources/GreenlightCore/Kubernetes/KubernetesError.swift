import Foundation

/// A Kubernetes API call that failed, with the message a user can act on: which call,
/// what the API server said, and for 403 the RBAC rule that would allow it.
public struct KubernetesError: Error, Equatable, Sendable {
    /// Kinds of failure; compared with `==` in tests, extended without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public static let unauthorized = Code("unauthorized")
        public static let forbidden = Code("forbidden")
        public static let notFound = Code("notFound")
        public static let conflict = Code("conflict")
        public static let invalid = Code("invalid")
        public static let expired = Code("expired")
        public static let serverError = Code("serverError")
        public static let unexpectedStatus = Code("unexpectedStatus")
        public static let transport = Code("transport")
        public static let badResponse = Code("badResponse")
        public static let configuration = Code("configuration")
        public static let credentials = Code("credentials")
        public var description: String { name }
    }

    public let code: Code
    /// The HTTP status, 0 when none was received.
    public let status: Int
    /// `create jobs.batch in namespace ci`: the call in RBAC's words.
    public let call: String
    public let message: String

    public init(code: Code, status: Int, call: String, message: String) {
        self.code = code
        self.status = status
        self.call = call
        self.message = message
    }

    /// The Kubernetes Status reason (`AlreadyExists`, `Expired`, ...) when the body had one.
    public var isAlreadyExists: Bool { code == .conflict && message.contains("already exists") }
}

extension KubernetesError: CustomStringConvertible, LocalizedError {
    public var description: String { "kubernetes: \(message)" }
    public var errorDescription: String? { description }
}

/// The verb, resource and namespace of an API call, for messages and RBAC rules.
public struct APICall: Sendable, Equatable, CustomStringConvertible {
    public var verb: String
    /// API group (`batch`, `""` for core).
    public var group: String
    public var resource: String
    public var subresource: String?
    public var namespace: String?
    public var name: String?

    public init(verb: String, group: String, resource: String, subresource: String? = nil, namespace: String? = nil, name: String? = nil) {
        self.verb = verb
        self.group = group
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
    }

    public var description: String {
        let qualified = group.isEmpty ? resource : "\(resource).\(group)"
        let sub = subresource.map { "/\($0)" } ?? ""
        let target = name.map { " \"\($0)\"" } ?? ""
        let place = namespace.map { " in namespace \"\($0)\"" } ?? ""
        return "\(verb) \(qualified)\(sub)\(target)\(place)"
    }

    /// The Role rule that grants this call.
    public var rbacRule: String {
        let resources = subresource.map { "\(resource)/\($0)" } ?? resource
        return "{apiGroups: [\"\(group)\"], resources: [\"\(resources)\"], verbs: [\"\(verb)\"]}"
    }
}
