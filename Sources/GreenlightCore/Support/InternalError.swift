import Foundation

/// A state greenlight's own code should never reach: a bug of ours, not a problem with the
/// user's input or machine (SwiftPM's `InternalError` has the same role). The command line
/// prints it as "internal error", asks for a report, and exits 2; nothing is recorded.
public struct InternalError: Error, Equatable, Sendable {
    /// What went wrong, in words a maintainer of greenlight can act on.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}

extension InternalError: CustomStringConvertible, LocalizedError {
    public var description: String {
        "internal error: \(message) (this is a bug in greenlight; please report it with the command you ran)"
    }

    public var errorDescription: String? { description }
}
