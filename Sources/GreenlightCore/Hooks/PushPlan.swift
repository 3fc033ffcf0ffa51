/// Which commits a push must have a pass for, and why every other updated ref goes through.
public struct PushPlan: Sendable {
    /// A commit to gate and the remote refs it would update.
    public struct GatedCommit: Equatable, Sendable {
        public let commit: ObjectID
        public var refs: [String]
    }

    /// A ref update that is not gated, and why.
    public struct Passed: Equatable, Sendable {
        public let ref: String
        public let reason: String
    }

    public private(set) var gated: [GatedCommit] = []
    public private(set) var passed: [Passed] = []
    /// Where each commit sits in `gated`: a push of tens of thousands of refs stays linear.
    private var gatedIndex: [ObjectID: Int] = [:]

    /// Decides for every updated ref: deletions and notes pass; refs outside `patterns` pass
    /// (tags are gated only when a pattern names them); each distinct commit is gated once,
    /// whether the ref is new, fast-forwarded or forced.
    public init(updates: [PushedRef], patterns: RefPattern) {
        for update in updates {
            if update.isDeletion {
                passed.append(Passed(ref: update.remoteRef, reason: "deletion"))
            } else if update.remoteRef.hasPrefix("refs/notes/") {
                passed.append(Passed(ref: update.remoteRef, reason: "notes are not gated"))
            } else if !patterns.matches(update.remoteRef) {
                passed.append(Passed(ref: update.remoteRef, reason: "not in hooks.pre_push.refs (\(patterns.patterns.joined(separator: ", ")))"))
            } else if let commit = ObjectID(hex: update.localSHA) {
                add(commit, ref: update.remoteRef)
            }
        }
    }

    /// A plan from commits already resolved (for `greenlight push`).
    public init(targets: [(commit: ObjectID, remoteRef: String)], patterns: RefPattern) {
        for target in targets {
            if target.remoteRef.hasPrefix("refs/notes/") {
                passed.append(Passed(ref: target.remoteRef, reason: "notes are not gated"))
            } else if !patterns.matches(target.remoteRef) {
                passed.append(Passed(ref: target.remoteRef, reason: "not in hooks.pre_push.refs (\(patterns.patterns.joined(separator: ", ")))"))
            } else {
                add(target.commit, ref: target.remoteRef)
            }
        }
    }

    private mutating func add(_ commit: ObjectID, ref: String) {
        if let index = gatedIndex[commit] {
            gated[index].refs.append(ref)
        } else {
            gatedIndex[commit] = gated.count
            gated.append(GatedCommit(commit: commit, refs: [ref]))
        }
    }
}
