import Foundation

/// The options of a DELETE: `?propagationPolicy=` or a JSON `DeleteOptions` body
/// (`propagationPolicy`, `orphanDependents`, `preconditions`).
struct DeleteOptions: Sendable {
    var propagationPolicy: PropagationPolicy?
    var preconditionUID: String?
    var preconditionResourceVersion: String?

    init(query: [String: String], body: [UInt8]) throws(APIError) {
        var policyText = query["propagationPolicy"]
        if let orphan = query["orphanDependents"] {
            policyText = policyText ?? (orphan == "true" ? "Orphan" : "Background")
        }
        if !body.isEmpty, !body.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) {
            let options: JSONValue
            do {
                options = try JSONCodec.parse(body)
            } catch {
                throw APIError.badRequest("couldn't get version/kind; json parse error: \(error)")
            }
            if let text = options["propagationPolicy"]?.stringValue { policyText = policyText ?? text }
            if let orphan = options["orphanDependents"]?.boolValue { policyText = policyText ?? (orphan ? "Orphan" : "Background") }
            preconditionUID = options[path: ["preconditions", "uid"]]?.stringValue
            preconditionResourceVersion = options[path: ["preconditions", "resourceVersion"]]?.stringValue
        }
        if let policyText, !policyText.isEmpty {
            guard let policy = PropagationPolicy(rawValue: policyText) else {
                throw APIError(code: 422, reason: "Invalid",
                               message: "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: "
                                   + "\"\(policyText)\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"",
                               details: ["kind": "DeleteOptions", "group": "meta.k8s.io"])
            }
            propagationPolicy = policy
        }
    }

    func checkPreconditions(_ object: JSONValue, resource: ResourceKind) throws(APIError) {
        if let uid = preconditionUID, uid != object.uid {
            throw APIError.conflict(resource, name: object.name,
                                    message: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(object.uid)")
        }
        let current = object[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if let version = preconditionResourceVersion, version != current {
            throw APIError.conflict(resource, name: object.name,
                                    message: "Precondition failed: ResourceVersion in precondition: \(version), ResourceVersion in object meta: \(current)")
        }
    }

    /// The `Status` a DELETE returns when the object is gone at once.
    static func success(name: String, resource: ResourceKind, uid: String) -> JSONValue {
        var details = APIError.details(name: name, resource: resource)
        details["uid"] = .string(uid)
        return ["kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Success", "details": details]
    }
}
