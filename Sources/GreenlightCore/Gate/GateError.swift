import Foundation

/// Why the gate stopped without a verdict of its own.
public struct GateError: Error, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// Ctrl-C or SIGTERM: children were stopped, nothing was recorded.
        case interrupted
        /// The selected tiers have no steps in the configuration.
        case nothingToCheck
        /// Tracked files changed while the fast tier ran in the workspace: nothing was recorded.
        case workspaceChanged
    }

    public let kind: Kind
    public let message: String

    public static func interrupted() -> GateError {
        GateError(kind: .interrupted, message: "interrupted: running steps were stopped and no verdict was recorded")
    }
}

extension GateError: CustomStringConvertible, LocalizedError {
    public var description: String { message }
    public var errorDescription: String? { message }
}
