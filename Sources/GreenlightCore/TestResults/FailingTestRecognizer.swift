import Foundation

/// The names of the failing tests in a step's output, for the places that need names alone
/// (the attestor's predicate, a verdict's `failingTests`). The names are the failures that
/// `TestOutputAnalyzer` recognises (go test, Ginkgo, pytest, XCTest, Swift Testing, cargo
/// test; see its documentation), so both always agree.
public struct FailingTestRecognizer: Sendable {
    /// At most this many names are reported.
    public var limit: Int

    public init(limit: Int = 20) {
        self.limit = limit
    }

    /// Failing test names in order of first appearance, without duplicates.
    public func failingTests(in output: String) -> [String] {
        Array(TestOutputAnalyzer.analyze(output).failures.map(\.name).prefix(max(0, limit)))
    }
}
