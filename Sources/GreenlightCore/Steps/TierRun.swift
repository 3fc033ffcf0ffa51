import Foundation
import NIOConcurrencyHelpers

/// Where one step runs: the executor (with its sandbox, if any), the directory and the environment.
struct StepPlace: Sendable {
    let executor: StepExecutor
    let directory: URL
    let environment: [String: String]
}

/// Runs a tier's steps: in parallel or in order, fail-fast or not, all under the tier's
/// deadline, every step in one place (the fast tier, a clean room in order) or each in a place
/// of its own (a clean room in parallel: a sandbox and checkout per step).
struct TierRun: Sendable {
    let definition: TierDefinition
    /// One place for every step, or one per step in the order of `definition.steps`.
    let places: [StepPlace]
    let deadline: Date
    let processes: ProcessGroupSet
    /// The log for one step (fast tier: a file each; clean room: one shared file).
    let logFor: @Sendable (StepDefinition) throws -> LogFile?

    /// Every step in the one place `executor`, `directory` and `environment` make.
    init(definition: TierDefinition, executor: StepExecutor, directory: URL, environment: [String: String], deadline: Date,
         processes: ProcessGroupSet, logFor: @escaping @Sendable (StepDefinition) throws -> LogFile?) {
        self.init(definition: definition, places: [StepPlace(executor: executor, directory: directory, environment: environment)],
                  deadline: deadline, processes: processes, logFor: logFor)
    }

    /// `places`: one (every step runs there) or one per step.
    init(definition: TierDefinition, places: [StepPlace], deadline: Date, processes: ProcessGroupSet,
         logFor: @escaping @Sendable (StepDefinition) throws -> LogFile?) {
        precondition(places.count == 1 || places.count == definition.steps.count, "one place, or one per step")
        self.definition = definition
        self.places = places
        self.deadline = deadline
        self.processes = processes
        self.logFor = logFor
    }

    /// Runs every step; the result keeps the configured order.
    func runSteps(parallel: Bool, stopAfterFailure: Bool) async -> [StepResult] {
        let tierProcesses = processes.makeChild()
        if parallel {
            let failedFirst = NIOLockedValueBox(false)
            return await withTaskGroup(of: (Int, StepResult).self) { group in
                for (index, step) in definition.steps.enumerated() {
                    group.addTask {
                        var result = await runOne(step, at: index, processes: tierProcesses)
                        if result.verdict == .skipped, failedFirst.withLockedValue({ $0 }), !processes.isStopped {
                            // Stopped by a sibling's failure, not from outside (Ctrl-C stops `processes` itself).
                            result.problem = StepResult.stoppedByFailFast
                        } else if stopAfterFailure, result.verdict == .fail || result.verdict == .error {
                            failedFirst.withLockedValue { $0 = true }
                            tierProcesses.stopAll()
                        }
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
        for (index, step) in definition.steps.enumerated() {
            if stopped || tierProcesses.isStopped {
                var skipped = StepResult.skipped(step.name)
                if stopped { skipped.problem = "not run: an earlier step did not pass" }
                results.append(skipped)
                continue
            }
            let result = await runOne(step, at: index, processes: tierProcesses)
            results.append(result)
            if result.verdict == .error || (stopAfterFailure && result.verdict == .fail) { stopped = true }
        }
        return results
    }

    private func runOne(_ step: StepDefinition, at index: Int, processes: ProcessGroupSet) async -> StepResult {
        let place = places.count == 1 ? places[0] : places[index]
        let log: LogFile?
        do {
            log = try logFor(step)
        } catch {
            return StepResult(name: step.name, verdict: .error, exitCode: nil, timedOut: false, duration: 0,
                              output: "", log: nil, problem: "\(error)")
        }
        var env = place.environment
        for (key, value) in step.env { env[key] = value }
        return await place.executor.run(step, in: place.directory, environment: env, tierDeadline: deadline,
                                  log: log, logPath: log?.url.path, processes: processes)
    }
}
