import Foundation

/// Turns an error status and its `Status` body into the message a user needs.
struct KubernetesErrorMapper {
    let connection: ClusterConnection

    func error(for call: APICall, status: Int, body: Data, attempts: Int) -> KubernetesError {
        let statusObject = try? JSONValue.parse(body)
        let serverMessage = statusObject?["message"]?.string ?? String(decoding: body.prefix(300), as: UTF8.self)
        let reason = statusObject?["reason"]?.string
        switch status {
        case 401:
            return KubernetesError(code: .unauthorized, status: status, call: call.description, message: """
                the API server at \(connection.server.absoluteString) rejected greenlight's credentials (401 Unauthorized) \
                when trying to \(call); check the user of \(connection.source) (expired token? wrong certificate?)
                """)
        case 403:
            return KubernetesError(code: .forbidden, status: status, call: call.description, message: """
                not allowed to \(call) (403 Forbidden): \(serverMessage). Grant the identity greenlight uses a Role \
                rule \(call.rbacRule) in namespace "\(call.namespace ?? connection.namespace)" (deploy/role.yaml has \
                every rule greenlight needs; `greenlight doctor` checks them)
                """)
        case 404:
            return KubernetesError(code: .notFound, status: status, call: call.description,
                                   message: "\(call): not found (404): \(serverMessage)")
        case 409:
            return KubernetesError(code: .conflict, status: status, call: call.description,
                                   message: "\(call): conflict (409): \(serverMessage)")
        case 410:
            return KubernetesError(code: .expired, status: status, call: call.description,
                                   message: "\(call): \(serverMessage) (410 \(reason ?? "Gone"))")
        case 422:
            let causes = statusObject?.at("details.causes")?.array?.compactMap { cause -> String? in
                let field = cause["field"]?.string.map { "\($0): " } ?? ""
                return cause["message"]?.string.map { field + $0 }
            } ?? []
            let detail = causes.isEmpty ? "" : " (causes: \(causes.joined(separator: "; ")))"
            return KubernetesError(code: .invalid, status: status, call: call.description,
                                   message: "\(call) was rejected as invalid (422): \(serverMessage)\(detail)")
        case 500...599:
            return KubernetesError(code: .serverError, status: status, call: call.description, message: """
                \(call) failed with \(status) \(reason ?? "server error") after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(serverMessage)
                """)
        default:
            return KubernetesError(code: .unexpectedStatus, status: status, call: call.description,
                                   message: "\(call): unexpected HTTP \(status): \(serverMessage)")
        }
    }
}
