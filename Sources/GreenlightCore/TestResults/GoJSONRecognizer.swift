import Foundation

/// `go test -json` and `go tool test2json` output: one JSON object a line with "Action",
/// "Package", "Test", "Output", "Elapsed" (https://pkg.go.dev/cmd/test2json); runner `go-json`.
///
/// - Counts: each test's final `pass`, `fail` or `skip` (subtests included): exact. A package
///   that ends in `fail` before any test started, or a `build-fail`, did not build (or its
///   init panicked) and makes the counts unknown.
/// - Failures: each test that ends in `fail`, with the message and location read from its own
///   `output` events as in plain `go test`.
/// - Running: a test with `run` and no final action, and the names after a timeout panic's
///   "running tests:".
/// - Every `output` (and `build-output`) event's text is handed back to be read as if printed
///   (`consume` returns it), for the other recognisers and the hang dump; the plain `go`
///   recogniser does not read it, so nothing is counted twice.
struct GoJSONRecognizer: Sendable {
    static let runner = "go-json"

    private struct Event: Decodable {
        var Action: String
        var Package: String?
        var ImportPath: String?
        var Test: String?
        var Output: String?
    }

    private struct PackageState: Sendable {
        var started = false
        var results = 0
        var noTestsToRun = false
        var ginkgo = false
    }

    enum Line {
        /// Not a test2json event: read it as plain text.
        case text
        /// An event; `output` is the text it carried, if any.
        case event(output: String?)
    }

    private(set) var active = false
    private var totals = TestCounts()
    private var countsKnown = true
    private var packages: [String: PackageState] = [:]
    private var outputs = TestOutputBuffers()
    private var failHeaders: [String: String] = [:]
    private var timeout = GoTimeoutPanic()
    private var lastPackage = ""

    var counts: TestCounts? { countsKnown ? totals : nil }

    var retainedBytes: Int {
        outputs.retainedBytes + failHeaders.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count } + packages.count * 64
    }

    private static func key(_ package: String, _ test: some StringProtocol) -> String { "go\u{0}\(package)\u{0}\(test)" }

    mutating func consume(_ line: Substring, into record: inout RecognitionRecord) -> Line {
        guard OutputText.hasPrefix(line, "{"), OutputText.contains(line, "\"Action\""),
              let event = try? JSONDecoder().decode(Event.self, from: Data(line.utf8)) else { return .text }
        if !active {
            active = true
            record.saw(Self.runner)
        }
        let package = event.Package ?? event.ImportPath ?? ""
        lastPackage = package
        if let test = event.Test, !test.isEmpty {
            handle(event.Action, test: test, package: package, output: event.Output, record: &record)
        } else {
            handlePackage(event.Action, package: package, output: event.Output)
        }
        switch event.Action {
        case "output", "build-output": return .event(output: event.Output)
        default: return .event(output: nil)
        }
    }

    /// Reads a line of the text the events carried (for the timeout panic's list of tests).
    mutating func consumeCarried(_ line: Substring, into record: inout RecognitionRecord) {
        if let name = timeout.consume(line) {
            record.running.started(Self.key(lastPackage, name), name: name)
        }
    }

    private mutating func handle(_ action: String, test: String, package: String, output: String?, record: inout RecognitionRecord) {
        let key = Self.key(package, test)
        switch action {
        case "run":
            record.running.started(key, name: test)
            packages[package, default: PackageState()].started = true
            if !OutputText.contains(test, "/") { record.ginkgoSuiteEnded = false }
        case "output":
            guard let output else { return }
            for line in output.split(separator: "\n") {
                if let result = GoTestLine.result(line), result.outcome == .fail, result.name == test {
                    failHeaders[key] = FailureBlockList.cut(OutputText.trimmedEnd(line))
                } else if GoTestLine.update(line) == nil, GoTestLine.result(line) == nil {
                    outputs.append(OutputText.trimmedEnd(line), to: key)
                }
            }
            if failHeaders.count > TestOutputBuffers.testLimit { failHeaders.removeAll() }
        case "pass", "fail", "skip":
            record.running.finished(key)
            let printed = outputs.take(key)
            let header = failHeaders.removeValue(forKey: key)
            if !OutputText.contains(test, "/"), record.ginkgoSuiteEnded {
                record.ginkgoSuiteEnded = false
                packages[package, default: PackageState()].ginkgo = true
                return
            }
            packages[package, default: PackageState()].results += 1
            switch action {
            case "pass": totals.passed += 1
            case "skip": totals.skipped += 1
            default:
                totals.failed += 1
                let found = GoTestLine.failure(from: printed, paths: record.paths)
                record.failures.record(test, message: found.message, location: found.location)
                if !printed.isEmpty { record.blocks.add([header ?? "--- FAIL: \(test)"] + printed) }
            }
        default:
            break
        }
    }

    private mutating func handlePackage(_ action: String, package: String, output: String?) {
        switch action {
        case "output":
            if let output, OutputText.contains(output, "[no tests to run]") { packages[package, default: PackageState()].noTestsToRun = true }
        case "pass", "skip":
            packages.removeValue(forKey: package)
        case "fail":
            let state = packages.removeValue(forKey: package) ?? PackageState()
            // Failed before any test started: it did not build, or its init panicked.
            if !state.started { countsKnown = false }
        case "build-fail":
            countsKnown = false
        default:
            break
        }
        if packages.count > 256 { packages.removeAll() }
    }
}
