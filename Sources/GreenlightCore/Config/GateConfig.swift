import Foundation

/// The whole gate as `.greenlight.yml` defines it.
public struct GateConfig: Equatable, Sendable {
    /// The name greenlight looks for at the repository root.
    public static let fileName = ".greenlight.yml"
    /// Default per-step limit in the fast tier.
    public static let defaultFastStepTimeout: TimeInterval = 10 * 60
    /// Default limit for a whole tier.
    public static let defaultTierTimeout: TimeInterval = 30 * 60

    /// The refs the pre-push hook gates by default: branches, not tags or notes.
    public static let defaultPrePushRefs = ["refs/heads/*"]

    public var fast: TierDefinition
    public var cleanRoom: TierDefinition
    /// `hooks.pre_push.refs`: glob patterns of remote refs whose updates are gated.
    public var prePushRefs: [String]
    /// `notes.sync`: push verdict notes to the remote after a push, fetch them before a clean-room run.
    public var notesSync: Bool
    /// `notes.publish`: where each recorded verdict is also published (`github`: a commit status
    /// through `gh api`); `nil` publishes nowhere.
    public var notesPublish: NotesPublish?

    /// `notes.publish` values.
    public enum NotesPublish: String, Sendable, CaseIterable {
        case github
    }

    /// `hooks.pre_push.max_wait` (seconds, default 5 minutes): how long the pre-push hook waits for
    /// the gate (run detached, fast tier included) before it refuses the push and lets the run go
    /// on; 0 never waits. Git servers drop a silent SSH push after about 6 minutes.
    public var prePushMaxWait: TimeInterval = GateConfig.defaultPrePushMaxWait
    public static let defaultPrePushMaxWait: TimeInterval = 5 * 60

    public init(fast: TierDefinition, cleanRoom: TierDefinition,
                prePushRefs: [String] = GateConfig.defaultPrePushRefs, notesSync: Bool = true) {
        self.fast = fast
        self.cleanRoom = cleanRoom
        self.prePushRefs = prePushRefs
        self.notesSync = notesSync
    }

    /// The definition of one tier.
    public func definition(of tier: Tier) -> TierDefinition {
        switch tier {
        case .fast: fast
        case .cleanRoom: cleanRoom
        }
    }
}
