import Foundation

/// The lines a report quotes for a failed step: the failure blocks first (the assertion and
/// its location, from `TestRunSummary.failureBlocks`), then the last lines of the output, all
/// within one budget of lines.
///
/// The shape, for a budget of `n` lines:
///
///     <block 1, whole>
///     …
///     <block 2, whole>
///     …
///     <the output's last lines, without those already quoted in a block>
///
/// - Blocks come in their order, whole, each followed by a line "…"; a block that no longer
///   fits (leaving room for "…" and `minimumTail` lines of tail) ends the blocks. When not even
///   the first fits, it is cut to the room there is and the quote goes on with "…".
/// - The tail is `LogExcerpt.lastLines` of the output (terminal escapes removed, trailing blank
///   lines dropped, lines cut to 240 characters) filling the rest of the budget; a line equal to
///   one already quoted in a block is left out, so that the end of the output, which is often
///   the last block, is not printed twice; blank lines it starts with, and all but the first of
///   several in a row, are left out too. When nothing is left of the tail, the last "…" goes.
/// - Without blocks, the excerpt is the tail alone; with a budget of 0, nothing.
public enum FailureExcerpt {
    /// The line between blocks, and between the blocks and the tail.
    public static let separator = "…"
    /// The fewest lines of the output's tail kept whatever the blocks, when the budget allows.
    public static let minimumTail = 5

    public static func lines(blocks: [[String]], output: String, budget: Int) -> [String] {
        guard budget > 0 else { return [] }
        let blocks = blocks.filter { !$0.isEmpty }
        guard !blocks.isEmpty else { return LogExcerpt.lastLines(of: output, count: budget) }
        let room = budget - min(minimumTail, budget) - 1
        var quoted: [String] = []
        for block in blocks {
            guard quoted.count + block.count + 1 <= room else {
                if quoted.isEmpty, room > 1 { quoted = Array(block.prefix(room - 1)) + [separator] }
                break
            }
            quoted += block + [separator]
        }
        let tailCount = budget - quoted.count
        let seen = Set(quoted.filter { $0 != separator && !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        let candidates = LogExcerpt.lastLines(of: output, count: tailCount + seen.count)
        var tail: [String] = []
        for line in candidates where !seen.contains(line) {
            // Leaving quoted lines out can bring blank lines together: one is enough.
            let blank = line.trimmingCharacters(in: .whitespaces).isEmpty
            if blank, tail.last.map({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? true { continue }
            tail.append(line)
        }
        tail = Array(tail.suffix(tailCount))
        while let first = tail.first, first.trimmingCharacters(in: .whitespaces).isEmpty { tail.removeFirst() }
        if tail.isEmpty, quoted.last == separator { quoted.removeLast() }
        return quoted + tail
    }
}
