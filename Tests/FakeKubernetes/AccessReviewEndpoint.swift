import Foundation

/// `POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews`: answers `status.allowed` for the
/// requested `spec.resourceAttributes` from the same rules that produce 403s (``FaultPlan/forbid(verb:resource:)``).
struct AccessReviewEndpoint: Sendable {
    let faults: FaultPlan

    func review(body: [UInt8], user: String) throws(APIError) -> JSONValue {
        var review: JSONValue
        do {
            review = try JSONCodec.parse(body)
        } catch {
            throw APIError.badRequest("SelfSubjectAccessReview in version \"v1\" cannot be handled as a SelfSubjectAccessReview: \(error)")
        }
        guard review.isObject else { throw APIError.badRequest("SelfSubjectAccessReview must be a JSON object") }
        let attributes = review[path: ["spec", "resourceAttributes"]]
        let nonResource = review[path: ["spec", "nonResourceAttributes"]]
        guard (attributes == nil) != (nonResource == nil) else {
            throw APIError(
                code: 422, reason: "Invalid",
                message: "SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: "
                    + "\"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified",
                details: ["group": "authorization.k8s.io", "kind": "SelfSubjectAccessReview"])
        }
        review["kind"] = "SelfSubjectAccessReview"
        review["apiVersion"] = "authorization.k8s.io/v1"
        review["metadata"] = ["creationTimestamp": .null]
        var allowed = true
        if let attributes {
            let verb = attributes["verb"]?.stringValue ?? ""
            let resource = attributes["resource"]?.stringValue ?? ""
            let subresource = attributes["subresource"]?.stringValue ?? ""
            let resourcePath = subresource.isEmpty ? resource : "\(resource)/\(subresource)"
            let namespace = attributes["namespace"]?.stringValue
            allowed = !faults.isForbidden(verb: verb, resource: resourcePath, namespace: namespace?.isEmpty == false ? namespace : nil)
        }
        review["status"] = allowed
            ? ["allowed": true, "reason": .string("RBAC: allowed by RoleBinding \"greenlight\" of Role \"greenlight\" to User \"\(user)\"")]
            : ["allowed": false]
        return review
    }
}
