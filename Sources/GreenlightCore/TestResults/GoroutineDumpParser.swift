/// Reads a Go goroutine dump line by line, keeping only `GoroutineDump`'s summaries.
///
/// Format (https://go.dev/src/runtime/traceback.go): a header `goroutine 19 [chan receive]:`
/// (newer Go may add `gp=… m=…` before the bracket and `, 9 minutes` inside it), then per frame
/// the function with its arguments on one line and `\t/path/file.go:22 +0x131` (with GOTRACEBACK
/// system or crash also `fp=… sp=… pc=…`) on the next, then `created by pkg.F in goroutine 1` and
/// its location, then a blank line. Lines that fit none of this are skipped; after many of them in
/// a row the dump is over.
struct GoroutineDumpParser: Sendable {
    /// This many unrecognised lines in a row end the dump.
    static let maxUnrecognisedLines = 200

    private(set) var dump: GoroutineDump
    private let paths: HangDumpPaths
    private var current: GoroutineDumpStack?
    private var pending: GoroutineDumpFunction?
    private var skipLocation = false
    private var readingRunningTests = false
    private var budget = DumpLineBudget(limit: maxUnrecognisedLines)

    /// Whether the line starts a Go dump: a SIGQUIT (or SIGABRT) traceback, a test binary's
    /// timeout panic, or the runtime's deadlock report.
    static func starts(_ line: Substring) -> Bool {
        HangDumpText.contains(line, "SIGQUIT: quit") || HangDumpText.contains(line, "SIGABRT: abort")
            || HangDumpText.contains(line, "panic: test timed out after ")
            || HangDumpText.contains(line, "fatal error: all goroutines are asleep")
    }

    init(sequence: Int, paths: HangDumpPaths) {
        dump = GoroutineDump(sequence: sequence)
        self.paths = paths
    }

    /// Takes the next line; false when the dump is over (the line is not part of it).
    mutating func consume(_ line: Substring) -> Bool {
        if Self.starts(line) { return false }
        if readingRunningTests {
            if HangDumpText.startsWithSpace(line), !HangDumpText.isBlank(line) {
                var name = HangDumpText.trimmed(line)
                if OutputText.hasSuffix(name, ")"), let open = name.lastIndex(of: "("), open > name.startIndex,
                   name[name.index(before: open)] == " " {
                    name = name[..<name.index(before: open)]
                }
                dump.addTimedOutTest(HangDumpText.capped(name))
                return true
            }
            readingRunningTests = false
        }
        if HangDumpText.isBlank(line) {
            finishGoroutine()
            return recognised()
        }
        if OutputText.hasPrefix(line, "goroutine "), OutputText.hasSuffix(line, "]:") {
            finishGoroutine()
            let number = line.dropFirst("goroutine ".count).prefix { $0.isNumber }
            if let id = Int(number) { current = GoroutineDumpStack(id: id) }
            return recognised()
        }
        if OutputText.hasPrefix(line, "[originating from goroutine ") {
            finishGoroutine()
            return recognised()
        }
        if HangDumpText.trimmed(line) == "running tests:" {
            readingRunningTests = true
            return recognised()
        }
        if HangDumpText.startsWithSpace(line) {
            let text = HangDumpText.trimmed(line)
            let location = text.prefix { $0 != " " }
            if skipLocation {
                skipLocation = false
                return recognised()
            }
            if let function = pending, let (file, number) = HangDumpText.location(location) {
                current?.add(function, file: file, line: number, paths: paths)
                pending = nil
                return recognised()
            }
        } else if OutputText.hasPrefix(line, "created by ") {
            pending = nil
            skipLocation = true
            return recognised()
        } else if current != nil, OutputText.hasSuffix(line, ")"), let function = GoroutineDumpFunction(printed: line) {
            pending = function
            skipLocation = false
            return recognised()
        }
        return budget.unrecognisedLine()
    }

    /// The dump as far as it went (a dump cut short keeps what was read).
    mutating func finish() -> GoroutineDump {
        finishGoroutine()
        return dump
    }

    private mutating func recognised() -> Bool {
        budget.recognised()
    }

    private mutating func finishGoroutine() {
        if let current { dump.add(current) }
        current = nil
        pending = nil
        skipLocation = false
    }
}
