import Foundation

/// Reads the marker lines `JobScript` prints back out of the pod's logs: what the checkout
/// container checked out or why it could not (``parseCheckout(_:)``, on that container's log
/// alone), and which steps ran and how each ended (``parse(_:stepNames:logPath:unfinished:)``).
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
    /// `stepNames` the configured steps (those that never started are skipped).
    func parse(_ text: String, stepNames: [String], logPath: String, unfinished: StepVerdict = .error) -> Parsed {
        var parsed = Parsed()
        var outputs: [String: [Substring]] = [:]
        var current: String?
        var results: [String: (exit: Int32, seconds: Double)] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("greenlight: setup failed: ") {
                // The step container could not reach the checkout: no step ran.
                parsed.setupProblem = String(line.dropFirst("greenlight: ".count))
            } else if line.hasPrefix("greenlight: step "), line.hasSuffix(": start") {
                current = String(line.dropFirst("greenlight: step ".count).dropLast(": start".count))
            } else if line.hasPrefix("greenlight: step "), let range = line.range(of: ": exit ") {
                let name = String(line[line.index(line.startIndex, offsetBy: "greenlight: step ".count)..<range.lowerBound])
                let rest = line[range.upperBound...].split(separator: " ")
                let exit = Int32(rest.first ?? "") ?? -1
                let seconds = rest.count >= 3 ? Double(rest[2].dropLast()) ?? 0 : 0
                results[name] = (exit, seconds)
                current = nil
            } else if let current {
                outputs[current, default: []].append(line)
            }
        }
        for name in stepNames {
            let output = (outputs[name] ?? []).suffix(2000).joined(separator: "\n")
            if let result = results[name] {
                parsed.steps.append(StepResult(name: name, verdict: result.exit == 0 ? .pass : .fail, exitCode: result.exit,
                                               timedOut: false, duration: result.seconds, output: output, log: logPath))
            } else if outputs[name] != nil {
                // Started but never reported an exit: stopped by the deadline, OOM or eviction.
                parsed.steps.append(StepResult(name: name, verdict: unfinished, exitCode: nil, timedOut: false, duration: 0,
                                               output: output, log: logPath, problem: "step '\(name)' did not finish"))
            } else {
                parsed.steps.append(.skipped(name))
            }
        }
        return parsed
    }
}
