import Foundation

/// Reads the marker lines `JobScript` prints back out of the pod's logs: what the checkout
/// container checked out or why it could not (``parseCheckout(_:)``, on that container's log
/// alone), and which steps ran and how each ended (``parse(_:steps:logPath:unfinished:)``).
struct JobLogParser {
    struct Parsed {
        var steps: [StepResult] = []
        /// `HEAD <sha> tree <sha>` as the Job reported it.
        var checkout: (head: String, tree: String)?
        /// The last `setup failed: …` or `refusing to run: …` line, without its `greenlight: ` prefix.
        var setupProblem: String?
    }

    /// The checkout container's log (`JobScript.checkout`): its `checkout HEAD <sha> tree <sha>`
    /// line and the reason it gave for stopping, if it did. Steps are not read from it.
    func parseCheckout(_ text: String) -> Parsed {
        var parsed = Parsed()
        for line in text.split(separator: "\n") {
            if line.hasPrefix("greenlight: checkout HEAD ") {
                let fields = line.split(separator: " ")
                if fields.count >= 6 { parsed.checkout = (String(fields[3]), String(fields[5])) }
            } else if line.hasPrefix("greenlight: setup failed: ") || line.hasPrefix("greenlight: refusing to run: ") {
                parsed.setupProblem = String(line.dropFirst("greenlight: ".count))
            }
        }
        return parsed
    }

    /// `text` is the step container's log (the checkout container's lines may precede it);
    /// `steps` the configured steps (those that never started are skipped). Each step's output
    /// and the JUnit reports the script sent back go through `TestOutputAnalyzer` and
    /// `JUnitReport` as the local backend's do (counts, failures, hangs, "ran no tests").
    func parse(_ text: String, steps: [StepDefinition], logPath: String, unfinished: StepVerdict = .error) -> Parsed {
        var parsed = Parsed()
        var outputs: [String: [Substring]] = [:]
        var current: String?
        var results: [String: (exit: Int32, seconds: Double)] = [:]
        var timedOut: [String: Bool] = [:]  // name → idle
        var asked: [String: [String]] = [:]
        var reports: [String: [TestRunSummary]] = [:]
        var warnings: [String: [String]] = [:]
        var report: (step: String, path: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if var open = report {
                if line.hasPrefix("greenlight: step \(open.step): report end ") {
                    let encoding = line.dropFirst("greenlight: step \(open.step): report end ".count)
                    let body = open.lines.joined(separator: "\n")
                    let data = encoding == "base64" ? Data(base64Encoded: body, options: .ignoreUnknownCharacters) : Data(body.utf8)
                    do {
                        guard let data else { throw InternalError("report \(open.path) from the Job is not valid base64") }
                        reports[open.step, default: []].append(try JUnitReport.parse(data, source: open.path, projectRoots: [JobManifest.sourcePath]))
                    } catch {
                        warnings[open.step, default: []].append("step '\(open.step)': \(error)")
                    }
                    report = nil
                } else {
                    open.lines.append(line)
                    report = open
                }
                continue
            }
            if current == nil, line.hasPrefix("greenlight: setup failed: ") {
                // The step container could not reach the checkout: no step ran.
                parsed.setupProblem = String(line.dropFirst("greenlight: ".count))
            } else if line.hasPrefix("greenlight: step "), line.hasSuffix(": start") {
                current = String(line.dropFirst("greenlight: step ".count).dropLast(": start".count))
            } else if let name = current, line.hasPrefix("greenlight: step \(name): timed out after ") {
                timedOut[name] = line.hasSuffix("(idle_timeout)")
            } else if let name = current, line.hasPrefix("greenlight: step \(name): asked for its state: ") {
                asked[name] = line.dropFirst("greenlight: step \(name): asked for its state: ".count)
                    .components(separatedBy: "; ")
            } else if line.hasPrefix("greenlight: step "), let range = line.range(of: ": exit ") {
                let name = String(line[line.index(line.startIndex, offsetBy: "greenlight: step ".count)..<range.lowerBound])
                let rest = line[range.upperBound...].split(separator: " ")
                let exit = Int32(rest.first ?? "") ?? -1
                let seconds = rest.count >= 3 ? Double(rest[2].dropLast()) ?? 0 : 0
                results[name] = (exit, seconds)
                current = nil
            } else if current == nil, line.hasPrefix("greenlight: step "), line.hasSuffix(" begin"),
                      let range = line.range(of: ": report ") {
                let name = String(line[line.index(line.startIndex, offsetBy: "greenlight: step ".count)..<range.lowerBound])
                let path = String(line[range.upperBound...].dropLast(" begin".count))
                report = (name, path, [])
            } else if let current {
                outputs[current, default: []].append(line)
            }
        }
        for step in steps {
            let name = step.name
            let lines = outputs[name] ?? []
            let output = lines.suffix(2000).joined(separator: "\n")
            var result: StepResult
            if let exit = results[name] {
                let idle = timedOut[name]
                result = StepResult(name: name, verdict: exit.exit == 0 && idle == nil ? .pass : .fail, exitCode: exit.exit,
                                    timedOut: idle != nil, duration: exit.seconds,
                                    timeout: idle.map { $0 ? step.idleTimeout : step.timeout } ?? nil,
                                    output: output, log: logPath)
                result.idleTimedOut = idle ?? false
            } else if outputs[name] != nil {
                // Started but never reported an exit: stopped by the deadline, OOM or eviction.
                result = StepResult(name: name, verdict: unfinished, exitCode: nil, timedOut: false, duration: 0,
                                    output: output, log: logPath, problem: "step '\(name)' did not finish")
            } else {
                parsed.steps.append(.skipped(name))
                continue
            }
            result.stateRequests = asked[name] ?? []
            result.warnings = warnings[name] ?? []
            let text = TestOutputAnalyzer.analyze(lines.joined(separator: "\n"), projectRoots: [JobManifest.sourcePath])
            result.apply(JUnitReport.merge(text: text, reports: reports[name] ?? []), allowNoTests: step.allowNoTests)
            parsed.steps.append(result)
        }
        return parsed
    }
}
