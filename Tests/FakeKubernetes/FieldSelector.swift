import Foundation

/// A `fieldSelector` query parameter: `metadata.name=x,metadata.namespace!=y` (also `==`); pods also
/// accept `status.phase` and `spec.nodeName`, as the real API server does.
struct FieldSelector: Sendable, Equatable {
    struct Requirement: Sendable, Equatable {
        let path: [String]
        let value: String
        let negated: Bool
    }

    let requirements: [Requirement]

    static let everything = FieldSelector(requirements: [])

    init(requirements: [Requirement]) { self.requirements = requirements }

    init(parsing text: String, resource: ResourceKind) throws(APIError) {
        var requirements: [Requirement] = []
        for clause in text.split(separator: ",") {
            let part = clause.trimmingCharacters(in: .whitespaces)
            if part.isEmpty { continue }
            let field: String
            let value: String
            let negated: Bool
            if let range = part.range(of: "!=") {
                (field, value, negated) = (String(part[..<range.lowerBound]), String(part[range.upperBound...]), true)
            } else if let range = part.range(of: "==") {
                (field, value, negated) = (String(part[..<range.lowerBound]), String(part[range.upperBound...]), false)
            } else if let range = part.range(of: "=") {
                (field, value, negated) = (String(part[..<range.lowerBound]), String(part[range.upperBound...]), false)
            } else {
                throw APIError.badRequest("invalid selector: '\(text)'; can't understand '\(part)'")
            }
            let supported = ["metadata.name", "metadata.namespace"]
                + (resource == .pods ? ["status.phase", "spec.nodeName", "spec.restartPolicy"] : [])
                + (resource == .jobs ? ["status.successful"] : [])
            let trimmedField = field.trimmingCharacters(in: .whitespaces)
            guard supported.contains(trimmedField) else {
                throw APIError.badRequest("field label not supported: \(trimmedField)")
            }
            requirements.append(Requirement(
                path: trimmedField.split(separator: ".").map(String.init),
                value: value.trimmingCharacters(in: .whitespaces), negated: negated))
        }
        self.requirements = requirements
    }

    func matches(_ object: JSONValue) -> Bool {
        requirements.allSatisfy { requirement in
            let actual: String
            if requirement.path == ["status", "successful"] {
                actual = String(object[path: ["status", "succeeded"]]?.intValue ?? 0)
            } else {
                let value = object[path: requirement.path]
                actual = value?.stringValue ?? value?.intValue.map(String.init) ?? ""
            }
            return (actual == requirement.value) != requirement.negated
        }
    }
}
