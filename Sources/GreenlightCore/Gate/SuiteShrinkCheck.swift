import Foundation

/// Warns when a step runs markedly fewer tests than it did in an earlier pass under the same
/// tier definition: the trace of a coder who deleted or skipped tests to get green. Two earlier
/// passes are compared: the last one on the commit's first-parent ancestry, and the last one at
/// or below where the commit's history leaves the trusted ref (its merge base with the ref's
/// tip), so that a suite shrunk a little at a time on a branch is still caught against what the
/// trusted branch ran. Only counting records (signed, `VerdictCache`) are compared, by step name;
/// tests that ran are passed + failed (skipped ones did not run).
struct SuiteShrinkCheck {
    let repository: Repository
    let cache: VerdictCache
    /// The trusted ref's tip (`GateDefinition.trustedRef`), when there is one.
    var trustedTip: ObjectID? = nil
    /// A step whose tests that ran fall below this share of the earlier count is reported.
    var threshold = 0.9
    /// How many first-parent ancestors are searched for a pass.
    var depth = 200

    /// One warning per shrunken step of `record` ("the suite shrank from N to M tests"), none
    /// when no earlier pass under `record.digest` counted tests. Never throws: an unreadable
    /// ancestor ends the search.
    func warnings(for record: VerdictRecord) -> [String] {
        guard record.steps.contains(where: { $0.tests != nil }) else { return [] }
        var earlier: [(pass: VerdictRecord, what: String)] = []
        if let parent = try? repository.firstParent(of: record.commit), let last = lastPass(from: parent, like: record) {
            earlier.append((last, "the last pass under this gate"))
        }
        if let tip = trustedTip, let base = try? repository.mergeBase(record.commit, tip), base != record.commit,
           let trusted = lastPass(from: base, like: record), !earlier.contains(where: { $0.pass.commit == trusted.commit }) {
            earlier.append((trusted, "the last pass on the trusted branch"))
        }
        var out: [String] = []
        for step in record.steps {
            guard let now = step.tests else { continue }
            // The larger drop is the one to tell.
            let drops = earlier.compactMap { entry -> (before: Int, what: String, commit: ObjectID)? in
                guard let before = entry.pass.steps.first(where: { $0.name == step.name })?.tests,
                      before.ran > 0, Double(now.ran) < Double(before.ran) * threshold else { return nil }
                return (before.ran, entry.what, entry.pass.commit)
            }
            guard let worst = drops.max(by: { $0.before < $1.before }) else { continue }
            out.append("\(record.tier.rawValue) step '\(step.name)': the suite shrank from \(worst.before) to \(now.ran) tests "
                + "since \(worst.commit.short()), \(worst.what) (were tests deleted or skipped?)")
        }
        return out
    }

    /// The first counting pass of `record`'s tier and digest at `start` or on its first-parent ancestry.
    private func lastPass(from start: ObjectID, like record: VerdictRecord) -> VerdictRecord? {
        var commit: ObjectID? = start
        for _ in 0..<depth {
            guard let current = commit else { return nil }
            let records = (try? cache.countingRecords(for: current)) ?? []
            if let pass = records.first(where: { $0.tier == record.tier && $0.digest == record.digest && $0.verdict == .pass }) {
                return pass
            }
            commit = try? repository.firstParent(of: current)
        }
        return nil
    }
}
