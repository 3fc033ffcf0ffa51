import Foundation

/// The ref whose `.greenlight.yml` defines the gate for pushes, pull requests and `verify`:
/// a coder controls the working tree and the commits they push, not the remote's default branch.
///
/// Resolution, first match wins:
/// 1. an explicit ref (`verify --trusted-ref`);
/// 2. git config `greenlight.trustedRef` in this repository's own config file (never the
///    working tree's `.greenlight.yml`, never the user's global config);
/// 3. the remote's default branch as git knows it, `refs/remotes/<remote>/HEAD` (set by
///    `git clone` or `git remote set-head <remote> --auto`);
/// 4. `refs/remotes/<remote>/main`.
public struct TrustedRef: Sendable, Equatable {
    /// The git config key of step 2.
    public static let configKey = "greenlight.trustedRef"

    /// The full name of the ref whose commit is read (`refs/remotes/origin/main`).
    public let name: String
    public let commit: ObjectID

    /// The outcome of a resolution: the ref, if any, and every ref consulted with its state
    /// (`Repository.referenceStamp`), in order, so a cache can tell when the answer would change.
    public struct Resolution: Sendable {
        public var ref: TrustedRef?
        public var consulted: [(name: String, stamp: String)]
        /// What was looked for, for messages: "refs/remotes/origin/HEAD or refs/remotes/origin/main".
        public var sought: String
        /// Whether the answer came from an explicit setting (the option or git config).
        public var explicit: Bool
    }

    /// Resolves the trusted ref for pushes to `remote` (`nil`: the current branch's push remote).
    /// - Throws: `ConfigError` when the explicit ref or `greenlight.trustedRef` names no ref
    ///   (never a silent fall-back to the working tree); `GitError` when refs cannot be read.
    public static func resolve(in repository: Repository, remote: String?, explicit: String? = nil) throws -> Resolution {
        if let explicit {
            return try named(explicit, in: repository, file: "greenlight verify", key: "--trusted-ref")
        }
        if let configured = try repository.localConfigString(configKey) {
            return try named(configured, in: repository, file: "git config", key: configKey)
        }
        let remoteName = try remote.flatMap { try repository.hasRemote($0) ? $0 : nil } ?? repository.pushRemote()
        let head = "refs/remotes/\(remoteName)/HEAD"
        let main = "refs/remotes/\(remoteName)/main"
        var consulted = [(name: head, stamp: try repository.referenceStamp(head))]
        if let target = try repository.symbolicTarget(head), let commit = try repository.referenceTarget(target) {
            consulted.append((target, try repository.referenceStamp(target)))
            return Resolution(ref: TrustedRef(name: target, commit: commit), consulted: consulted, sought: head, explicit: false)
        }
        consulted.append((main, try repository.referenceStamp(main)))
        let ref = try repository.referenceTarget(main).map { TrustedRef(name: main, commit: $0) }
        return Resolution(ref: ref, consulted: consulted, sought: "\(head) or \(main)", explicit: false)
    }

    private static func named(_ value: String, in repository: Repository, file: String, key: String) throws -> Resolution {
        guard let full = try repository.fullReferenceName(value), let commit = try repository.referenceTarget(full) else {
            throw ConfigError(file: file, line: nil, column: nil, key: key,
                              message: "'\(value)' names no ref here (fetch it, or name one such as refs/remotes/origin/main)")
        }
        return Resolution(ref: TrustedRef(name: full, commit: commit), consulted: [(full, try repository.referenceStamp(full))],
                          sought: full, explicit: true)
    }
}
