/// Something that runs a step's process inside a sandbox: given the command as it would run
/// unsealed, the command that runs it sealed (see `BubblewrapSandbox`).
protocol StepSandbox: Sendable {
    /// `spec` rewritten to start the sandbox, which runs `spec`'s program inside. The result's
    /// `directory` is a host path (where the sandbox itself starts); the environment is passed through.
    func wrap(_ spec: ProcessSpec) -> ProcessSpec
    /// The checkout's path as the steps see it inside the sandbox (for paths in their output).
    var insideDirectory: String { get }
}
