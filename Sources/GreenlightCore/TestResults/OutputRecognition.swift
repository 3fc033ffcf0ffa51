/// Every recogniser reading one step's output, line by line, and the summary they make
/// together. Each line goes to each recogniser (a runner's lines do not look like another's);
/// a `go test -json` event's text goes on to all of them but the plain `go` one.
struct OutputRecognition: Sendable {
    private var record: RecognitionRecord
    private let hangs: HangDumpCollector
    private var goText = GoTestRecognizer()
    private var goJSON = GoJSONRecognizer()
    private var ginkgo = GinkgoRecognizer()
    private var pytest = PytestRecognizer()
    private var xctest = XCTestRecognizer()
    private var swiftTesting = SwiftTestingRecognizer()
    private var cargo = CargoTestRecognizer()
    /// Splits the text that test2json events carry, which may end mid-line.
    private var carried = OutputLineSplitter()
    /// A runner said its run failed (`RunOutcomeLine`).
    private var runFailed = false

    init(projectRoots: [String]) {
        record = RecognitionRecord(paths: ProjectPaths(projectRoots))
        hangs = HangDumpCollector(projectRoots: projectRoots)
    }

    /// One line of output, without its line end; escapes are removed here.
    mutating func consume(lineBytes bytes: UnsafeRawBufferPointer, carried isCarried: Bool = false) {
        let text: String
        if TerminalEscapes.present(in: bytes) {
            text = TerminalEscapes.strip(bytes).withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        consume(line: text[...], carried: isCarried)
    }

    private mutating func consume(line: Substring, carried isCarried: Bool) {
        if !isCarried, OutputText.hasPrefix(line, "{") {
            if RunOutcomeLine.jsonSaysFailed(line) { runFailed = true }
            switch goJSON.consume(line, into: &record) {
            case .text:
                break
            case .event(let output):
                if let output { carry(output) }
                return
            }
        }
        hangs.consume(line)
        if !runFailed, RunOutcomeLine.saysFailed(line) { runFailed = true }
        if isCarried {
            goJSON.consumeCarried(line, into: &record)
        } else {
            goText.consume(line, into: &record)
        }
        ginkgo.consume(line, into: &record)
        pytest.consume(line, into: &record)
        xctest.consume(line, into: &record)
        swiftTesting.consume(line, into: &record)
        cargo.consume(line, into: &record)
    }

    private mutating func carry(_ output: String) {
        // The splitter is moved out while it calls back into self, then put back.
        var splitter = OutputLineSplitter()
        swap(&splitter, &carried)
        var text = output
        text.withUTF8 { bytes in
            splitter.feed(UnsafeRawBufferPointer(bytes)) { self.consume(lineBytes: $0, carried: true) }
        }
        swap(&splitter, &carried)
    }

    /// Ends the output and says what it was.
    mutating func finish() -> TestRunSummary {
        var splitter = OutputLineSplitter()
        swap(&splitter, &carried)
        splitter.finish { consume(lineBytes: $0, carried: true) }
        goText.finish(&record)
        ginkgo.finish(&record)
        pytest.finish(&record)
        xctest.finish(&record)
        swiftTesting.finish(&record)
        cargo.finish(&record)

        var summary = TestRunSummary()
        summary.runners = record.runners
        summary.failures = record.failures.items
        summary.failureBlocks = record.blocks.items
        summary.running = record.running.names
        if !summary.runners.isEmpty {
            var total = TestCounts()
            var known = true
            for runner in summary.runners {
                if let counts = counts(of: runner) { total = total + counts } else { known = false }
            }
            summary.counts = known ? total : nil
            summary.ranNoTests = known && total.ran == 0 && summary.failures.isEmpty && summary.running.isEmpty
        }
        summary.hang = hangs.report(running: summary.running)
        summary.runFailed = runFailed
        return summary
    }

    private func counts(of runner: String) -> TestCounts? {
        switch runner {
        case GoTestRecognizer.runner: return goText.counts
        case GoJSONRecognizer.runner: return goJSON.counts
        case GinkgoRecognizer.runner: return ginkgo.counts
        case PytestRecognizer.runner: return pytest.counts
        case XCTestRecognizer.runner: return xctest.counts
        case SwiftTestingRecognizer.runner: return swiftTesting.counts
        case CargoTestRecognizer.runner: return cargo.counts
        default: return nil
        }
    }

    /// Bytes held for lines still to come (partial lines, running tests' output, open blocks)
    /// and for what was found so far; bounded whatever the output's size.
    var retainedBytes: Int {
        record.retainedBytes + carried.retainedBytes + goText.retainedBytes + goJSON.retainedBytes + ginkgo.retainedBytes
            + pytest.retainedBytes + xctest.retainedBytes + swiftTesting.retainedBytes + cargo.retainedBytes
    }
}
