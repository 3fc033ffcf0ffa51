import Foundation

/// `POST`/`DELETE` on ConfigMaps (and `POST` on Secrets): key and size validation as the API server does it.
struct ConfigMapsEndpoint: Sendable {
    let store: ObjectStore

    /// ConfigMaps and Secrets may hold at most 1 MiB of data.
    static let maximumSize = 1_048_576

    static let keyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
        + "(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

    func create(_ resource: ResourceKind, namespace: String, body: [UInt8]) throws(APIError) -> JSONValue {
        var object: JSONValue
        do {
            object = try JSONCodec.parse(body)
        } catch {
            throw APIError.badRequest("\(resource.kind) in version \"v1\" cannot be handled as a \(resource.kind): \(error)")
        }
        try NameValidation.prepareMetadata(&object, namespace: namespace, resource: resource)
        let name = object.name
        var causes = NameValidation.nameCauses(name, maximumLength: 253)
        var size = 0
        let textField = resource == .secrets ? "stringData" : "data"
        let binaryField = resource == .secrets ? "data" : "binaryData"
        var textKeys: Set<String> = []
        for (key, value) in object[textField]?.objectValue ?? [:] {
            guard let text = value.stringValue else {
                throw APIError.badRequest("\(resource.kind) in version \"v1\" cannot be handled as a \(resource.kind): "
                                          + "json: cannot unmarshal into Go struct field \(resource.kind).\(textField) of type string")
            }
            causes += Self.keyCauses(key, field: textField)
            textKeys.insert(key)
            size += text.utf8.count
        }
        for (key, value) in object[binaryField]?.objectValue ?? [:] {
            guard let encoded = value.stringValue, let decoded = Data(base64Encoded: encoded) else {
                throw APIError.badRequest("\(resource.kind) in version \"v1\" cannot be handled as a \(resource.kind): "
                                          + "illegal base64 data at input byte 0")
            }
            causes += Self.keyCauses(key, field: binaryField)
            if resource == .configmaps, textKeys.contains(key) {
                causes.append(.init(reason: "FieldValueInvalid", field: "binaryData[\(key)]",
                                    message: "Invalid value: \"\(key)\": duplicate of key present in data"))
            }
            size += decoded.count
        }
        if size > Self.maximumSize {
            causes.append(.init(reason: "FieldValueTooLong", field: "[]",
                                message: "Too long: must have at most \(Self.maximumSize) bytes"))
        }
        guard causes.isEmpty else { throw APIError.invalid(resource, name: name, causes: causes) }
        if resource == .secrets {
            // stringData is write-only: folded into data, base64-encoded.
            var data = object["data"]?.objectValue ?? [:]
            for (key, value) in object["stringData"]?.objectValue ?? [:] {
                data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString())
            }
            object["data"] = .object(data)
            object["stringData"] = nil
            if object["type"] == nil { object["type"] = "Opaque" }
        }
        return try store.create(resource, namespace: namespace, object: object)
    }

    private static func keyCauses(_ key: String, field: String) -> [APIError.Cause] {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        var causes: [APIError.Cause] = []
        if key.isEmpty || !key.unicodeScalars.allSatisfy(allowed.contains) {
            causes.append(.init(reason: "FieldValueInvalid", field: "\(field)[\(key)]",
                                message: "Invalid value: \"\(key)\": \(keyMessage)"))
        } else if key == "." || key == ".." || key.hasPrefix("..") {
            causes.append(.init(reason: "FieldValueInvalid", field: "\(field)[\(key)]",
                                message: "Invalid value: \"\(key)\": must not be '.' or '..' or start with '..'"))
        }
        if key.utf8.count > 253 {
            causes.append(.init(reason: "FieldValueTooLong", field: "\(field)[\(key)]",
                                message: "Too long: must have at most 253 bytes"))
        }
        return causes
    }

    func delete(_ resource: ResourceKind, namespace: String, name: String, query: [String: String],
                body: [UInt8]) throws(APIError) -> JSONValue
    {
        guard let object = store.get(resource, namespace: namespace, name: name) else {
            throw APIError.notFound(resource, name: name)
        }
        let options = try DeleteOptions(query: query, body: body)
        try options.checkPreconditions(object, resource: resource)
        store.delete(resource, namespace: namespace, name: name)
        return DeleteOptions.success(name: name, resource: resource, uid: object.uid)
    }
}
