/// The collector's state: one parser per dump format, active from its start marker until its
/// dump ends, and the latest finished dump of each format. Nothing else of the output is kept
/// but a few recent Ginkgo spec lines, so memory stays bounded however long the output is and
/// however many goroutines or threads a dump has.
struct HangDumpState: Sendable {
    /// A report names at most this many frames.
    static let maxFrames = 5
    /// Recent lines naming a Ginkgo spec ("… [It] …") kept to name a progress report's spec.
    static let maxSpecHeaders = 8

    let paths: HangDumpPaths
    private var sequence = 0
    private var go: GoroutineDumpParser?
    private var ginkgo: GinkgoProgressReportParser?
    private var python: PythonFaulthandlerParser?
    private var jvm: JVMThreadDumpParser?
    private var swift: SwiftBacktraceParser?
    private var finishedGo: GoroutineDump?
    private var finishedGinkgo: GinkgoProgressReportDump?
    private var finishedPython: PythonFaulthandlerDump?
    private var finishedJVM: JVMThreadDump?
    private var finishedSwift: SwiftBacktraceDump?
    private var specHeaders: [String] = []

    init(paths: HangDumpPaths) {
        self.paths = paths
    }

    mutating func consume(_ text: Substring) {
        for line in HangDumpText.lines(in: text) {
            consumeLine(line)
        }
    }

    private mutating func consumeLine(_ line: Substring) {
        if HangDumpText.contains(line, "[It] ") {
            if specHeaders.count == Self.maxSpecHeaders { specHeaders.removeFirst() }
            specHeaders.append(HangDumpText.capped(HangDumpText.trimmed(line)))
        }
        // Parsers are updated in place (optional chaining), never copied, so a long dump stays linear.
        if go?.consume(line) == false { finishGoDump() }
        if ginkgo?.consume(line) == false { finishGinkgoDump() }
        if python?.consume(line) == false { finishPythonDump() }
        if jvm?.consume(line) == false { finishJVMDump() }
        if swift?.consume(line) == false { finishSwiftDump() }
        if go == nil, GoroutineDumpParser.starts(line) {
            go = GoroutineDumpParser(sequence: nextSequence(), paths: paths)
        }
        if ginkgo == nil, GinkgoProgressReportParser.starts(line) {
            ginkgo = GinkgoProgressReportParser(sequence: nextSequence(), paths: paths)
            _ = ginkgo?.consume(line)
        }
        if python == nil, PythonFaulthandlerParser.starts(line) {
            python = PythonFaulthandlerParser(sequence: nextSequence(), paths: paths, marker: line)
        }
        if jvm == nil, JVMThreadDumpParser.starts(line) {
            jvm = JVMThreadDumpParser(sequence: nextSequence())
        }
        if swift == nil, SwiftBacktraceParser.starts(line) {
            swift = SwiftBacktraceParser(sequence: nextSequence(), paths: paths, marker: line)
        }
    }

    private mutating func nextSequence() -> Int {
        sequence += 1
        return sequence
    }

    private mutating func finishGoDump() {
        finishedGo = go?.finish()
        go = nil
    }

    private mutating func finishGinkgoDump() {
        finishedGinkgo = ginkgo?.dump
        ginkgo = nil
    }

    /// Several interpreters may be asked at once (pytest and the server its test started, Maven
    /// and its forked JVM): a later dump replaces an earlier one unless only the earlier names a test.
    private mutating func finishPythonDump() {
        if let dump = python?.finish(), dump.namesTest || !(finishedPython?.namesTest ?? false) { finishedPython = dump }
        python = nil
    }

    private mutating func finishJVMDump() {
        if let dump = jvm?.finish(), dump.namesTest || !(finishedJVM?.namesTest ?? false) { finishedJVM = dump }
        jvm = nil
    }

    private mutating func finishSwiftDump() {
        finishedSwift = swift?.finish()
        swift = nil
    }

    /// The latest dump's report (a Go dump of a Ginkgo suite gives way to a Ginkgo progress
    /// report, which names the spec); without any dump, the last test in `running`.
    func report(running: [String]) -> HangReport? {
        var state = self
        if state.go != nil { state.finishGoDump() }
        if state.ginkgo != nil { state.finishGinkgoDump() }
        if state.python != nil { state.finishPythonDump() }
        if state.jvm != nil { state.finishJVMDump() }
        if state.swift != nil { state.finishSwiftDump() }
        var dumps: [HangDump] = []
        if let dump = state.finishedGo { dumps.append(.go(dump)) }
        if let dump = state.finishedGinkgo { dumps.append(.ginkgo(dump)) }
        if let dump = state.finishedPython { dumps.append(.python(dump)) }
        if let dump = state.finishedJVM { dumps.append(.jvm(dump)) }
        if let dump = state.finishedSwift { dumps.append(.swift(dump)) }
        var latest = dumps.max { $0.sequence < $1.sequence }
        if case let .go(goDump)? = latest, goDump.runsGinkgo, let ginkgoDump = state.finishedGinkgo {
            latest = .ginkgo(ginkgoDump)
        }
        if var report = latest?.report(running: running, specHeaders: specHeaders) {
            if report.test == nil { report.test = running.last }
            return report
        }
        return running.last.map { HangReport(test: $0, frames: []) }
    }
}
