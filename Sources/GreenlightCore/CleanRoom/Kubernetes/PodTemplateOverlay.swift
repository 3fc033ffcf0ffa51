/// Merges a user's pod-template overlay into the rendered template, the way a strategic
/// merge patch treats pod fields: mappings merge key by key; `containers`,
/// `initContainers`, `volumes`, `volumeMounts`, `env` and `ports` merge by `name`
/// (a new name is appended, an existing one is merged); any other list or value replaces.
enum PodTemplateOverlay {
    private static let mergedByName: Set<String> = ["containers", "initContainers", "volumes", "volumeMounts", "env", "ports", "imagePullSecrets"]

    static func merge(_ overlay: JSONValue, into base: JSONValue, key: String? = nil) -> JSONValue {
        switch (base, overlay) {
        case let (.object(baseObject), .object(overlayObject)):
            var result = baseObject
            for (name, value) in overlayObject {
                result[name] = result[name].map { merge(value, into: $0, key: name) } ?? value
            }
            return .object(result)
        case let (.array(baseItems), .array(overlayItems)) where key.map(mergedByName.contains) == true:
            var result = baseItems
            for item in overlayItems {
                if let name = item["name"]?.string ?? item["mountPath"]?.string,
                   let index = result.firstIndex(where: { ($0["name"]?.string ?? $0["mountPath"]?.string) == name }) {
                    result[index] = merge(item, into: result[index])
                } else {
                    result.append(item)
                }
            }
            return .array(result)
        default:
            return overlay
        }
    }
}
