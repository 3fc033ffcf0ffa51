import Foundation

/// One command of a tier, run with `/bin/sh -c`.
public struct StepDefinition: Equatable, Sendable {
    public var name: String
    public var run: String
    /// Per-step limit; exceeding it is a `fail` of that step (the code hung).
    public var timeout: TimeInterval?
    public var env: [String: String]

    public init(name: String, run: String, timeout: TimeInterval? = nil, env: [String: String] = [:]) {
        self.name = name
        self.run = run
        self.timeout = timeout
        self.env = env
    }
}
