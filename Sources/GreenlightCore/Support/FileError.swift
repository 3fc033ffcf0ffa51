import Foundation

/// A file greenlight needed to read or write could not be: names the path and the reason.
public struct FileError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
    public var errorDescription: String? { description }
}
