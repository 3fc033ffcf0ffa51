import Foundation
import Yams

/// Typed access to YAML nodes that turns every mismatch into a `ConfigError` at the node's line.
struct NodeReader {
    let file: String

    func error(_ node: Node, key: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, column: node.mark?.column, key: key, message: message)
    }

    /// A mapping whose keys must all be in `allowed`.
    func mapping(_ node: Node, key: String, allowed: Set<String>) throws(ConfigError) -> [String: Node] {
        guard case let .mapping(mapping) = node else {
            throw error(node, key: key, "expected a mapping, found \(describe(node))")
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw error(keyNode, key: key, "keys must be strings") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard allowed.contains(name) else {
                throw error(keyNode, key: path, "unknown key; expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
            result[name] = value
        }
        return result
    }

    func sequence(_ node: Node, key: String) throws(ConfigError) -> [Node] {
        guard case let .sequence(sequence) = node else {
            throw error(node, key: key, "expected a list, found \(describe(node))")
        }
        return Array(sequence)
    }

    func string(_ node: Node, key: String) throws(ConfigError) -> String {
        guard case let .scalar(scalar) = node, !PlainScalar.isNull(node) else {
            throw error(node, key: key, "expected a string, found \(describe(node))")
        }
        return scalar.string
    }

    func bool(_ node: Node, key: String) throws(ConfigError) -> Bool {
        guard case .scalar = node, let value = PlainScalar.bool(node) else {
            throw error(node, key: key, "expected true or false, found \(describe(node))")
        }
        return value
    }

    func int(_ node: Node, key: String) throws(ConfigError) -> Int {
        guard case .scalar = node, let value = PlainScalar.int(node) else {
            throw error(node, key: key, "expected a whole number, found \(describe(node))")
        }
        return value
    }

    func duration(_ node: Node, key: String) throws(ConfigError) -> TimeInterval {
        guard case let .scalar(scalar) = node, let seconds = DurationParser.seconds(from: scalar.string) else {
            throw error(node, key: key, "expected a duration such as 30s, 10m or 1h30m (positive, finite, at most \(DurationParser.format(DurationParser.maximum))), found \(describe(node))")
        }
        return seconds
    }

    /// A mapping of environment variable names to string values.
    func environment(_ node: Node, key: String) throws(ConfigError) -> [String: String] {
        guard case let .mapping(mapping) = node else {
            throw error(node, key: key, "expected a mapping of NAME: value, found \(describe(node))")
        }
        var result: [String: String] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.string, EnvironmentName.isValid(name) else {
                throw error(keyNode, key: key, "'\(keyNode.string ?? "?")' is not an environment variable name")
            }
            guard case let .scalar(scalar) = value else {
                throw error(value, key: "\(key).\(name)", "expected a string value, found \(describe(value))")
            }
            result[name] = scalar.string
        }
        return result
    }

    /// Any YAML value as JSON (for Kubernetes fields passed through as they are).
    func json(_ node: Node, key: String) throws(ConfigError) -> JSONValue {
        switch node {
        case let .mapping(mapping):
            var object: [String: JSONValue] = [:]
            for (keyNode, value) in mapping {
                guard let name = keyNode.string else { throw error(keyNode, key: key, "keys must be strings") }
                object[name] = try json(value, key: "\(key).\(name)")
            }
            return .object(object)
        case let .sequence(sequence):
            var items: [JSONValue] = []
            for (index, item) in sequence.enumerated() { items.append(try json(item, key: "\(key)[\(index)]")) }
            return .array(items)
        case let .scalar(scalar):
            if PlainScalar.isNull(node) { return .null }
            if let value = PlainScalar.bool(node) { return .bool(value) }
            if let value = PlainScalar.int(node) { return .number(Double(value)) }
            if let value = PlainScalar.double(node) {
                guard value.isFinite else {
                    throw error(node, key: key, "'\(scalar.string)' is not a finite number; quote it if it is meant as a string")
                }
                return .number(value)
            }
            return .string(scalar.string)
        case .alias:
            throw error(node, key: key, "YAML aliases are not supported here")
        }
    }

    /// A mapping of strings to strings (labels, node selectors).
    func stringMap(_ node: Node, key: String) throws(ConfigError) -> [String: String] {
        guard case let .mapping(mapping) = node else {
            throw error(node, key: key, "expected a mapping, found \(describe(node))")
        }
        var result: [String: String] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw error(keyNode, key: key, "keys must be strings") }
            result[name] = try string(value, key: "\(key).\(name)")
        }
        return result
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(scalar):
            if PlainScalar.isNull(node) { return "null" }
            return "'\(scalar.string)'"
        }
    }
}
