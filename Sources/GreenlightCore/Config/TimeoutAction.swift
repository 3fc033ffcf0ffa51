/// What a step's `timeout` or `idle_timeout` does before the step is killed
/// (`steps[].on_timeout`; part of the gate definition's digest).
public enum TimeoutAction: String, Sendable, Equatable, CaseIterable {
    /// Ask the test processes still running for their state (Go test binaries: SIGQUIT, a
    /// goroutine dump; Ginkgo suites: SIGINT, a progress report; Python with
    /// `PYTHONFAULTHANDLER`: SIGABRT, a traceback; JVMs: SIGQUIT, a thread dump), wait
    /// `StepDefinition.diagnosisGrace` seconds, then TERM and KILL as `kill` does.
    case diagnose
    /// TERM the step's process group at once, KILL it 2 seconds later.
    case kill
}
