/// The lines quoted around each failure (`TestRunSummary.failureBlocks`): at most
/// `blockLimit` blocks of at most `lineLimit` lines, each line cut to `width` characters
/// followed by "…" when longer, as `LogExcerpt.lastLines` cuts the tail, so that the two can
/// be compared line for line.
struct FailureBlockList: Sendable {
    static let blockLimit = 20
    static let lineLimit = 15
    static let width = 240

    private(set) var items: [[String]] = []

    /// Adds one block: blank lines at either end are dropped; an empty block, or one equal to
    /// a block already kept (a test run again with `-count=3`), is ignored.
    mutating func add(_ lines: [String]) {
        guard items.count < Self.blockLimit else { return }
        var kept = lines[...].drop { OutputText.isBlank($0[...]) }
        while let last = kept.last, OutputText.isBlank(last[...]) { kept = kept.dropLast() }
        guard !kept.isEmpty else { return }
        let block = kept.prefix(Self.lineLimit).map { Self.cut($0) }
        if !items.contains(block) { items.append(block) }
    }

    var isFull: Bool { items.count >= Self.blockLimit }

    /// One line as a block quotes it.
    static func cut(_ line: some StringProtocol) -> String {
        line.count > width ? String(line.prefix(width)) + "…" : String(line)
    }

    var retainedBytes: Int { items.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count + 16 } } }
}
