import Foundation

/// Kubernetes' name rules (RFC 1123 labels and subdomains) with the exact messages the API server uses.
enum NameValidation {
    static let subdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
        + "'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
        + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

    static func isSubdomain(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            let bytes = Array(part.utf8)
            guard let first = bytes.first, let last = bytes.last else { return false }
            func alnum(_ byte: UInt8) -> Bool {
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            }
            return alnum(first) && alnum(last) && bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") }
        }
    }

    /// The causes for an invalid object name (empty when it is fine).
    static func nameCauses(_ name: String, maximumLength: Int) -> [APIError.Cause] {
        if name.isEmpty {
            return [APIError.Cause(reason: "FieldValueRequired", field: "metadata.name",
                                   message: "Required value: name or generateName is required")]
        }
        var causes: [APIError.Cause] = []
        if !isSubdomain(name) {
            causes.append(APIError.Cause(reason: "FieldValueInvalid", field: "metadata.name",
                                         message: "Invalid value: \"\(name)\": \(subdomainMessage)"))
        }
        if name.utf8.count > maximumLength {
            causes.append(APIError.Cause(reason: "FieldValueInvalid", field: "metadata.name",
                                         message: "Invalid value: \"\(name)\": must be no more than \(maximumLength) characters"))
        }
        return causes
    }

    /// `metadata.generateName` plus five random characters, as the API server completes it.
    static func generatedName(_ prefix: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(prefix.prefix(58)) + String((0..<5).map { _ in alphabet.randomElement()! })
    }

    /// Checks the body's namespace against the path's and fills in name from generateName.
    static func prepareMetadata(_ object: inout JSONValue, namespace: String, resource: ResourceKind) throws(APIError) {
        guard object.isObject else {
            throw APIError.badRequest("\(resource.kind) in version \"v1\" cannot be handled as a \(resource.kind): "
                                      + "json: cannot unmarshal into Go value of type \(resource.group.isEmpty ? "core" : resource.group).\(resource.kind)")
        }
        if let kind = object["kind"]?.stringValue, !kind.isEmpty, kind != resource.kind {
            throw APIError.badRequest("\(resource.kind) in version \"v1\" cannot be handled as a \(resource.kind): "
                                      + "no kind \"\(kind)\" is registered for the resource \(resource.qualifiedName)")
        }
        if let bodyNamespace = object.namespace.nilIfEmpty, bodyNamespace != namespace {
            throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        if object.name.isEmpty, let prefix = object[path: ["metadata", "generateName"]]?.stringValue, !prefix.isEmpty {
            object[path: ["metadata", "name"]] = .string(generatedName(prefix))
        }
        if object["metadata"]?.isObject != true { object["metadata"] = .object([:]) }
        object[path: ["metadata", "resourceVersion"]] = nil
        object[path: ["metadata", "uid"]] = nil
        object[path: ["metadata", "creationTimestamp"]] = nil
        object[path: ["metadata", "deletionTimestamp"]] = nil
        object[path: ["metadata", "managedFields"]] = nil
    }
}
