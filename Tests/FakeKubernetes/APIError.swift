import Foundation

/// A failed API call as the API server reports it: an HTTP status and a `Status` object
/// (`{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",...}`).
struct APIError: Error, Sendable {
    let code: Int
    let reason: String
    let message: String
    var details: JSONValue?
    var headers: [(String, String)] = []

    var status: JSONValue {
        var object: JSONValue = [
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Failure",
            "message": .string(message), "reason": .string(reason), "code": .int(code),
        ]
        if let details { object["details"] = details }
        return object
    }

    static func details(name: String?, resource: ResourceKind?, kind: String? = nil) -> JSONValue {
        var details: JSONValue = .object([:])
        if let name, !name.isEmpty { details["name"] = .string(name) }
        if let resource, !resource.group.isEmpty { details["group"] = .string(resource.group) }
        if let kind { details["kind"] = .string(kind) } else if let resource { details["kind"] = .string(resource.rawValue) }
        return details
    }

    static func notFound(_ resource: ResourceKind, name: String) -> APIError {
        APIError(
            code: 404, reason: "NotFound", message: "\(resource.qualifiedName) \"\(name)\" not found",
            details: details(name: name, resource: resource))
    }

    static func alreadyExists(_ resource: ResourceKind, name: String) -> APIError {
        APIError(
            code: 409, reason: "AlreadyExists", message: "\(resource.qualifiedName) \"\(name)\" already exists",
            details: details(name: name, resource: resource))
    }

    static func conflict(_ resource: ResourceKind, name: String, message: String) -> APIError {
        APIError(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(resource.qualifiedName) \"\(name)\": \(message)",
            details: details(name: name, resource: resource))
    }

    /// One field error of a 422 Invalid response.
    struct Cause: Sendable {
        let reason: String
        let field: String
        let message: String
    }

    static func invalid(_ resource: ResourceKind, name: String, causes: [Cause]) -> APIError {
        let summary = causes.map { "\($0.field): \($0.message)" }
        let joined = summary.count == 1 ? summary[0] : "[" + summary.joined(separator: ", ") + "]"
        var details = details(name: name, resource: resource, kind: resource.kind)
        details["causes"] = .array(causes.map {
            ["reason": .string($0.reason), "message": .string($0.message), "field": .string($0.field)]
        })
        return APIError(
            code: 422, reason: "Invalid", message: "\(resource.qualifiedKind) \"\(name)\" is invalid: \(joined)",
            details: details)
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message)
    }

    static func forbidden(user: String, verb: String, resource: ResourceKind, subresource: String?, name: String?,
                          namespace: String?) -> APIError
    {
        let resourcePath = subresource.map { "\(resource.rawValue)/\($0)" } ?? resource.rawValue
        let subject = name.map { "\(resource.qualifiedName) \"\($0)\"" } ?? resource.qualifiedName
        let scope = namespace.map { " in the namespace \"\($0)\"" } ?? " at the cluster scope"
        let message = "\(subject) is forbidden: User \"\(user)\" cannot \(verb) resource \"\(resourcePath)\" "
            + "in API group \"\(resource.group)\"\(scope)"
        return APIError(code: 403, reason: "Forbidden", message: message,
                        details: details(name: name, resource: resource, kind: resource.rawValue))
    }

    static let unauthorized = APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")

    static let pathNotFound = APIError(
        code: 404, reason: "NotFound", message: "the server could not find the requested resource", details: .object([:]))

    static let methodNotAllowed = APIError(
        code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource",
        details: .object([:]))

    /// The error an injected fault produces for a given HTTP status.
    static func injected(status: Int) -> APIError {
        switch status {
        case 400: return badRequest("the server rejected our request for an unknown reason")
        case 401: return unauthorized
        case 403: return APIError(code: 403, reason: "Forbidden", message: "forbidden: injected fault")
        case 404: return pathNotFound
        case 409: return APIError(code: 409, reason: "Conflict", message: "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again")
        case 410: return APIError(code: 410, reason: "Expired", message: "too old resource version")
        case 429:
            return APIError(code: 429, reason: "TooManyRequests",
                            message: "the server has received too many requests and has asked us to try again later",
                            details: ["retryAfterSeconds": 1], headers: [("Retry-After", "1")])
        case 500: return APIError(code: 500, reason: "InternalError", message: "Internal error occurred: etcdserver: leader changed",
                                  details: ["causes": [["message": "etcdserver: leader changed"]]])
        case 502: return APIError(code: 502, reason: "InternalError", message: "Internal error occurred: bad gateway")
        case 503:
            return APIError(code: 503, reason: "ServiceUnavailable", message: "the server is currently unable to handle the request",
                            details: ["retryAfterSeconds": 1], headers: [("Retry-After", "1")])
        case 504:
            return APIError(code: 504, reason: "Timeout",
                            message: "the server was unable to return a response in the time allotted, but may still be processing the request")
        default:
            return APIError(code: status, reason: status >= 500 ? "InternalError" : "BadRequest",
                            message: "Internal error occurred: injected fault (HTTP \(status))")
        }
    }

    /// `too old resource version: 5 (1042)`.
    static func gone(requested: Int, oldest: Int) -> APIError {
        APIError(code: 410, reason: "Expired", message: "too old resource version: \(requested) (\(oldest))")
    }
}
