/// Tests that started and have not finished, in the order they started: the candidates for a
/// hang. Each is known by a key unique to its runner (and package), and shown by its name.
/// At most `limit` are kept; past it the oldest is forgotten (a runner whose ends are not
/// recognised would otherwise fill it; the newest are the likelier hang).
struct RunningTests: Sendable {
    static let limit = 100

    private var entries: [String: (order: Int, name: String)] = [:]
    private var next = 0

    mutating func started(_ key: String, name: some StringProtocol) {
        entries[key] = (next, OutputText.capped(name, FailureList.nameLimit))
        next += 1
        if entries.count > Self.limit, let oldest = entries.min(by: { $0.value.order < $1.value.order }) {
            entries.removeValue(forKey: oldest.key)
        }
    }

    mutating func finished(_ key: String) {
        entries.removeValue(forKey: key)
    }

    func contains(_ key: String) -> Bool { entries[key] != nil }

    /// The names, oldest first, each once.
    var names: [String] {
        var seen = Set<String>()
        return entries.values.sorted { $0.order < $1.order }.map(\.name).filter { seen.insert($0).inserted }
    }

    var isEmpty: Bool { entries.isEmpty }

    var retainedBytes: Int { entries.reduce(0) { $0 + $1.key.utf8.count + $1.value.name.utf8.count + 48 } }
}
