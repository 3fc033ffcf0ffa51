import Foundation

/// One command of a tier, run with `/bin/sh -c`.
public struct StepDefinition: Equatable, Sendable {
    public var name: String
    public var run: String
    /// Per-step limit in seconds; exceeding it is a `fail` of that step (the code hung).
    public var timeout: TimeInterval?
    /// Seconds without a byte of output after which the step ends as if its `timeout` fired
    /// (a `fail`); `nil`: off.
    public var idleTimeout: TimeInterval?
    /// What either limit does before the kill.
    public var onTimeout: TimeoutAction
    /// JUnit XML reports the step writes: paths or glob(7) patterns relative to the checkout,
    /// never absolute and never through `..`.
    public var reports: [String]
    /// A step recognised as a test run that ran no test passes anyway (default: it fails, "no tests ran").
    public var allowNoTests: Bool
    public var env: [String: String]

    /// Seconds between asking a hung step for its state and terminating it (`on_timeout: diagnose`).
    public static let diagnosisGrace: TimeInterval = 5

    /// Set for a step with `on_timeout: diagnose` unless the step's environment already has them,
    /// so that its test processes can answer the state request: Python's faulthandler
    /// (https://docs.python.org/3/library/faulthandler.html) and the Swift runtime's backtracer
    /// (https://github.com/swiftlang/swift/blob/main/docs/Backtracing.rst; not interactive, so
    /// every thread is shown; plain text, no registers or image list. `threads=all` is not used:
    /// Swift 6.3's backtracer reads it as "no" and shows the crashed thread only).
    public static let diagnosisEnvironment: [String: String] = [
        "PYTHONFAULTHANDLER": "1",
        "SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,registers=none,images=none",
    ]

    public init(name: String, run: String, timeout: TimeInterval? = nil, env: [String: String] = [:],
                idleTimeout: TimeInterval? = nil, onTimeout: TimeoutAction = .diagnose, reports: [String] = [],
                allowNoTests: Bool = false) {
        self.name = name
        self.run = run
        self.timeout = timeout
        self.env = env
        self.idleTimeout = idleTimeout
        self.onTimeout = onTimeout
        self.reports = reports
        self.allowNoTests = allowNoTests
    }
}
