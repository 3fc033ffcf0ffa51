import Foundation

/// The user's `.greenlight.yml` is wrong: says which file, line, column and key, and what is wrong.
public struct ConfigError: Error, Equatable, Sendable {
    public let file: String
    public let line: Int?
    public let column: Int?
    /// Dotted path of the offending key (`fast.steps[1].timeout`), empty for the whole file.
    public let key: String
    public let message: String

    public init(file: String, line: Int?, column: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }
}

extension ConfigError: CustomStringConvertible, LocalizedError {
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let subject = key.isEmpty ? "" : "\(key): "
        return "\(location): \(subject)\(message)"
    }

    public var errorDescription: String? { description }
}
