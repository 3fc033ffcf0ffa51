import Foundation

/// How long a gate usually takes here, from the verdicts recorded on the commits before this one.
public enum TypicalDuration {
    /// The median `duration_s` (seconds) of the decisive records of `tier` on up to `depth` first-parent
    /// ancestors of `commit` (the commit itself included); `nil` when none is recorded.
    public static func seconds(of tier: Tier, before commit: ObjectID, in repository: Repository, depth: Int = 30) -> TimeInterval? {
        let store = VerdictStore(repository: repository)
        var durations: [Double] = []
        var current: ObjectID? = commit
        for _ in 0..<depth {
            guard let next = current else { break }
            let records = (try? store.records(for: next).records) ?? []
            durations += records.filter { $0.tier == tier && $0.verdict.isCacheable }.map(\.durationSeconds)
            current = try? repository.firstParent(of: next)
        }
        guard !durations.isEmpty else { return nil }
        return durations.sorted()[durations.count / 2]
    }
}
