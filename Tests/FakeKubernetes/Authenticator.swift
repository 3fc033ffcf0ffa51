import Foundation

/// Who is calling: a verified client certificate (its CN) or an accepted bearer token. Authentication
/// is required when tokens are configured or client certificates are required; otherwise every request
/// is let in. The user name appears in Forbidden messages.
struct Authenticator: Sendable {
    let tokens: Set<String>
    let requireClientCertificate: Bool

    static let defaultUser = "greenlight-test"

    var isRequired: Bool { !tokens.isEmpty || requireClientCertificate }

    /// The user, or nil for 401 Unauthorized.
    func user(for request: APIRequest) -> String? {
        if let commonName = request.clientCertificateUser {
            return commonName.isEmpty ? Self.defaultUser : commonName
        }
        if let authorization = request.header("Authorization") {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let token = parts[1].trimmingCharacters(in: .whitespaces)
                if tokens.contains(token) { return Self.defaultUser }
                // A token that is not accepted is rejected outright once token authentication is on.
                return isRequired ? nil : Self.defaultUser
            }
            return isRequired ? nil : Self.defaultUser
        }
        return isRequired ? nil : Self.defaultUser
    }
}
