import Foundation

/// Runs a tier's steps in one directory: in parallel or in order, fail-fast or not,
/// all under the tier's deadline. Shared by the fast tier and the local clean room.
struct TierRun: Sendable {
    let definition: TierDefinition
    let executor: StepExecutor
    let directory: URL
    let environment: [String: String]
    let deadline: Date
    let processes: ProcessGroupSet
    /// The log for one step (fast tier: a file each; clean room: one shared file).
    let logFor: @Sendable (StepDefinition) throws -> LogFile?

    /// Runs every step; the result keeps the configured order.
    func runSteps(parallel: Bool, stopAfterFailure: Bool) async -> [StepResult] {
        let tierProcesses = processes.makeChild()
        if parallel {
            return await withTaskGroup(of: (Int, StepResult).self) { group in
                for (index, step) in definition.steps.enumerated() {
                    group.addTask {
                        let result = await runOne(step, processes: tierProcesses)
                        if stopAfterFailure, result.verdict == .fail || result.verdict == .error { tierProcesses.stopAll() }
                        return (index, result)
                    }
                }
                var results = [StepResult?](repeating: nil, count: definition.steps.count)
                for await (index, result) in group { results[index] = result }
                return results.enumerated().map { $0.element ?? .skipped(definition.steps[$0.offset].name) }
            }
        }
        var results: [StepResult] = []
        var stopped = false
        for step in definition.steps {
            if stopped || tierProcesses.isStopped {
                results.append(.skipped(step.name))
                continue
            }
            let result = await runOne(step, processes: tierProcesses)
            results.append(result)
            if result.verdict == .error || (stopAfterFailure && result.verdict == .fail) { stopped = true }
        }
        return results
    }

    private func runOne(_ step: StepDefinition, processes: ProcessGroupSet) async -> StepResult {
        let log: LogFile?
        do {
            log = try logFor(step)
        } catch {
            return StepResult(name: step.name, verdict: .error, exitCode: nil, timedOut: false, duration: 0,
                              output: "", log: nil, problem: "\(error)")
        }
        var env = environment
        for (key, value) in step.env { env[key] = value }
        return await executor.run(step, in: directory, environment: env, tierDeadline: deadline,
                                  log: log, logPath: log?.url.path, processes: processes)
    }
}
