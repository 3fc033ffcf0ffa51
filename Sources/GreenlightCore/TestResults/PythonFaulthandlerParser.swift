/// Reads a Python faulthandler traceback line by line (the format of `dump_traceback` in
/// CPython's Python/traceback.c): thread headers, `  File "…", line N in func` frames, "  ..."
/// when truncated, a blank line between threads, and possibly "Extension modules: …" at the end.
struct PythonFaulthandlerParser: Sendable {
    /// This many unrecognised lines in a row end the dump.
    static let maxUnrecognisedLines = 50

    private(set) var dump: PythonFaulthandlerDump
    private let paths: HangDumpPaths
    private var current: PythonFaulthandlerThread?
    private var budget = DumpLineBudget(limit: maxUnrecognisedLines)

    /// Whether the line starts a traceback: "Fatal Python error: …" (anywhere in the line: pytest's
    /// progress may precede it), or a thread header (a dump without a fatal error, e.g. from
    /// `faulthandler.register` or `dump_traceback_later`).
    static func starts(_ line: Substring) -> Bool {
        HangDumpText.contains(line, "Fatal Python error: ") || isThreadHeader(line)
    }

    static func isThreadHeader(_ line: Substring) -> Bool {
        (OutputText.hasPrefix(line, "Current thread 0x") || OutputText.hasPrefix(line, "Thread 0x"))
    }

    init(sequence: Int, paths: HangDumpPaths, marker: Substring) {
        dump = PythonFaulthandlerDump(sequence: sequence)
        self.paths = paths
        if let fatal = HangDumpText.range(of: "Fatal Python error: ", in: marker) {
            let before = HangDumpText.trimmed(Substring(marker.unicodeScalars[..<fatal.lowerBound]))
            if let last = before.split(separator: " ").last, OutputText.contains(last, "::") {
                dump.nodeID = HangDumpText.capped(last)
            }
        } else {
            _ = consume(marker)
        }
    }

    /// Takes the next line; false when the traceback is over (the line is not part of it).
    mutating func consume(_ line: Substring) -> Bool {
        if HangDumpText.contains(line, "Fatal Python error: ") { return false }
        if Self.isThreadHeader(line) {
            finishThread()
            current = PythonFaulthandlerThread(isCurrent: OutputText.hasPrefix(line, "Current thread"))
            return recognised()
        }
        if HangDumpText.isBlank(line) {
            finishThread()
            return recognised()
        }
        if OutputText.hasPrefix(line, "Extension modules:") { return false }
        let text = HangDumpText.trimmed(line)
        if HangDumpText.startsWithSpace(line), let frame = Self.frame(text) {
            current?.add(file: frame.file, line: frame.line, function: frame.function, paths: paths)
            return recognised()
        }
        if text == "..." || OutputText.hasPrefix(text, "<") || text == "Garbage-collecting" { return recognised() }
        return budget.unrecognisedLine()
    }

    /// `File "/path/x.py", line 12 in func` (faulthandler), also with ", in" (a regular traceback).
    static func frame(_ text: Substring) -> (file: Substring, line: Int, function: Substring)? {
        guard OutputText.hasPrefix(text, "File \""), let lineMarker = HangDumpText.range(of: "\", line ", in: text) else { return nil }
        let file = Substring(text.unicodeScalars[text.unicodeScalars.index(text.startIndex, offsetBy: 6)..<lineMarker.lowerBound])
        let rest = Substring(text.unicodeScalars[lineMarker.upperBound...])
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return nil }
        var after = rest[digits.endIndex...]
        if OutputText.hasPrefix(after, ",") { after = after.dropFirst() }
        guard OutputText.hasPrefix(after, " in ") else { return nil }
        let function = HangDumpText.trimmed(after.dropFirst(4))
        return function.isEmpty ? nil : (file, number, function)
    }

    mutating func finish() -> PythonFaulthandlerDump {
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
