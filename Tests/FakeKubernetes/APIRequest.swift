import Foundation

/// A complete HTTP request as the API server handles it.
struct APIRequest: Sendable {
    let method: String
    /// Path without the query string, percent-encoded as sent.
    let path: String
    /// The raw query string (without `?`).
    let rawQuery: String
    let headers: [(String, String)]
    let body: [UInt8]
    /// The common name of a verified TLS client certificate, if one was presented.
    let clientCertificateUser: String?
    /// The body was larger than the server accepts (and was dropped).
    let bodyTooLarge: Bool

    /// Query parameters, decoded; for a repeated key the first value wins.
    var query: [String: String] {
        var result: [String: String] = [:]
        for pair in rawQuery.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(String(parts[0]))
            let value = parts.count > 1 ? Self.decode(String(parts[1])) : ""
            if result[key] == nil { result[key] = value }
        }
        return result
    }

    /// Path segments, percent-decoded, without empty ones.
    var segments: [String] {
        path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    private static func decode(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
