import Foundation

/// Reads the marker lines `JobScript` prints back out of the pod log: which steps ran,
/// how each ended, and what the container checked out.
struct JobLogParser {
    struct Parsed {
        var steps: [StepResult] = []
        /// `HEAD <sha> tree <sha>` as the Job reported it.
        var checkout: (head: String, tree: String)?
    }

    /// `text` is the log; `stepNames` the configured steps (those that never started are skipped).
    func parse(_ text: String, stepNames: [String], logPath: String, unfinished: StepVerdict = .error) -> Parsed {
        var parsed = Parsed()
        var outputs: [String: [Substring]] = [:]
        var current: String?
        var results: [String: (exit: Int32, seconds: Double)] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("greenlight: checkout HEAD ") {
                let fields = line.split(separator: " ")
                if fields.count >= 6 { parsed.checkout = (String(fields[3]), String(fields[5])) }
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
