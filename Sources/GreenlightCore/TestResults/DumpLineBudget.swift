/// How a dump parser knows its dump has ended without an end marker: after `limit`
/// unrecognised lines in a row (ordinary output resumed), the dump is over.
struct DumpLineBudget: Sendable {
    let limit: Int
    private var unrecognised = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// A line of the dump: the count starts again. Returns true (the dump goes on).
    mutating func recognised() -> Bool {
        unrecognised = 0
        return true
    }

    /// A line that is not one: whether the dump goes on.
    mutating func unrecognisedLine() -> Bool {
        unrecognised += 1
        return unrecognised < limit
    }
}
