/// Reads a Swift runtime backtrace line by line (the text format of swift-backtrace,
/// https://github.com/swiftlang/swift/blob/main/stdlib/public/libexec/swift-backtrace/main.swift,
/// `printCrashLog`), keeping only `SwiftBacktraceDump`'s summaries:
///
///     *** Signal 6: Backtracing from 0x7f54f0325545... done ***
///
///     *** Program crashed: Aborted at 0x000000000000459c ***
///
///     Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))
///
///     Thread 0 "LibPackageTests" crashed:
///
///       0               0x00007f54f0325545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
///       1 [ra]          0x000055560eb32c39 CacheTests.testCacheList() + 24 in LibPackageTests.xctest at /src/Tests/LibTests/LibTests.swift:6:28
///     ...
///
///     Thread 1:
///     …
///
///     Backtrace took 0.01s
///
/// With `registers=` or `images=` other than `none` a "Registers:" or "Images (N omitted):" section
/// follows the threads; the "friendly" preset adds source lines ("  6| …", "   |   ^"). "Backtrace
/// took" ends the dump, as does a new dump's "*** Signal" line or many unrecognised lines in a row
/// (the test runner's output may come in between: `swift test` writes its own stderr into it).
struct SwiftBacktraceParser: Sendable {
    /// This many unrecognised lines in a row end the dump.
    static let maxUnrecognisedLines = 50

    private enum Section: Sendable {
        case header, thread, registers, images
    }

    private(set) var dump: SwiftBacktraceDump
    private let paths: HangDumpPaths
    private var current: SwiftBacktraceThread?
    private var section = Section.header
    private var sawSignal = false
    private var sawThread = false
    private var budget = DumpLineBudget(limit: maxUnrecognisedLines)

    /// Whether the line starts a backtrace: the crash handler's "*** Signal 6: Backtracing from 0x…"
    /// or the crash reason "*** Program crashed: …" (with `color=yes` both end up on one line).
    static func starts(_ line: Substring) -> Bool {
        isSignalLine(line) || HangDumpText.contains(line, "*** Program crashed: ")
    }

    static func isSignalLine(_ line: Substring) -> Bool {
        HangDumpText.contains(line, ": Backtracing from ") && HangDumpText.contains(line, "*** Signal ")
    }

    init(sequence: Int, paths: HangDumpPaths, marker: Substring) {
        dump = SwiftBacktraceDump(sequence: sequence)
        self.paths = paths
        _ = consume(marker)
    }

    /// Takes the next line; false when the backtrace is over (the line is not part of it).
    mutating func consume(_ line: Substring) -> Bool {
        if Self.isSignalLine(line) {
            // The handler's line comes first: a second one is another crash (or another process's).
            if sawSignal || sawThread { return false }
            sawSignal = true
            return recognised()
        }
        if HangDumpText.contains(line, "Backtrace took ") || HangDumpText.contains(line, "Press space to interact") {
            return false
        }
        let text = HangDumpText.trimmed(line)
        if OutputText.hasPrefix(text, "*** "), OutputText.hasSuffix(text, " ***") {
            // The crash reason ("*** Program crashed: …", or a runtime failure's message).
            if sawThread { return false }
            return recognised()
        }
        if OutputText.hasPrefix(text, "Platform: ") { return recognised() }
        if let header = Self.threadHeader(text) {
            finishThread()
            current = SwiftBacktraceThread(index: header.index, crashed: header.crashed)
            section = .thread
            sawThread = true
            return recognised()
        }
        if text == "Registers:" || (OutputText.hasPrefix(text, "Images") && OutputText.hasSuffix(text, ":")) {
            finishThread()
            section = text == "Registers:" ? .registers : .images
            return recognised()
        }
        if text.isEmpty { return recognised() }
        switch section {
        case .thread:
            if text == "..." || Self.isSourceLine(text) { return recognised() }
            if let frame = SwiftBacktraceFrame(line: text) {
                current?.add(frame, paths: paths)
                return recognised()
            }
        case .registers:
            // "rax 0x0000000000000000  0", "no context for thread 3".
            if HangDumpText.contains(text, " 0x") || OutputText.hasPrefix(text, "no context for thread") { return recognised() }
        case .images:
            // "0x0000555…–0x0000555… 3c1f… KubePackageTests.xctest /path/…"
            if OutputText.hasPrefix(text, "0x") { return recognised() }
        case .header:
            break
        }
        return budget.unrecognisedLine()
    }

    /// `Thread 0 "LibPackageTests" crashed:`, `Thread 3:`, `Thread 2 crashed:`.
    static func threadHeader(_ text: Substring) -> (index: Int, crashed: Bool)? {
        guard OutputText.hasPrefix(text, "Thread "), OutputText.hasSuffix(text, ":") else { return nil }
        let rest = text.dropFirst("Thread ".count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let index = Int(digits) else { return nil }
        let after = rest[digits.endIndex...]
        guard after == ":" || OutputText.hasPrefix(after, " \"") || after == " crashed:" else { return nil }
        return (index, OutputText.hasSuffix(after, " crashed:"))
    }

    /// A line of source shown under a frame by the "friendly" preset: "  6| code", "*  6| code"
    /// (the crashing line), "    |     ^".
    static func isSourceLine(_ text: Substring) -> Bool {
        let head = text.drop { $0 == "*" || $0 == " " || ($0.isASCII && $0.isNumber) }
        return head.first == "|"
    }

    /// The dump as far as it went (a dump cut short keeps what was read).
    mutating func finish() -> SwiftBacktraceDump {
        finishThread()
        return dump
    }

    private mutating func recognised() -> Bool {
        budget.recognised()
    }

    private mutating func finishThread() {
        if let current { dump.add(current) }
        current = nil
    }
}
