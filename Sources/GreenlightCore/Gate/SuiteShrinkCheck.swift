import Foundation

/// Warns when a step runs markedly fewer tests than it did in the last pass on the commit's
/// first-parent ancestry under the same tier definition: the trace of a coder who deleted or
/// skipped tests to get green. Only signed, counting records are compared (`VerdictCache`).
struct SuiteShrinkCheck {
    let repository: Repository
    let cache: VerdictCache
    /// A step whose tests that ran (passed + failed) fall below this share of the earlier count is reported.
    var threshold = 0.9
    /// How many first-parent ancestors are searched for the last pass.
    var depth = 200

    /// One warning per shrunken step of `record` ("the suite shrank from N to M tests"), none
    /// when no earlier pass under `record.digest` counted tests. Never throws: an unreadable
    /// ancestor ends the search.
    func warnings(for record: VerdictRecord) -> [String] {
        guard record.steps.contains(where: { $0.tests != nil }) else { return [] }
        var commit = try? repository.firstParent(of: record.commit)
        for _ in 0..<depth {
            guard let current = commit else { return [] }
            let earlier = (try? cache.countingRecords(for: current)) ?? []
            if let pass = earlier.first(where: { $0.tier == record.tier && $0.digest == record.digest && $0.verdict == .pass }) {
                return compare(record, with: pass)
            }
            commit = try? repository.firstParent(of: current)
        }
        return []
    }

    private func compare(_ record: VerdictRecord, with pass: VerdictRecord) -> [String] {
        var out: [String] = []
        for step in record.steps {
            guard let now = step.tests, let before = pass.steps.first(where: { $0.name == step.name })?.tests,
                  before.ran > 0, Double(now.ran) < Double(before.ran) * threshold else { continue }
            out.append("\(record.tier.rawValue) step '\(step.name)': the suite shrank from \(before.ran) to \(now.ran) tests "
                + "since \(pass.commit.short()), the last pass under this gate (were tests deleted or skipped?)")
        }
        return out
    }
}
