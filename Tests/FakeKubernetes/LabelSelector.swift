import Foundation

/// A `labelSelector` query parameter: comma-separated requirements, each `k=v`, `k==v`, `k!=v`,
/// `k in (a,b)`, `k notin (a,b)`, `k` (exists) or `!k` (does not exist), all of which must hold.
struct LabelSelector: Sendable, Equatable {
    enum Requirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)

        func matches(_ labels: [String: String]) -> Bool {
            switch self {
            case .equals(let key, let value): return labels[key] == value
            case .notEquals(let key, let value): return labels[key] != value
            case .isIn(let key, let values): return labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): return labels[key].map { !values.contains($0) } ?? true
            case .exists(let key): return labels[key] != nil
            case .doesNotExist(let key): return labels[key] == nil
            }
        }
    }

    let requirements: [Requirement]

    static let everything = LabelSelector(requirements: [])

    init(requirements: [Requirement]) { self.requirements = requirements }

    /// Parses the selector syntax; throws a 400 Status for what the API server would reject.
    init(parsing text: String) throws(APIError) {
        var requirements: [Requirement] = []
        for clause in Self.splitClauses(text) {
            let part = clause.trimmingCharacters(in: .whitespaces)
            if part.isEmpty { continue }
            requirements.append(try Self.parseRequirement(part, selector: text))
        }
        self.requirements = requirements
    }

    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    /// Splits on commas that are not inside parentheses.
    private static func splitClauses(_ text: String) -> [String] {
        var clauses: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1; current.append(character)
            case ")": depth -= 1; current.append(character)
            case "," where depth == 0: clauses.append(current); current = ""
            default: current.append(character)
            }
        }
        clauses.append(current)
        return clauses
    }

    private static func parseRequirement(_ part: String, selector: String) throws(APIError) -> Requirement {
        func invalid(_ why: String) -> APIError {
            .badRequest("unable to parse requirement: \(why)")
        }
        if let range = part.range(of: "!=") {
            let key = try validKey(String(part[..<range.lowerBound]), invalid)
            return .notEquals(key, try validValue(String(part[range.upperBound...]), invalid))
        }
        if let range = part.range(of: "==") {
            let key = try validKey(String(part[..<range.lowerBound]), invalid)
            return .equals(key, try validValue(String(part[range.upperBound...]), invalid))
        }
        if let range = part.range(of: "=") {
            let key = try validKey(String(part[..<range.lowerBound]), invalid)
            return .equals(key, try validValue(String(part[range.upperBound...]), invalid))
        }
        let words = part.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2 {
            let rest = words[1].trimmingCharacters(in: .whitespaces)
            let isNotIn = rest.hasPrefix("notin")
            let isIn = rest.hasPrefix("in")
            guard isIn || isNotIn else { throw invalid("found '\(rest)', expected: in, notin, =, ==, !=") }
            var list = rest.dropFirst(isNotIn ? 5 : 2).trimmingCharacters(in: .whitespaces)
            guard list.hasPrefix("("), list.hasSuffix(")") else {
                throw invalid("found '\(list)', expected: '('")
            }
            list = String(list.dropFirst().dropLast())
            var values = Set<String>()
            for value in list.split(separator: ",", omittingEmptySubsequences: false) {
                values.insert(try validValue(value.trimmingCharacters(in: .whitespaces), invalid))
            }
            let key = try validKey(words[0], invalid)
            return isNotIn ? .notIn(key, values) : .isIn(key, values)
        }
        if part.hasPrefix("!") {
            return .doesNotExist(try validKey(String(part.dropFirst()), invalid))
        }
        return .exists(try validKey(part, invalid))
    }

    private static func validKey(_ raw: String, _ invalid: (String) -> APIError) throws(APIError) -> String {
        let key = raw.trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
        guard !key.isEmpty, key.unicodeScalars.allSatisfy(allowed.contains) else {
            throw invalid("invalid label key \"\(key)\"")
        }
        return key
    }

    private static func validValue(_ raw: String, _ invalid: (String) -> APIError) throws(APIError) -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard value.count <= 63, value.unicodeScalars.allSatisfy(allowed.contains) else {
            throw invalid("invalid label value: \"\(value)\"")
        }
        return value
    }
}
