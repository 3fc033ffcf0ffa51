/// Reads a JVM thread dump line by line (see `JVMThreadDump` for the format). The dump ends at
/// "JNI global refs", the heap summary, or after many lines that fit no thread.
struct JVMThreadDumpParser: Sendable {
    /// This many unrecognised lines in a row end the dump.
    static let maxUnrecognisedLines = 50

    private(set) var dump: JVMThreadDump
    private var current: JVMThreadDumpThread?
    private var budget = DumpLineBudget(limit: maxUnrecognisedLines)

    static func starts(_ line: Substring) -> Bool {
        OutputText.hasPrefix(line, "Full thread dump ")
    }

    init(sequence: Int) {
        dump = JVMThreadDump(sequence: sequence)
    }

    /// Takes the next line; false when the dump is over (the line is not part of it).
    mutating func consume(_ line: Substring) -> Bool {
        if Self.starts(line) || OutputText.hasPrefix(line, "JNI global refs") || OutputText.hasPrefix(line, "Heap") { return false }
        if OutputText.hasPrefix(line, "\""), let close = line.dropFirst().lastIndex(of: "\"") {
            finishThread()
            current = JVMThreadDumpThread(name: HangDumpText.capped(line[line.index(after: line.startIndex)..<close]))
            return recognised()
        }
        if HangDumpText.isBlank(line) {
            finishThread()
            return recognised()
        }
        let text = HangDumpText.trimmed(line)
        if HangDumpText.startsWithSpace(line) {
            if OutputText.hasPrefix(text, "at ") { current?.add(frame: text.dropFirst(3)) }
            return recognised()
        }
        if OutputText.hasPrefix(text, "Threads class SMR info") || OutputText.hasPrefix(text, "_java_thread_list") || OutputText.hasPrefix(text, "0x")
            || text == "}" {
            return recognised()
        }
        return budget.unrecognisedLine()
    }

    mutating func finish() -> JVMThreadDump {
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
