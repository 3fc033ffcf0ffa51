/// Reads a Ginkgo v2 progress report line by line (colours already stripped).
///
/// Shape, from `emitProgressReport`/`emitGoroutines` in Ginkgo's reporters/default_reporter.go
/// (two spaces per indentation level):
///
///     <containers> <spec text> (Spec Runtime: 5.002s)
///       /work/src/e2e/pods_test.go:24
///       In [It] (Node Runtime: 5.001s)
///         /work/src/e2e/pods_test.go:24
///
///       Spec Goroutine
///       goroutine 34 [sleep]
///         time.Sleep(0x3b9aca00)
///           /usr/local/go/src/runtime/time.go:300
///       > example.com/m/e2e.waitForPodRunning({0x1c3a5f0, 0xc0001a6000}, {0x1a2b3c4, 0x7})
///           /work/src/e2e/helpers_test.go:31
///             | for {
///             > 	time.Sleep(time.Second)
///
/// Frames Ginkgo highlights with ">" are in the spec's own packages; they count as the project's,
/// as do frames `GoroutineDumpFrameFilter` accepts. Source lines ("| " and deeper "> ") are skipped.
struct GinkgoProgressReportParser: Sendable {
    private enum Section { case header, goroutine }

    private(set) var dump: GinkgoProgressReportDump
    private let paths: HangDumpPaths
    private var section = Section.header
    private var goroutineIndent: Int?
    private var pending: (function: Substring, highlighted: Bool)?
    private var headerLines = 0

    /// Whether the line starts a progress report: the spec line, or (for suite-level nodes,
    /// which have no spec text) the node line.
    static func starts(_ line: Substring) -> Bool {
        HangDumpText.contains(line, "(Spec Runtime: ") || node(in: HangDumpText.trimmed(line)) != nil
    }

    /// "BeforeSuite" in "In [BeforeSuite] (Node Runtime: 1m0s)".
    static func node(in trimmed: Substring) -> Substring? {
        guard OutputText.hasPrefix(trimmed, "In ["), HangDumpText.contains(trimmed, "] (Node Runtime: "),
              let close = trimmed.firstIndex(of: "]") else { return nil }
        return trimmed[trimmed.index(trimmed.startIndex, offsetBy: 4)..<close]
    }

    init(sequence: Int, paths: HangDumpPaths) {
        dump = GinkgoProgressReportDump(sequence: sequence)
        self.paths = paths
    }

    /// Takes the next line; false when the report is over (the line is not part of it).
    mutating func consume(_ line: Substring) -> Bool {
        let trimmed = HangDumpText.trimmed(line)
        if let marker = HangDumpText.range(of: " (Spec Runtime: ", in: trimmed) {
            guard section == .header, dump.spec == nil, dump.node == nil else { return false }
            dump.spec = HangDumpText.capped(HangDumpText.trimmed(Substring(trimmed.unicodeScalars[..<marker.lowerBound])))
            return true
        }
        let isDelimiter = trimmed.count >= 10 && trimmed.allSatisfy { $0 == "-" }
        switch section {
        case .header:
            if let node = Self.node(in: trimmed) {
                guard dump.node == nil else { return false }
                dump.node = HangDumpText.capped(node)
                return true
            }
            if trimmed == "Spec Goroutine" || trimmed == "Goroutines of Interest" {
                section = .goroutine
                return true
            }
            headerLines += 1
            return !isDelimiter && headerLines < 200
        case .goroutine:
            if trimmed.isEmpty || isDelimiter { return goroutineIndent == nil && !isDelimiter }
            let indent = HangDumpText.indentation(line)
            guard let base = goroutineIndent else {
                if OutputText.hasPrefix(trimmed, "goroutine ") { goroutineIndent = indent }
                return true
            }
            if OutputText.hasPrefix(trimmed, "|") || (OutputText.hasPrefix(trimmed, ">") && indent > base + 2) { return true }
            if let function = pending, let (file, number) = HangDumpText.location(trimmed) {
                add(function.function, highlighted: function.highlighted, file: file, line: number)
                pending = nil
                return true
            }
            if OutputText.hasPrefix(trimmed, "goroutine ") { return false }
            pending = OutputText.hasPrefix(trimmed, "> ") ? (trimmed.dropFirst(2), true) : (trimmed, false)
            return true
        }
    }

    private mutating func add(_ printed: Substring, highlighted: Bool, file: Substring, line: Int) {
        guard dump.frames.count < HangDumpState.maxFrames, let function = GoroutineDumpFunction(printed: printed) else { return }
        guard highlighted || GoroutineDumpFrameFilter.isProject(function, file: file, paths: paths) else { return }
        dump.frames.append("\(paths.display(file)):\(line) \(function.name)")
    }
}
