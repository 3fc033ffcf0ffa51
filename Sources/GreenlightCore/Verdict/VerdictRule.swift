import Foundation

/// The one rule of which verdict counts, used by `check`, `status`, `verify`, the pre-push
/// gate and the fast-path writer alike.
///
/// For one commit, tier and gate digest, the newest *decisive* record (`pass` or `fail`)
/// wins. "Newest" is by `finished_at`: line order means nothing, since notes from several
/// machines merge by sorted line union. On a tie `fail` wins. A record whose `finished_at`
/// lies more than `futureTolerance` seconds ahead of this machine's clock is reported as
/// suspicious and ranks below every record that is not: it wins only when nothing else
/// was recorded. `error` records never win (they say nothing about the code), and a
/// record whose `commit` is not the commit asked about (a line copied onto another
/// commit's note) is not considered at all.
public struct VerdictRule: Sendable {
    /// How far ahead of this machine's clock (in seconds) a `finished_at` may be before the record is suspicious.
    public static let futureTolerance: TimeInterval = 5 * 60

    /// This machine's clock, as read once for a decision.
    public let now: Date

    public init(now: Date = Date()) {
        self.now = now
    }

    /// What the rule decided for one commit, tier and digest.
    public struct Decision: Sendable {
        /// The record that counts; `nil` when no decisive record exists.
        public var winner: VerdictRecord?
        /// Decisive records dated in the future (they were considered last).
        public var suspicious: [VerdictRecord]
        /// One warning per suspicious record.
        public var warnings: [String]

        /// True only when the record that counts is a `pass`.
        public var passed: Bool { winner?.verdict == .pass }
    }

    /// Whether `record` is dated further in the future than the tolerance allows.
    public func isSuspicious(_ record: VerdictRecord) -> Bool {
        record.finishedAt.timeIntervalSince(now) > Self.futureTolerance
    }

    /// Applies the rule to `records` (any mix of commits, tiers and digests).
    public func decide(_ records: [VerdictRecord], commit: ObjectID, tier: Tier, digest: String) -> Decision {
        let candidates = records.filter {
            $0.commit == commit && $0.tier == tier && $0.digest == digest && $0.verdict.isCacheable
        }
        let suspicious = candidates.filter(isSuspicious)
        let trusted = candidates.filter { !isSuspicious($0) }
        let winner = Self.newest(trusted) ?? Self.newest(suspicious)
        let warnings = suspicious.map { record in
            "a \(record.verdict.rawValue) verdict for \(record.commit.short()) (\(record.tier.rawValue)) is dated "
                + "\(Timestamp.format(record.finishedAt)), in the future of this machine's clock: "
                + (trusted.isEmpty ? "it counts only because nothing else is recorded" : "ignored in favour of the other records")
        }
        return Decision(winner: winner, suspicious: suspicious, warnings: warnings)
    }

    /// The newest record; on equal `finished_at`, a `fail` outranks a `pass`.
    static func newest(_ records: [VerdictRecord]) -> VerdictRecord? {
        records.max { lhs, rhs in
            if lhs.finishedAt != rhs.finishedAt { return lhs.finishedAt < rhs.finishedAt }
            return lhs.verdict < rhs.verdict
        }
    }
}
