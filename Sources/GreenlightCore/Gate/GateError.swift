import Foundation

/// Why the gate stopped without a verdict of its own.
public struct GateError: Error, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// SIGINT, SIGTERM or SIGHUP: children were stopped; the tier that was running recorded
        /// nothing (an earlier tier's verdict, complete before the signal, stays recorded).
        case interrupted
        /// The selected tiers have no steps in the configuration.
        case nothingToCheck
        /// Tracked files changed while the fast tier ran in the workspace: nothing was recorded.
        case workspaceChanged
        /// The repository trusts keys, and this user's signing key cannot be read or made.
        case cannotSign
        /// A detached gate run ended without a verdict (cancelled, or it could not start).
        case detachedRunFailed
    }

    public let kind: Kind
    public let message: String

    public static func interrupted() -> GateError {
        GateError(kind: .interrupted, message: "interrupted: every running step was stopped; no tier that was stopped recorded a verdict")
    }
}

extension GateError: CustomStringConvertible, LocalizedError {
    public var description: String { message }
    public var errorDescription: String? { message }
}
