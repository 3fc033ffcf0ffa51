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
        let output = StepOutput(log: log)
        let remaining = tierDeadline.timeIntervalSinceNow
        let stepLimit = step.timeout ?? .infinity
        let tierBinds = remaining < stepLimit
        var spec = ProcessSpec(command: step.run, directory: directory, environment: environment,
                               timeout: max(0.001, min(stepLimit, remaining)))
        if let sandbox { spec = sandbox.wrap(spec) }
        progress.stepStarted(tier: tier, step: step.name, output: output.capture)
        log?.write("\n==> step \(step.name): \(step.run)\n")
        var result: StepResult
        do {
            let process = try await launcher.run(spec, output: output, group: processes)
            let verdict: StepVerdict
            if process.timedOut { verdict = tierBinds ? .error : .fail }
            else if process.terminated { verdict = .skipped }
            else { verdict = process.exitCode == 0 ? .pass : .fail }
            result = StepResult(name: step.name, verdict: verdict, exitCode: process.terminated ? nil : process.exitCode,
                                timedOut: process.timedOut && !tierBinds, duration: process.duration,
                                timeout: process.timedOut && !tierBinds ? stepLimit : nil,
                                output: output.capture.text, log: logPath)
            if process.terminated && !process.timedOut {
                result.problem = "stopped before it finished"
            }
            if process.timedOut && tierBinds {
                result.problem = "the \(tier.rawValue) tier timed out after \(DurationParser.format(tierTimeout)) during step '\(step.name)'"
            }
            log?.write("==> step \(step.name): \(result.summary)\n")
        } catch {
            result = StepResult(name: step.name, verdict: .error, exitCode: nil, timedOut: false, duration: 0,
                                output: "", log: logPath, problem: "\(error)")
            log?.write("==> step \(step.name): could not start: \(error)\n")
        }
        if let problem = log?.problem { progress.warning(problem) }
        progress.stepFinished(tier: tier, result: result)
        return result
    }
}
