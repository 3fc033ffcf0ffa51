import Foundation

/// Status conditions as Kubernetes writes them: `type`, `status`, `reason`, `message`, `lastProbeTime`,
/// `lastTransitionTime` (kept while the status stays the same).
enum Conditions {
    static func set(_ object: inout JSONValue, type: String, status: Bool, reason: String? = nil,
                    message: String? = nil)
    {
        var conditions = object[path: ["status", "conditions"]]?.arrayValue ?? []
        let statusText = status ? "True" : "False"
        var condition: JSONValue = [
            "type": .string(type), "status": .string(statusText), "lastProbeTime": .null,
            "lastTransitionTime": KubeTime.now(),
        ]
        if let reason { condition["reason"] = .string(reason) }
        if let message { condition["message"] = .string(message) }
        if let index = conditions.firstIndex(where: { $0["type"]?.stringValue == type }) {
            if conditions[index]["status"]?.stringValue == statusText {
                condition["lastTransitionTime"] = conditions[index]["lastTransitionTime"]
            }
            conditions[index] = condition
        } else {
            conditions.append(condition)
        }
        object[path: ["status", "conditions"]] = .array(conditions)
    }

    static func isTrue(_ object: JSONValue, type: String) -> Bool {
        (object[path: ["status", "conditions"]]?.arrayValue ?? [])
            .contains { $0["type"]?.stringValue == type && $0["status"]?.stringValue == "True" }
    }
}
