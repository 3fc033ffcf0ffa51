import Foundation

/// Runs one step as a child process under the step's own limit and the tier's deadline.
struct StepExecutor: Sendable {
    let launcher: ProcessLauncher
    let progress: ProgressSink
    let tier: Tier
    /// The tier's whole limit, for the message when it is what stopped a step.
    let tierTimeout: TimeInterval
    /// When set, every step runs inside it (the local clean room's seal).
    var sandbox: StepSandbox? = nil

    /// Runs `step`; `tierDeadline` is when the whole tier must end. A step stopped by the
    /// tier deadline is an `error` (the gate could not decide); by its own limit a `fail`.
    func run(_ step: StepDefinition, in directory: URL, environment: [String: String], tierDeadline: Date,
             log: LogFile?, logPath: String?, processes: ProcessGroupSet) async -> StepResult {
        let projectRoots = [directory.path] + (sandbox.map { [$0.insideDirectory] } ?? [])
        let analyzer = TestOutputAnalyzer(projectRoots: projectRoots)
        let output = StepOutput(log: log, analyzer: analyzer)
        let remaining = tierDeadline.timeIntervalSinceNow
        let stepLimit = step.timeout ?? .infinity
        let tierBinds = remaining < stepLimit
        var environment = environment
        if step.onTimeout == .diagnose {
            for (name, value) in StepDefinition.diagnosisEnvironment where environment[name] == nil { environment[name] = value }
        }
        var spec = ProcessSpec(command: step.run, directory: directory, environment: environment,
                               timeout: max(0.001, min(stepLimit, remaining)))
        spec.idleTimeout = step.idleTimeout
        spec.stateDumpGrace = step.onTimeout == .diagnose ? StepDefinition.diagnosisGrace : nil
        if let sandbox { spec = sandbox.wrap(spec) }
        progress.stepStarted(tier: tier, step: step.name, output: output.capture)
        log?.write("\n==> step \(step.name): \(step.run)\n")
        let startedAt = Date()
        var result: StepResult
        do {
            let process = try await launcher.run(spec, output: output, group: processes)
            let ownLimit = process.timedOut && (!tierBinds || process.idleTimedOut)
            let verdict: StepVerdict
            if process.timedOut { verdict = ownLimit ? .fail : .error }
            else if process.terminated { verdict = .skipped }
            else { verdict = process.exitCode == 0 ? .pass : .fail }
            result = StepResult(name: step.name, verdict: verdict, exitCode: process.terminated ? nil : process.exitCode,
                                timedOut: ownLimit, duration: process.duration,
                                timeout: ownLimit ? (process.idleTimedOut ? step.idleTimeout : stepLimit) : nil,
                                output: output.capture.text, log: logPath)
            result.idleTimedOut = ownLimit && process.idleTimedOut
            result.stateRequests = process.stateRequests.map(\.description)
            if !process.stateRequests.isEmpty {
                log?.write("==> step \(step.name): asked for its state before the kill: \(result.stateRequests.joined(separator: "; "))\n")
            }
            if process.terminated && !process.timedOut {
                result.problem = "stopped before it finished"
            }
            if process.timedOut && !ownLimit {
                result.problem = "the \(tier.rawValue) tier timed out after \(DurationParser.format(tierTimeout)) during step '\(step.name)'"
            }
            let reports = StepReports(directory: directory, since: startedAt, projectRoots: projectRoots).read(step.reports)
            result.warnings = reports.warnings.map { "step '\(step.name)': \($0)" }
            for warning in reports.warnings { log?.write("==> step \(step.name): \(warning)\n") }
            result.apply(JUnitReport.merge(text: output.testSummary() ?? analyzer.finish(), reports: reports.summaries),
                         allowNoTests: step.allowNoTests)
            log?.write("==> step \(step.name): \(result.summary)\n")
        } catch {
            _ = output.testSummary()  // ends the analyzer's thread
            result = StepResult(name: step.name, verdict: .error, exitCode: nil, timedOut: false, duration: 0,
                                output: "", log: logPath, problem: "\(error)")
            log?.write("==> step \(step.name): could not start: \(error)\n")
        }
        if let problem = log?.problem { progress.warning(problem) }
        progress.stepFinished(tier: tier, result: result)
        return result
    }
}
