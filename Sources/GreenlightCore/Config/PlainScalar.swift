import Yams

/// YAML 1.2 core-schema typing of plain (unquoted) scalars, for a document composed
/// without Yams' regex-based resolver: `~`/`null`/empty, `true`/`false`, integers.
/// Quoted scalars are always strings.
enum PlainScalar {
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func bool(_ node: Node) -> Bool? {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    static func int(_ node: Node) -> Int? {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return nil }
        let text = scalar.string
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        return Int(text)
    }

    static func double(_ node: Node) -> Double? {
        guard case let .scalar(scalar) = node, scalar.style == .plain, int(node) == nil else { return nil }
        let text = scalar.string
        guard text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true else { return nil }
        return Double(text)
    }
}
