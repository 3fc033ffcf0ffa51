import Foundation
import GreenlightCore
import Testing

/// The one rule of which verdict counts, pinned by a table.
@Suite("which verdict counts")
struct VerdictRuleTests {
    static let commit = ObjectID(hex: String(repeating: "c", count: 40))!
    static let other = ObjectID(hex: String(repeating: "d", count: 40))!
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A record `offset` seconds from `now`.
    static func record(_ verdict: Verdict, _ offset: TimeInterval, tier: Tier = .cleanRoom, digest: String = "d1",
                       commit: ObjectID = commit) -> VerdictRecord {
        let finished = now.addingTimeInterval(offset)
        return VerdictRecord(verdict: verdict, tier: tier, commit: commit, tree: commit, digest: digest, backend: "local",
                             startedAt: finished.addingTimeInterval(-1), finishedAt: finished, steps: [], summary: "\(verdict) at \(offset)")
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let records: [VerdictRecord]
        /// The expected winner's summary, `nil` for no winner.
        let winner: String?
        let suspicious: Int
        var testDescription: String { name }
    }

    static let table: [Row] = [
        Row(name: "nothing recorded", records: [], winner: nil, suspicious: 0),
        Row(name: "one pass", records: [record(.pass, -60)], winner: "pass at -60.0", suspicious: 0),
        Row(name: "a newer fail beats an older pass", records: [record(.pass, -60), record(.fail, -30)], winner: "fail at -30.0", suspicious: 0),
        Row(name: "line order means nothing", records: [record(.fail, -30), record(.pass, -60)], winner: "fail at -30.0", suspicious: 0),
        Row(name: "a newer pass beats an older fail", records: [record(.fail, -60), record(.pass, -30)], winner: "pass at -30.0", suspicious: 0),
        Row(name: "on a tie, fail wins", records: [record(.pass, -30), record(.fail, -30), record(.pass, -30)], winner: "fail at -30.0", suspicious: 0),
        Row(name: "errors never count", records: [record(.pass, -60), record(.error, -10)], winner: "pass at -60.0", suspicious: 0),
        Row(name: "only errors: no winner", records: [record(.error, -10)], winner: nil, suspicious: 0),
        Row(name: "other digests do not count", records: [record(.fail, -10, digest: "d0"), record(.pass, -60)], winner: "pass at -60.0", suspicious: 0),
        Row(name: "other tiers do not count", records: [record(.fail, -10, tier: .fast), record(.pass, -60)], winner: "pass at -60.0", suspicious: 0),
        Row(name: "a record copied from another commit does not count", records: [record(.pass, -10, commit: other)], winner: nil, suspicious: 0),
        Row(name: "a future pass does not beat a local fail", records: [record(.fail, -60), record(.pass, 3600)], winner: "fail at -60.0", suspicious: 1),
        Row(name: "a future fail does not beat a local pass either", records: [record(.pass, -60), record(.fail, 3600)], winner: "pass at -60.0", suspicious: 1),
        Row(name: "within the tolerance is not the future", records: [record(.fail, -60), record(.pass, 120)], winner: "pass at 120.0", suspicious: 0),
        Row(name: "only future records: the newest rule applies among them", records: [record(.pass, 3600), record(.fail, 7200)], winner: "fail at 7200.0", suspicious: 2),
    ]

    @Test(arguments: table)
    func rule(_ row: Row) {
        let decision = VerdictRule(now: Self.now).decide(row.records, commit: Self.commit, tier: .cleanRoom, digest: "d1")
        #expect(decision.winner?.summary == row.winner)
        #expect(decision.suspicious.count == row.suspicious)
        #expect(decision.warnings.count == row.suspicious)
        #expect(decision.passed == (row.winner?.hasPrefix("pass") == true))
    }
}
