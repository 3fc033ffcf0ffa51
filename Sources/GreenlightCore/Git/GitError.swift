import CLibGit2

/// A failed libgit2 call: which function failed, its return code and the
/// message `git_error_last()` held on the same thread right after the call.
public struct GitError: Error, Equatable, Sendable {
    /// The libgit2 function (or greenlight operation) that failed.
    public let call: String
    /// libgit2's return code (`GIT_ENOTFOUND`, ...), or -1 for greenlight's own checks.
    public let code: Int32
    /// What libgit2 said.
    public let message: String

    public init(call: String, code: Int32, message: String) {
        self.call = call
        self.code = code
        self.message = message
    }

    /// Reads `git_error_last()` now; call only in the synchronous function that made the failing call.
    static func last(call: String, code: Int32) -> GitError {
        var text = "unknown libgit2 error"
        if let error = git_error_last(), let message = error.pointee.message {
            text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return GitError(call: call, code: code, message: text)
    }

    /// Whether libgit2 reported that the object or reference does not exist.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
}

extension GitError: CustomStringConvertible, LocalizedError {
    public var description: String { "git: \(message) (\(call))" }
    public var errorDescription: String? { description }
}

import Foundation

/// Runs a libgit2 call and turns a negative return into a `GitError` read on the same thread.
@discardableResult
func gitCheck(_ call: String, _ result: Int32) throws(GitError) -> Int32 {
    if result < 0 { throw GitError.last(call: call, code: result) }
    return result
}
